package org.karyo.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.karyo.KaryoInputException;
import org.karyo.fate.FateHistory;
import org.karyo.AtomicFiles;
import org.karyo.learn.baseline.VectorForest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained fate-history forest with what applying it needs: which {@link FateHistory} features it reads, the
 * training medians that fill a missing value, and the training share of spreaders (its prior). Saved as
 * {@code forest.tribuo} and {@code fate-history.json} in one folder, so 'karyo fate-history --model' can apply
 * it to other movies.
 */
final class FateHistoryModel {
    static final String FOREST = "forest.tribuo";
    static final String INFO = "fate-history.json";
    static final List<String> CLASSES = List.of("nonspreader", "spreader");
    /** With --uninfected: is the cell infected at all, and if so will it lyse. */
    static final List<String> CLASSES_WITH_UNINFECTED = List.of("nonspreader", "spreader", "uninfected");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What is saved beside the forest; {@code classes} is null in models written before the uninfected class existed. */
    record Info(String format, List<String> features, double[] medians, double prior, double beforeLysis,
                List<String> trainedOn, List<String> classes) {
        List<String> classesOrDefault() {
            return classes == null ? CLASSES : classes;
        }
    }

    private final VectorForest forest;
    private final Info info;
    private final int[] columns;

    FateHistoryModel(VectorForest forest, Info info) {
        this.forest = forest;
        this.info = info;
        this.columns = info.features().stream().mapToInt(FateHistorySamples.NAMES::indexOf).toArray();
    }

    Info info() {
        return info;
    }

    /** Class probabilities (in {@link Info#classesOrDefault()} order) from a sample's full {@link FateHistorySamples#NAMES} feature vector. */
    float[] probabilities(double[] allFeatures) {
        double[] row = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            double v = allFeatures[columns[j]];
            row[j] = Double.isFinite(v) ? v : info.medians()[j];
        }
        return forest.predictProba(row);
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(FOREST), forest::save);
        AtomicFiles.writeString(dir.resolve(INFO), GSON.toJson(info) + "\n");
    }

    static FateHistoryModel load(Path dir) throws KaryoInputException {
        Path json = dir.resolve(INFO);
        Info info;
        try {
            info = GSON.fromJson(Files.readString(json), Info.class);
        } catch (IOException | RuntimeException e) {
            throw new KaryoInputException(json, "cannot read the fate-history model (written by 'karyo fate-history --train-wells'): "
                    + e.getMessage(), e);
        }
        if (info == null || !"karyo-fate-history/1".equals(info.format()) || info.features() == null
                || info.medians() == null || info.medians().length != info.features().size()) {
            throw new KaryoInputException(json, "not a karyo fate-history model");
        }
        for (String f : info.features()) {
            if (!FateHistorySamples.NAMES.contains(f)) throw new KaryoInputException(json, "unknown feature '" + f + "'");
        }
        List<String> classes = info.classesOrDefault();
        if (!classes.equals(CLASSES) && !classes.equals(CLASSES_WITH_UNINFECTED)) {
            throw new KaryoInputException(json, "unknown classes " + classes);
        }
        return new FateHistoryModel(VectorForest.load(dir.resolve(FOREST), info.features(), classes), info);
    }
}
