package org.karyo.simulate;

import org.karyo.image.LabelImage;

import java.util.Arrays;
import java.util.List;

/**
 * Draws nuclei into specimen-plane signal buffers (DNA, reporter, PI; photoelectrons, noise-free and
 * sharp) and an instance label buffer. Overlapping nuclei split contested pixels by normalized radius,
 * so every nucleus keeps its centre and touching nuclei meet along a natural boundary. Not thread-safe;
 * reuse one renderer per image size across frames to avoid allocation.
 */
public final class NucleusRenderer {
    /** Whole-cell reporter: the cytoplasm outline is this much larger than the nucleus. */
    static final double CELL_SCALE = 2.8;
    /** Share of the nuclear reporter level seen in the cytoplasm of whole-cell reporters. */
    static final double CYTOPLASM_LEVEL = 0.75;
    /**
     * Faint DNA-stain glow of the cell body (unbound dye, mitochondrial DNA, out-of-focus light): real Hoechst
     * backgrounds are lumpy around cells, not flat, which makes thresholds harder.
     */
    static final double DNA_CYTOPLASM = 0.07;

    private final int width;
    private final int height;
    private final double pixelSizeUm;
    private final float[] dna;
    private final float[] reporterNucleus;
    private final float[] reporterCell;
    private final float[] dnaCell;
    private final float[] cellOwner;
    private final int halfWidth;
    private final int halfHeight;
    private final float[] pi;
    private final int[] labels;
    private final float[] owner;

    public NucleusRenderer(int width, int height, double pixelSizeUm) {
        this.width = width;
        this.height = height;
        this.pixelSizeUm = pixelSizeUm;
        int n = width * height;
        dna = new float[n];
        reporterNucleus = new float[n];
        // Cell bodies are smooth: drawn on a half-resolution grid and interpolated, for a quarter of the work.
        halfWidth = (width + 1) / 2;
        halfHeight = (height + 1) / 2;
        reporterCell = new float[halfWidth * halfHeight];
        dnaCell = new float[halfWidth * halfHeight];
        cellOwner = new float[halfWidth * halfHeight];
        pi = new float[n];
        labels = new int[n];
        owner = new float[n];
        clear();
    }

    public void clear() {
        Arrays.fill(dna, 0);
        Arrays.fill(reporterNucleus, 0);
        Arrays.fill(reporterCell, 0);
        Arrays.fill(dnaCell, 0);
        Arrays.fill(cellOwner, Float.POSITIVE_INFINITY);
        Arrays.fill(pi, 0);
        Arrays.fill(labels, 0);
        Arrays.fill(owner, Float.POSITIVE_INFINITY);
    }

    /** Draws one nucleus (and its cell body) over everything drawn before. */
    public void draw(NucleusSpec spec) {
        Prepared p = new Prepared(spec, pixelSizeUm);
        drawCytoplasm(p, 0, height - 1);
        drawNucleus(p, 0, height - 1);
    }

    /**
     * Draws nuclei in list order, in parallel over horizontal bands. Each band sees the nuclei in the same
     * order, so the result is identical to drawing them one by one.
     */
    public void drawAll(List<NucleusSpec> specs) {
        Prepared[] prepared = new Prepared[specs.size()];
        // Preparing is independent per nucleus (its own seeds), so it can run in parallel too.
        ParallelRows.forEach(prepared.length, 64, i -> prepared[i] = new Prepared(specs.get(i), pixelSizeUm));
        int bands = Math.max(1, Math.min(height / 16, 16));
        // Even band heights, so each half-resolution cell-body row belongs to exactly one band.
        int bandHeight = ((height + bands - 1) / bands + 1) & ~1;
        ParallelRows.forEach(bands, bandHeight * width, band -> {
            int y0 = band * bandHeight;
            int y1 = Math.min(height - 1, y0 + bandHeight - 1);
            for (Prepared p : prepared) {
                if (p.cell.maxY() < y0 || p.cell.minY() > y1) continue;
                drawCytoplasm(p, y0, y1);
                drawNucleus(p, y0, y1);
            }
        });
    }

    /** A spec with its appearance and cell-body outline worked out (immutable, shared by bands). */
    private static final class Prepared {
        final NucleusSpec spec;
        final NucleusAppearance look;
        final NucleusShape cell;

        Prepared(NucleusSpec spec, double pixelSizeUm) {
            this.spec = spec;
            this.look = new NucleusAppearance(spec, pixelSizeUm);
            NucleusShape n = spec.shape();
            // The cell body: a looser, larger outline around the nucleus with a soft edge.
            this.cell = new NucleusShape(n.x(), n.y(), n.semiMajor() * CELL_SCALE, n.semiMinor() * CELL_SCALE * 1.1,
                    n.angle(), 0.18, n.seed() ^ 0x2545F4914F6CDD1DL);
        }
    }

    private void drawNucleus(Prepared p, int yFrom, int yTo) {
        NucleusSpec spec = p.spec;
        NucleusShape s = spec.shape();
        int[] span = new int[2];
        int y0 = Math.max(yFrom, s.minY());
        int y1 = Math.min(yTo, s.maxY());
        for (int y = y0; y <= y1; y++) {
            s.rowSpan(y, span);
            int x0 = Math.max(0, span[0]);
            int x1 = Math.min(width - 1, span[1]);
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double rn = s.normalizedRadius(x, y);
                int i = row + x;
                if (rn >= 1 || rn >= owner[i]) continue;
                owner[i] = (float) rn;
                labels[i] = spec.label();
                dna[i] = (float) p.look.dna(x, y, rn);
                reporterNucleus[i] = spec.reporter() > 0 ? (float) p.look.reporter(x, y) : 0f;
                pi[i] = spec.pi() > 0 ? (float) (spec.pi() * (0.75 + 0.25 * Math.sqrt(1 - rn * rn))) : 0f;
            }
        }
    }

    private void drawCytoplasm(Prepared p, int yFrom, int yTo) {
        NucleusSpec spec = p.spec;
        NucleusShape c = p.cell;
        float level = spec.wholeCell() ? (float) (spec.reporter() * CYTOPLASM_LEVEL) : 0f;
        float glow = (float) (spec.dna() * DNA_CYTOPLASM);
        int[] span = new int[2];
        int y0 = Math.max((yFrom + 1) / 2, (c.minY() + 1) / 2);
        int y1 = Math.min(yTo / 2, c.maxY() / 2);
        for (int hy = Math.max(0, y0); hy <= Math.min(halfHeight - 1, y1); hy++) {
            int y = 2 * hy;
            c.rowSpan(y, span);
            int x0 = Math.max(0, (span[0] + 1) / 2);
            int x1 = Math.min(halfWidth - 1, span[1] / 2);
            int row = hy * halfWidth;
            for (int hx = x0; hx <= x1; hx++) {
                double rn = c.normalizedRadius(2 * hx, y);
                int i = row + hx;
                // Neighbouring cells share the space between them like nuclei do: the nearer one (in
                // outline-normalized distance) owns it, so a GFP cell never spreads over its neighbours.
                if (rn >= 1 || rn >= cellOwner[i]) continue;
                cellOwner[i] = (float) rn;
                float edge = rn < 0.7 ? 1f : (float) (1 - (rn - 0.7) / 0.3);
                reporterCell[i] = level * edge;
                dnaCell[i] = glow * edge;
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** DNA signal: nuclei plus the faint cell-body glow around them (a new array). */
    public float[] dnaSignal() {
        float[] out = new float[dna.length];
        ParallelRows.forEach(height, width, y -> {
            for (int x = 0, i = y * width; x < width; x++, i++) {
                out[i] = labels[i] != 0 ? dna[i] : cellBody(dnaCell, x, y);
            }
        });
        return out;
    }

    /** Reporter signal: each nucleus's own level inside it, cell bodies (whole-cell reporters) elsewhere. */
    public float[] reporterSignal() {
        float[] out = new float[dna.length];
        ParallelRows.forEach(height, width, y -> {
            for (int x = 0, i = y * width; x < width; x++, i++) {
                float cell = cellBody(reporterCell, x, y);
                out[i] = labels[i] != 0 ? reporterNucleus[i] : cell;
            }
        });
        return out;
    }

    /** Bilinear read of a half-resolution cell-body buffer at full-resolution pixel (x, y). */
    private float cellBody(float[] half, int x, int y) {
        int hx = x >> 1;
        int hy = y >> 1;
        int hx1 = Math.min(halfWidth - 1, hx + 1);
        int hy1 = Math.min(halfHeight - 1, hy + 1);
        float fx = (x & 1) * 0.5f;
        float fy = (y & 1) * 0.5f;
        float top = half[hy * halfWidth + hx] * (1 - fx) + half[hy * halfWidth + hx1] * fx;
        float bottom = half[hy1 * halfWidth + hx] * (1 - fx) + half[hy1 * halfWidth + hx1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    public float[] piSignal() {
        return pi;
    }

    /** The labels drawn so far (ids as given in the specs, not renumbered). */
    public LabelImage labels(int count) {
        return new LabelImage(width, height, labels.clone(), count);
    }

    /** The live label buffer; do not modify. */
    int[] labelBuffer() {
        return labels;
    }
}
