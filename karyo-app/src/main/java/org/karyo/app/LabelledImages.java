package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Images with their instance label images: a folder of images and a folder of labels with the same file names. */
public final class LabelledImages {
    private LabelledImages() {
    }

    public record Pair(String name, Path file, Plane image, LabelImage truth) {
    }

    /** Every .png/.tif of {@code images}, read with its label image from {@code labels}. */
    public static List<Pair> read(Path images, Path labels) throws KaryoInputException {
        List<Pair> out = new ArrayList<>();
        for (Path f : imageFiles(images)) {
            Path truthFile = labels.resolve(f.getFileName());
            if (!Files.isRegularFile(truthFile)) throw new KaryoInputException(truthFile, "no ground truth for " + f.getFileName());
            Plane img = ImageFileReader.readPlane(f);
            Plane t = ImageFileReader.readPlane(truthFile);
            InputImages.requireSameSize(f, img, truthFile, t);
            out.add(new Pair(InputImages.baseName(f), f, img, toLabels(truthFile, t)));
        }
        return out;
    }

    /** Whether {@code images} holds image files whose names are also in {@code labels} (rather than a movie). */
    static boolean looksLikeOne(Path images, Path labels) {
        try {
            List<Path> files = imageFiles(images);
            return Files.isRegularFile(labels.resolve(files.get(0).getFileName()));
        } catch (KaryoInputException e) {
            return false;
        }
    }

    static List<Path> imageFiles(Path dir) throws KaryoInputException {
        if (!Files.isDirectory(dir)) throw new KaryoInputException(dir, "not a folder");
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|tif|tiff)"))
                    .sorted().toList();
            if (files.isEmpty()) throw new KaryoInputException(dir, "holds no .png or .tif images");
            return files;
        } catch (IOException e) {
            throw new KaryoInputException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    static LabelImage toLabels(Path file, Plane p) throws KaryoInputException {
        float[] px = p.pixels();
        int[] ids = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            float v = px[i];
            if (v < 0 || v != Math.rint(v)) throw new KaryoInputException(file, "is not a label image (value " + v + ")");
            ids[i] = (int) v;
        }
        return LabelImage.relabel(p.width(), p.height(), ids);
    }
}
