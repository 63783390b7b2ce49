package org.karyo.simulate;

/**
 * Microscope and camera: how specimen light becomes 16-bit (or 8-bit) pixel values.
 * Signal levels elsewhere in the simulator are in photoelectrons per pixel; this record turns them into
 * grey values. Defaults ({@link #forMagnification}) model a widefield screening microscope with an sCMOS
 * camera (6.5 µm pixels, 2x2 binning) and were tuned against the real fields in shared/data
 * (see docs/simulator.md).
 *
 * @param pixelSizeUm         specimen-plane pixel size in µm (6.5 µm x binning / magnification)
 * @param psfSigmaUm          sigma of the Gaussian point-spread function including slight defocus, µm
 * @param minPsfSigmaPx       lower bound on the PSF sigma in pixels (optics never image sharper than ~half a pixel)
 * @param backgroundElectrons mean background (medium, plastic, out-of-focus light), photoelectrons per pixel
 * @param gradient            relative background change from one corner to the opposite one (0 = flat)
 * @param vignetting          relative intensity loss in the corners versus the centre (0 = none)
 * @param gainElectronsPerAdu photoelectrons per grey value
 * @param offsetAdu           camera offset (dark level), grey values
 * @param readNoiseAdu        Gaussian read noise, grey values (sd)
 * @param bitDepth            8 or 16; values are rounded and clamped to the range
 */
public record OpticsSettings(double pixelSizeUm, double psfSigmaUm, double minPsfSigmaPx, double backgroundElectrons,
                             double gradient, double vignetting, double gainElectronsPerAdu, double offsetAdu,
                             double readNoiseAdu, int bitDepth) {

    public static final double CAMERA_PIXEL_UM = 6.5;
    public static final int DEFAULT_BINNING = 2;

    public OpticsSettings {
        requirePositive("pixelSizeUm", pixelSizeUm);
        requireNonNegative("psfSigmaUm", psfSigmaUm);
        requireNonNegative("minPsfSigmaPx", minPsfSigmaPx);
        requireNonNegative("backgroundElectrons", backgroundElectrons);
        if (gradient < 0 || gradient >= 1) throw new IllegalArgumentException("gradient must be in [0,1): " + gradient);
        if (vignetting < 0 || vignetting >= 1) throw new IllegalArgumentException("vignetting must be in [0,1): " + vignetting);
        requirePositive("gainElectronsPerAdu", gainElectronsPerAdu);
        requireNonNegative("offsetAdu", offsetAdu);
        requireNonNegative("readNoiseAdu", readNoiseAdu);
        if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("bitDepth must be 8 or 16: " + bitDepth);
    }

    /**
     * Defaults for an objective magnification (4, 10, 20, 40, 63...): pixel size 13 µm / magnification,
     * PSF from the typical numerical aperture of such an objective, background 120 e-, gradient 0.25,
     * vignetting 0.2, gain 0.5 e-/ADU, offset 100, read noise 3 ADU, 16-bit.
     */
    public static OpticsSettings forMagnification(double magnification) {
        requirePositive("magnification", magnification);
        return withPixelSize(CAMERA_PIXEL_UM * DEFAULT_BINNING / magnification, typicalNa(magnification));
    }

    /** Defaults with an explicit pixel size; the numerical aperture sets the PSF (sigma ~ 0.21 lambda / NA, lambda 460 nm Hoechst). */
    public static OpticsSettings withPixelSize(double pixelSizeUm, double numericalAperture) {
        requirePositive("numericalAperture", numericalAperture);
        // Slight defocus of a screening microscope roughly doubles the diffraction limit.
        double psf = 2.0 * 0.21 * 0.46 / numericalAperture;
        return new OpticsSettings(pixelSizeUm, psf, 0.6, 120, 0.25, 0.2, 0.5, 100, 3, 16);
    }

    /** Numerical aperture of a typical objective of this magnification (0.2 at 4x ... 1.4 at 63x oil). */
    public static double typicalNa(double magnification) {
        if (magnification <= 5) return 0.2;
        if (magnification <= 12) return 0.3;
        if (magnification <= 25) return 0.45;
        if (magnification <= 45) return 0.75;
        return 1.4;
    }

    public double psfSigmaPx() {
        return Math.max(minPsfSigmaPx, psfSigmaUm / pixelSizeUm);
    }

    /**
     * The same optics written at another bit depth. For 8 bits the camera is rescaled as an 8-bit export
     * would be (8 e-/ADU, offset 10, read noise 0.5 ADU), so typical fields use the range without clipping,
     * like the real 8-bit fields in shared/data (background ~25, nuclei ~50).
     */
    public OpticsSettings withBitDepth(int depth) {
        if (depth == 8) {
            return new OpticsSettings(pixelSizeUm, psfSigmaUm, minPsfSigmaPx, backgroundElectrons, gradient, vignetting,
                    8, 10, 0.5, 8);
        }
        return new OpticsSettings(pixelSizeUm, psfSigmaUm, minPsfSigmaPx, backgroundElectrons, gradient, vignetting,
                gainElectronsPerAdu, offsetAdu, readNoiseAdu, depth);
    }

    public OpticsSettings withBackground(double electrons, double gradient, double vignetting) {
        return new OpticsSettings(pixelSizeUm, psfSigmaUm, minPsfSigmaPx, electrons, gradient, vignetting,
                gainElectronsPerAdu, offsetAdu, readNoiseAdu, bitDepth);
    }

    public OpticsSettings withCamera(double gain, double offset, double readNoise) {
        return new OpticsSettings(pixelSizeUm, psfSigmaUm, minPsfSigmaPx, backgroundElectrons, gradient, vignetting,
                gain, offset, readNoise, bitDepth);
    }

    static void requirePositive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be > 0: " + v);
    }

    static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be >= 0: " + v);
    }

    static void requireFraction(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0,1]: " + v);
    }
}
