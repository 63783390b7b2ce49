package org.karyo.measure;

import org.karyo.image.LabelImage;

/** Per-label raw moments, bounding boxes, boundary edges and hull corners, gathered in one raster pass. */
final class Geometry {
    final int[] area;
    final int[] offsets;
    final double[] sumX;
    final double[] sumY;
    final double[] sumXX;
    final double[] sumYY;
    final double[] sumXY;
    final int[] minX;
    final int[] minY;
    final int[] maxX;
    final int[] maxY;
    final int[] edges;
    /** Corners of each row run's end pixels: enough points for the convex hull of the pixel squares. */
    final int[][] cornerX;
    final int[][] cornerY;
    final int[] corners;

    private Geometry(int n) {
        area = new int[n + 1];
        offsets = new int[n + 2];
        sumX = new double[n + 1];
        sumY = new double[n + 1];
        sumXX = new double[n + 1];
        sumYY = new double[n + 1];
        sumXY = new double[n + 1];
        minX = new int[n + 1];
        minY = new int[n + 1];
        maxX = new int[n + 1];
        maxY = new int[n + 1];
        edges = new int[n + 1];
        cornerX = new int[n + 1][];
        cornerY = new int[n + 1][];
        corners = new int[n + 1];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(minY, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxX, -1);
        java.util.Arrays.fill(maxY, -1);
    }

    static Geometry of(LabelImage labels) {
        int w = labels.width();
        int h = labels.height();
        int[] lab = labels.labels();
        Geometry g = new Geometry(labels.count());
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int x = 0;
            while (x < w) {
                int l = lab[row + x];
                if (l == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && lab[row + x] == l) {
                    g.addPixel(l, x, y, lab, w, h);
                    x++;
                }
                g.addRun(l, start, x - 1, y);
            }
        }
        for (int l = 1; l < g.offsets.length; l++) {
            g.offsets[l] = g.offsets[l - 1] + g.area[l - 1];
        }
        return g;
    }

    private void addPixel(int l, int x, int y, int[] lab, int w, int h) {
        area[l]++;
        sumX[l] += x;
        sumY[l] += y;
        sumXX[l] += (double) x * x;
        sumYY[l] += (double) y * y;
        sumXY[l] += (double) x * y;
        if (y < minY[l]) minY[l] = y;
        if (y > maxY[l]) maxY[l] = y;
        if (x < minX[l]) minX[l] = x;
        if (x > maxX[l]) maxX[l] = x;
        int i = y * w + x;
        if (x == 0 || lab[i - 1] != l) edges[l]++;
        if (x == w - 1 || lab[i + 1] != l) edges[l]++;
        if (y == 0 || lab[i - w] != l) edges[l]++;
        if (y == h - 1 || lab[i + w] != l) edges[l]++;
    }

    private void addRun(int l, int x0, int x1, int y) {
        int k = corners[l];
        if (cornerX[l] == null) {
            cornerX[l] = new int[16];
            cornerY[l] = new int[16];
        } else if (k + 4 > cornerX[l].length) {
            cornerX[l] = java.util.Arrays.copyOf(cornerX[l], cornerX[l].length * 2);
            cornerY[l] = java.util.Arrays.copyOf(cornerY[l], cornerY[l].length * 2);
        }
        int[] cx = cornerX[l];
        int[] cy = cornerY[l];
        cx[k] = x0;
        cy[k] = y;
        cx[k + 1] = x0;
        cy[k + 1] = y + 1;
        cx[k + 2] = x1 + 1;
        cy[k + 2] = y;
        cx[k + 3] = x1 + 1;
        cy[k + 3] = y + 1;
        corners[l] = k + 4;
    }

    /** Central second moments, each with the 1/12 a unit pixel square adds, so tiny objects stay non-degenerate. */
    double[] covariance(int l) {
        double n = area[l];
        double mx = sumX[l] / n;
        double my = sumY[l] / n;
        double sxx = sumXX[l] / n - mx * mx + 1.0 / 12;
        double syy = sumYY[l] / n - my * my + 1.0 / 12;
        double sxy = sumXY[l] / n - mx * my;
        return new double[] {sxx, sxy, syy};
    }

    /** Inverse of {@link #covariance} as {xx, xy, yy}, or null when too small for a radial coordinate. */
    double[] inverseCovariance(int l) {
        if (area[l] < NucleusMeasurer.MIN_AREA_FOR_RADIAL) return null;
        double[] c = covariance(l);
        double det = c[0] * c[2] - c[1] * c[1];
        if (det <= 0) return null;
        return new double[] {c[2] / det, -c[1] / det, c[0] / det};
    }

    Shape shape(int l) {
        double[] c = covariance(l);
        double half = (c[0] + c[2]) / 2;
        double root = Math.sqrt(Math.max(0, (c[0] - c[2]) * (c[0] - c[2]) / 4 + c[1] * c[1]));
        double l1 = half + root;
        double l2 = Math.max(0, half - root);
        double ecc = l1 <= 0 ? 0 : Math.sqrt(Math.max(0, 1 - l2 / l1));
        double perimeter = edges[l] * Math.PI / 4;
        double hull = ConvexHull.area(cornerX[l], cornerY[l], corners[l]);
        double solidity = hull <= 0 ? 1 : Math.min(1, area[l] / hull);
        double circularity = Math.min(1, 4 * Math.PI * area[l] / (perimeter * perimeter));
        double orientation = 0.5 * Math.atan2(2 * c[1], c[0] - c[2]);
        return new Shape(sumX[l] / area[l], sumY[l] / area[l], area[l], perimeter,
                Math.sqrt(4 * area[l] / Math.PI), ecc, solidity, circularity,
                minX[l], minY[l], maxX[l] - minX[l] + 1, maxY[l] - minY[l] + 1,
                4 * Math.sqrt(l1), 4 * Math.sqrt(l2), orientation);
    }
}
