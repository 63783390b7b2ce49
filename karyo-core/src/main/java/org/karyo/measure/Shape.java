package org.karyo.measure;

/**
 * Geometry of one nucleus, in pixels. x is the column and y the row, 0-based, of the centroid;
 * the bounding box is inclusive-exclusive ({@code bboxX .. bboxX + bboxWidth - 1}).
 *
 * @param perimeter           boundary length, from the count of pixel edges facing outside times pi/4
 *                            (unbiased for round shapes, where a plain edge count overestimates by 4/pi)
 * @param equivalentDiameter  diameter of the disc with the same area
 * @param eccentricity        of the ellipse with the same second moments: 0 circle, towards 1 a line
 * @param solidity            area / area of the convex hull of the pixel squares
 * @param circularity         4 pi area / perimeter^2, capped at 1
 */
public record Shape(double x, double y, int area, double perimeter, double equivalentDiameter,
                    double eccentricity, double solidity, double circularity,
                    int bboxX, int bboxY, int bboxWidth, int bboxHeight,
                    double majorAxis, double minorAxis, double orientation) {
    public Shape {
        if (area <= 0) throw new IllegalArgumentException("area must be positive: " + area);
        if (bboxWidth <= 0 || bboxHeight <= 0) throw new IllegalArgumentException("empty bounding box");
    }
}
