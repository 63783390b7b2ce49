package org.karyo.simulate;

import org.karyo.image.Plane;

import java.util.SplittableRandom;

/**
 * Turns a sharp specimen-plane signal (photoelectrons) into a camera image: Gaussian point-spread blur,
 * uneven background (linear gradient, low-frequency haze) and vignetting, Poisson shot noise, then gain,
 * offset, Gaussian read noise, rounding and clamping to the bit depth.
 */
public final class CameraModel {
    /** Relative amplitude of out-of-focus haze and cytoplasmic autofluorescence in the background. */
    static final double HAZE = 0.3;
    /** Size of haze features, µm. */
    static final double HAZE_SCALE_UM = 35;
    private static final int HAZE_STEP = 4;

    private final OpticsSettings optics;
    private final float[] kernel;

    public CameraModel(OpticsSettings optics) {
        this.optics = optics;
        this.kernel = gaussianKernel(optics.psfSigmaPx());
    }

    public OpticsSettings optics() {
        return optics;
    }

    /**
     * Images one channel.
     *
     * @param signal     specimen signal, row-major (not modified)
     * @param background mean background of this channel, photoelectrons
     * @param seed       noise stream for this channel and frame (derive it with {@link Seeds})
     */
    public Plane expose(float[] signal, int width, int height, double background, long seed) {
        float[] blurred = blur(signal, width, height);
        double maxV = (1 << optics.bitDepth()) - 1;
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double rMax2 = cx * cx + cy * cy;
        float[] haze = haze(width, height, seed);
        int gw = width / HAZE_STEP + 2;
        float[] out = new float[width * height];
        double gain = optics.gainElectronsPerAdu();
        double read = optics.readNoiseAdu();
        ParallelRows.forEach(height, width, y -> {
            SplittableRandom r = new SplittableRandom(Seeds.derive(seed, y));
            int row = y * width;
            int gy = y / HAZE_STEP;
            double fy = (y - gy * HAZE_STEP) / (double) HAZE_STEP;
            for (int x = 0; x < width; x++) {
                // Gradient runs corner to corner; vignetting falls off quadratically from the centre.
                double g = 1 + optics.gradient() * (((double) x / width + (double) y / height) / 2 - 0.5);
                double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rMax2;
                double vig = 1 - optics.vignetting() * d2;
                int gx = x / HAZE_STEP;
                double fx = (x - gx * HAZE_STEP) / (double) HAZE_STEP;
                int k = gy * gw + gx;
                double top = haze[k] + (haze[k + 1] - haze[k]) * fx;
                double bottom = haze[k + gw] + (haze[k + gw + 1] - haze[k + gw]) * fx;
                double hz = top + (bottom - top) * fy;
                double electrons = (background * g * hz + blurred[row + x]) * vig;
                double adu;
                if (electrons > 30) {
                    // Poisson is Gaussian here; shot and read noise then merge into one draw of summed variance.
                    double sd = Math.sqrt(electrons / (gain * gain) + read * read);
                    adu = optics.offsetAdu() + electrons / gain + sd * r.nextGaussian();
                } else {
                    adu = optics.offsetAdu() + Seeds.poisson(r, electrons) / gain + read * r.nextGaussian();
                }
                long v = Math.round(adu);
                out[row + x] = v < 0 ? 0 : (float) Math.min(v, maxV);
            }
        });
        return new Plane(width, height, optics.bitDepth(), out);
    }

    /**
     * Haze factor (around 1) on a coarse grid, interpolated per pixel: it varies over tens of µm, so
     * evaluating the noise at every pixel would only cost time.
     */
    private float[] haze(int width, int height, long seed) {
        double grain = Math.max(4, HAZE_SCALE_UM / optics.pixelSizeUm());
        long hazeSeed = Seeds.derive(seed, 0x4A5E);
        int gw = width / HAZE_STEP + 2;
        int gh = height / HAZE_STEP + 2;
        float[] g = new float[gw * gh];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                double x = i * HAZE_STEP;
                double y = j * HAZE_STEP;
                g[j * gw + i] = (float) (1 + HAZE * 2 * ChromatinTexture.noise(x / grain, y / grain, hazeSeed));
            }
        }
        return g;
    }

    /** Separable Gaussian blur with edge clamping. */
    float[] blur(float[] in, int width, int height) {
        int k = kernel.length / 2;
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        ParallelRows.forEach(height, width, y -> {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int j = -k; j <= k; j++) {
                    int xx = x + j;
                    xx = xx < 0 ? 0 : (xx >= width ? width - 1 : xx);
                    s += kernel[j + k] * in[row + xx];
                }
                tmp[row + x] = s;
            }
        });
        ParallelRows.forEach(height, width, y -> {
            int row = y * width;
            for (int j = -k; j <= k; j++) {
                int yy = y + j;
                yy = yy < 0 ? 0 : (yy >= height ? height - 1 : yy);
                int src = yy * width;
                float w = kernel[j + k];
                for (int x = 0; x < width; x++) out[row + x] += w * tmp[src + x];
            }
        });
        return out;
    }

    static float[] gaussianKernel(double sigma) {
        int k = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] w = new float[2 * k + 1];
        double sum = 0;
        for (int i = -k; i <= k; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            w[i + k] = (float) v;
            sum += v;
        }
        for (int i = 0; i < w.length; i++) w[i] /= (float) sum;
        return w;
    }
}
