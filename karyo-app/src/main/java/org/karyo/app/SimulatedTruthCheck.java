package org.karyo.app;

import org.karyo.KaryoInputException;
import org.karyo.image.LabelImage;
import org.karyo.image.Plane;
import org.karyo.io.ImageFileReader;
import org.karyo.io.table.CsvReader;
import org.karyo.segment.InstanceMatcher;
import org.karyo.segment.SegmentationScore;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares what 'karyo label' found on a simulated plate with the simulator's ground truth: how well
 * nuclei were segmented, how often the reporter call agrees with the true infection state, and the
 * infected fraction per well. The honest check behind the demo's numbers.
 */
final class SimulatedTruthCheck {
    /** Matched nuclei by (called infected?, truly infected?). */
    long tp;
    long fp;
    long fn;
    long tn;
    SegmentationScore segmentation = SegmentationScore.empty();
    final TreeMap<String, double[]> wells = new TreeMap<>(); // well -> {truth cells, truth infected, moi}

    static SimulatedTruthCheck run(Path plateFolder, String plate, Path labelled) throws KaryoInputException {
        SimulatedTruthCheck c = new SimulatedTruthCheck();
        Path gt = plateFolder.resolve("groundtruth");
        Map<String, Double> moi = new HashMap<>();
        for (Map<String, String> r : CsvReader.read(gt.resolve("wells.csv"))) moi.put(r.get("well"), Double.parseDouble(r.get("moi")));
        Map<String, Map<Integer, Boolean>> truthInfected = new HashMap<>();
        for (Map<String, String> r : CsvReader.read(gt.resolve("cells.csv"))) {
            if (!r.get("time_point").equals("1")) continue;
            String site = r.get("well") + "_s" + r.get("site");
            boolean inf = r.get("infected").equals("1") || r.get("infected").equalsIgnoreCase("true");
            truthInfected.computeIfAbsent(site, k -> new HashMap<>()).put(Integer.parseInt(r.get("label")), inf);
            double[] w = c.wells.computeIfAbsent(r.get("well"), k -> new double[] {0, 0, moi.getOrDefault(k, Double.NaN)});
            w[0]++;
            if (inf) w[1]++;
        }
        for (Map.Entry<String, Map<Integer, Boolean>> site : truthInfected.entrySet()) {
            String name = plate + "_" + site.getKey();
            LabelImage truth = labels(gt.resolve("TimePoint_1").resolve(name + "_labels.tif"));
            LabelImage ours = labels(labelled.resolve(name + ".labels.tif"));
            c.segmentation = c.segmentation.plus(SegmentationScore.of(ours, truth));
            int[] partner = InstanceMatcher.matchAboveHalf(ours, truth);
            for (Map<String, String> r : CsvReader.read(labelled.resolve(name + ".nuclei.csv"))) {
                int id = Integer.parseInt(r.get("nucleus_id"));
                Boolean inf = partner[id] == 0 ? null : site.getValue().get(partner[id]);
                if (inf == null) continue;
                boolean called = Boolean.parseBoolean(r.get("infected"));
                if (called && inf) c.tp++;
                else if (called) c.fp++;
                else if (inf) c.fn++;
                else c.tn++;
            }
        }
        return c;
    }

    private static LabelImage labels(Path file) throws KaryoInputException {
        Plane p = ImageFileReader.readPlane(file);
        int[] ids = new int[p.size()];
        float[] px = p.pixels();
        for (int i = 0; i < ids.length; i++) ids[i] = (int) px[i];
        int max = 0;
        for (int v : ids) max = Math.max(max, v);
        return new LabelImage(p.width(), p.height(), ids, max);
    }

    long matched() {
        return tp + fp + fn + tn;
    }

    double accuracy() {
        return matched() == 0 ? Double.NaN : (double) (tp + tn) / matched();
    }

    double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    List<String> wellNames() {
        return List.copyOf(wells.keySet());
    }
}
