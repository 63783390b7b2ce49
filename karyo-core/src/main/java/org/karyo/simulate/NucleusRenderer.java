package org.karyo.simulate;

import org.karyo.image.LabelImage;

import java.util.Arrays;

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
    static final double CYTOPLASM_LEVEL = 0.55;
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
        reporterCell = new float[n];
        dnaCell = new float[n];
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
        Arrays.fill(pi, 0);
        Arrays.fill(labels, 0);
        Arrays.fill(owner, Float.POSITIVE_INFINITY);
    }

    public void draw(NucleusSpec spec) {
        NucleusShape s = spec.shape();
        drawCytoplasm(spec);
        NucleusAppearance look = new NucleusAppearance(spec, pixelSizeUm);
        int x0 = Math.max(0, s.minX());
        int x1 = Math.min(width - 1, s.maxX());
        int y0 = Math.max(0, s.minY());
        int y1 = Math.min(height - 1, s.maxY());
        for (int y = y0; y <= y1; y++) {
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double rn = s.normalizedRadius(x, y);
                int i = row + x;
                if (rn >= 1 || rn >= owner[i]) continue;
                owner[i] = (float) rn;
                labels[i] = spec.label();
                dna[i] = (float) look.dna(x, y, rn);
                reporterNucleus[i] = spec.reporter() > 0 ? (float) look.reporter(x, y) : 0f;
                pi[i] = spec.pi() > 0 ? (float) (spec.pi() * (0.75 + 0.25 * Math.sqrt(1 - rn * rn))) : 0f;
            }
        }
    }

    private void drawCytoplasm(NucleusSpec spec) {
        // The cell body: a looser, larger outline around the nucleus with a soft edge.
        NucleusShape n = spec.shape();
        NucleusShape c = new NucleusShape(n.x(), n.y(), n.semiMajor() * CELL_SCALE, n.semiMinor() * CELL_SCALE * 1.1,
                n.angle(), 0.18, n.seed() ^ 0x2545F4914F6CDD1DL);
        float level = spec.wholeCell() ? (float) (spec.reporter() * CYTOPLASM_LEVEL) : 0f;
        float glow = (float) (spec.dna() * DNA_CYTOPLASM);
        int x0 = Math.max(0, c.minX());
        int x1 = Math.min(width - 1, c.maxX());
        int y0 = Math.max(0, c.minY());
        int y1 = Math.min(height - 1, c.maxY());
        for (int y = y0; y <= y1; y++) {
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double rn = c.normalizedRadius(x, y);
                if (rn >= 1) continue;
                float edge = rn < 0.7 ? 1f : (float) (1 - (rn - 0.7) / 0.3);
                if (level * edge > reporterCell[row + x]) reporterCell[row + x] = level * edge;
                if (glow * edge > dnaCell[row + x]) dnaCell[row + x] = glow * edge;
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
        for (int i = 0; i < out.length; i++) out[i] = labels[i] != 0 ? dna[i] : dnaCell[i];
        return out;
    }

    /** Reporter signal: nuclear level inside nuclei plus a little of any overlying cytoplasm, cytoplasm elsewhere. */
    public float[] reporterSignal() {
        float[] out = new float[dna.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] != 0 ? reporterNucleus[i] + 0.25f * reporterCell[i] : reporterCell[i];
        }
        return out;
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
