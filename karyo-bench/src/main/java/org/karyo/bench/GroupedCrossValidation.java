package org.karyo.bench;

import org.karyo.image.Plane;
import org.karyo.learn.baseline.Baselines;
import org.karyo.learn.baseline.CropFeatures;
import org.karyo.learn.baseline.FeatureForest;
import org.karyo.learn.data.Crop;
import org.karyo.learn.data.CropDatasetReader;
import org.karyo.learn.data.CropSet;
import org.karyo.learn.data.GroupRule;
import org.karyo.learn.data.PercentileScaling;
import org.karyo.learn.data.Split;
import org.karyo.learn.eval.Bootstrap;
import org.karyo.learn.eval.Interval;
import org.karyo.learn.eval.Metrics;
import org.karyo.learn.infer.TestTimeViews;
import org.karyo.learn.model.ModelSpec;
import org.karyo.learn.train.Classifier;
import org.karyo.learn.train.TrainingListener;
import org.karyo.learn.train.TrainingResult;
import org.karyo.learn.train.TrainingSettings;
import org.karyo.learn.train.ClassifierTrainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * K-fold cross-validation of the compact CNN with whole groups (patients, sites, wells) per fold, so no
 * group is ever on both sides. Within the training folds, whole groups are held back for validation (early
 * stopping). Prints a markdown table: per fold and pooled accuracy, macro F1 and AUC, pooled with a
 * group-level bootstrap interval (resampling groups, not crops, because crops of one group are correlated).
 * On every fold's same split it also trains the baselines ({@link Baselines}: an MLP on pixels with the
 * CNN's settings, a random forest on hand-made features) and pools their test predictions likewise, so
 * the last table compares CNN, MLP and forest on identical crops.
 *
 * <p>Usage: {@code GroupedCrossValidation --data DIR [--group-pattern REGEX] [--folds 5] [--size 48]
 * [--epochs 12] [--patience 5] [--minutes-per-fold 4] [--seed 42] [--trees 200] [--no-baselines] [--ensemble 1]}
 */
public final class GroupedCrossValidation {
    private GroupedCrossValidation() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        String pattern = null;
        int folds = 5;
        int size = 48;
        int epochs = 12;
        double minutes = 4;
        long seed = 42;
        int patience = TrainingSettings.DEFAULT.patience();
        int trees = FeatureForest.DEFAULT_TREES;
        boolean withBaselines = true;
        int ensemble = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--group-pattern" -> pattern = args[++i];
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--minutes-per-fold" -> minutes = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--patience" -> patience = Integer.parseInt(args[++i]);
                case "--trees" -> trees = Integer.parseInt(args[++i]);
                case "--no-baselines" -> withBaselines = false;
                case "--ensemble" -> ensemble = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("--data DIR is required");
        CropSet set = pattern == null ? CropDatasetReader.read(data) : CropDatasetReader.read(data, GroupRule.fileNamePattern(pattern));
        List<String> groups = new ArrayList<>(groupSizes(set).keySet());
        List<List<String>> assignment = assignFolds(set, groups, folds, seed);

        int n = set.crops().size();
        float[][] pooled = new float[n][];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) truth[i] = set.crops().get(i).label();
        System.out.printf(Locale.ROOT, "%d crops, %d groups, classes %s, %d folds, compact CNN at %d px, up to %d epochs or %.1f min per fold%s%n%n",
                n, groups.size(), set.classes(), folds, size, epochs, minutes,
                ensemble > 1 ? ", ensembles of " + ensemble + " (training seeds " + seed + ".." + (seed + ensemble - 1) + ", same split)" : "");
        float[][] pooledEnsemble = new float[n][];
        List<String> ensembleLines = new ArrayList<>();
        Map<String, float[][]> pooledBaselines = new LinkedHashMap<>();
        Map<TestTimeViews, float[][]> pooledViews = new LinkedHashMap<>();
        System.out.println("| fold | groups train/val/test | crops test | epochs (best) | train s | accuracy | macro F1 | AUC |"
                + (withBaselines ? " MLP accuracy / AUC | forest accuracy / AUC | baselines s |" : ""));
        System.out.println("|---|---|---|---|---|---|---|---|" + (withBaselines ? "---|---|---|" : ""));
        TrainingSettings d = TrainingSettings.DEFAULT;
        TrainingSettings settings = new TrainingSettings(epochs, d.batchSize(), d.learningRate(), d.weightDecay(), d.schedule(),
                patience, d.balanced(), d.augmentation(), seed, 0, minutes * 60);
        double[][] perFold = new double[folds][];
        for (int k = 0; k < folds; k++) {
            Split split = split(set, assignment, k, seed);
            long t0 = System.nanoTime();
            TrainingResult r = ClassifierTrainer.train(set, split, ModelSpec.compact(1, set.classes().size(), size),
                    PercentileScaling.DEFAULT, settings);
            double seconds = (System.nanoTime() - t0) / 1e9;

            try (Classifier c = r.classifier()) {
                List<Plane> images = new ArrayList<>();
                for (int i : split.test()) images.add(set.crops().get(i).image());
                float[][] p = c.predictProba(images);
                int[] t = new int[p.length];
                for (int j = 0; j < p.length; j++) {
                    pooled[split.test().get(j)] = p[j];
                    t[j] = truth[split.test().get(j)];
                }
                if (ensemble > 1) {
                    long e0 = System.nanoTime();
                    float[][] mean = ensembleMean(set, split, images, p, size, settings, ensemble);
                    for (int j = 0; j < mean.length; j++) pooledEnsemble[split.test().get(j)] = mean[j];
                    Metrics em = Metrics.of(mean, t, set.classes());
                    ensembleLines.add(String.format(Locale.ROOT, "fold %d: ensemble of %d: accuracy %.3f, AUC %.3f (first model %.3f / %.3f); members 2..%d took %.0f s",
                            k + 1, ensemble, em.accuracy(), em.auc(), Metrics.of(p, t, set.classes()).accuracy(),
                            Metrics.of(p, t, set.classes()).auc(), ensemble, (System.nanoTime() - e0) / 1e9));
                }
                for (TestTimeViews views : ensemble > 1 ? List.<TestTimeViews>of() : List.of(TestTimeViews.FLIPS, TestTimeViews.DIHEDRAL)) {
                    float[][] pv = c.predictProba(images, views);
                    float[][] all = pooledViews.computeIfAbsent(views, x -> new float[n][]);
                    for (int j = 0; j < pv.length; j++) all[split.test().get(j)] = pv[j];
                }
                Metrics m = Metrics.of(p, t, set.classes());
                perFold[k] = new double[] {m.accuracy(), m.macroF1(), m.auc()};
                System.out.printf(Locale.ROOT, "| %d | %d/%d/%d | %d | %d (%d) | %.0f | %.3f | %.3f | %.3f |", k + 1,
                        groupsOf(set, split.train()), groupsOf(set, split.validation()), groupsOf(set, split.test()),
                        split.test().size(), r.history().size(), r.bestEpoch(), seconds, m.accuracy(), m.macroF1(), m.auc());
                if (withBaselines) {
                    long b0 = System.nanoTime();
                    try (Baselines b = Baselines.train(set, split, ModelSpec.mlp(1, set.classes().size(), size),
                            PercentileScaling.DEFAULT, settings, TrainingListener.NONE, trees)) {
                        for (Map.Entry<String, float[][]> e : b.predictProba(images).entrySet()) {
                            float[][] all = pooledBaselines.computeIfAbsent(e.getKey(), x -> new float[n][]);
                            for (int j = 0; j < t.length; j++) all[split.test().get(j)] = e.getValue()[j];
                            Metrics bm = Metrics.of(e.getValue(), t, set.classes());
                            System.out.printf(Locale.ROOT, " %.3f / %.3f |", bm.accuracy(), bm.auc());
                        }
                    }
                    System.out.printf(Locale.ROOT, " %.0f |", (System.nanoTime() - b0) / 1e9);
                }
                System.out.println();
            }
        }
        Metrics all = Metrics.of(pooled, truth, set.classes());
        Interval[] ci = groupIntervals(set, pooled, truth);
        System.out.printf(Locale.ROOT, "| **pooled** | | %d | | | **%.3f** [%.3f, %.3f] | **%.3f** [%.3f, %.3f] | **%.3f** [%.3f, %.3f] |%n",
                n, all.accuracy(), ci[0].low(), ci[0].high(), all.macroF1(), ci[1].low(), ci[1].high(), all.auc(), ci[2].low(), ci[2].high());
        System.out.printf(Locale.ROOT, "%nMean over folds: accuracy %.3f ± %.3f, AUC %.3f ± %.3f (sd). Pooled intervals: 95 %% "
                + "percentile bootstrap over groups, 1000 resamples. AUC: %s.%n", mean(perFold, 0), sd(perFold, 0), mean(perFold, 2), sd(perFold, 2),
                set.classes().size() == 2 ? "positive class '" + set.classes().get(1) + "'" : "macro one-vs-rest");
        System.out.println("Confusion (rows truth, columns predicted, " + set.classes() + "): " + confusion(pooled, truth, set.classes().size()));
        if (ensemble > 1) {
            Metrics em = Metrics.of(pooledEnsemble, truth, set.classes());
            Interval[] eci = groupIntervals(set, pooledEnsemble, truth);
            System.out.println();
            ensembleLines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%nEnsembles of %d (mean probability), pooled: accuracy %.3f [%.3f, %.3f], macro F1 %.3f [%.3f, %.3f], "
                    + "AUC %.3f [%.3f, %.3f]; confusion %s%n", ensemble, em.accuracy(), eci[0].low(), eci[0].high(), em.macroF1(),
                    eci[1].low(), eci[1].high(), em.auc(), eci[2].low(), eci[2].high(), confusion(pooledEnsemble, truth, set.classes().size()));
        }
        if (!pooledViews.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nTest-time augmentation: the same trained models, each test crop's probabilities "
                    + "averaged over its views (pooled, 95 %% group-bootstrap intervals):%n%n");
            System.out.println("| views | accuracy | macro F1 | AUC | confusion |");
            System.out.println("|---|---|---|---|---|");
            Map<String, float[][]> byViews = new LinkedHashMap<>();
            byViews.put("none (as trained)", pooled);
            pooledViews.forEach((v, p) -> byViews.put(v.name().toLowerCase(Locale.ROOT) + " (" + v.count() + ")", p));
            for (Map.Entry<String, float[][]> e : byViews.entrySet()) {
                Metrics vm = Metrics.of(e.getValue(), truth, set.classes());
                Interval[] vci = groupIntervals(set, e.getValue(), truth);
                System.out.printf(Locale.ROOT, "| %s | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %s |%n", e.getKey(),
                        vm.accuracy(), vci[0].low(), vci[0].high(), vm.macroF1(), vci[1].low(), vci[1].high(), vm.auc(),
                        vci[2].low(), vci[2].high(), confusion(e.getValue(), truth, set.classes().size()));
            }
        }
        if (withBaselines) {
            System.out.printf(Locale.ROOT, "%nSame folds, same test crops, pooled (95 %% group-bootstrap intervals):%n%n");
            System.out.println("| model | accuracy | macro F1 | AUC |");
            System.out.println("|---|---|---|---|");
            Map<String, float[][]> models = new LinkedHashMap<>();
            models.put("compact CNN", pooled);
            models.put("MLP on pixels (3 dense layers)", pooledBaselines.get(Baselines.MLP));
            models.put("random forest on " + CropFeatures.NAMES.size() + " hand-made features ("
                    + trees + " trees)", pooledBaselines.get(Baselines.FOREST));
            for (Map.Entry<String, float[][]> e : models.entrySet()) {
                Metrics pm = Metrics.of(e.getValue(), truth, set.classes());
                Interval[] pci = groupIntervals(set, e.getValue(), truth);
                System.out.printf(Locale.ROOT, "| %s | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] |%n",
                        e.getKey(), pm.accuracy(), pci[0].low(), pci[0].high(), pm.macroF1(), pci[1].low(), pci[1].high(),
                        pm.auc(), pci[2].low(), pci[2].high());
            }
        }
    }

    /**
     * Trains members 2..n on the same split with the next training seeds and returns the mean of all members'
     * test probabilities (the first member's are given): independent random initialisations and batch orders make
     * partly independent errors, which averaging cancels.
     */
    private static float[][] ensembleMean(CropSet set, Split split, List<Plane> images, float[][] first, int size,
                                          TrainingSettings settings, int members) throws Exception {
        float[][] sum = new float[first.length][];
        for (int j = 0; j < first.length; j++) sum[j] = first[j].clone();
        for (int m = 1; m < members; m++) {
            TrainingSettings s = new TrainingSettings(settings.maxEpochs(), settings.batchSize(), settings.learningRate(),
                    settings.weightDecay(), settings.schedule(), settings.patience(), settings.balanced(), settings.augmentation(),
                    settings.seed() + m, settings.maxBatchesPerEpoch(), settings.timeLimitSeconds());
            TrainingResult r = ClassifierTrainer.train(set, split, ModelSpec.compact(1, set.classes().size(), size),
                    PercentileScaling.DEFAULT, s);
            try (Classifier c = r.classifier()) {
                float[][] p = c.predictProba(images);
                for (int j = 0; j < p.length; j++) for (int q = 0; q < p[j].length; q++) sum[j][q] += p[j][q];
            }
        }
        for (float[] row : sum) for (int q = 0; q < row.length; q++) row[q] /= members;
        return sum;
    }

    private static Map<String, Integer> groupSizes(CropSet set) {
        Map<String, Integer> sizes = new TreeMap<>();
        for (Crop c : set.crops()) sizes.merge(c.group(), 1, Integer::sum);
        return sizes;
    }

    /** Largest groups first, each to the fold with the fewest crops so far: folds of near-equal size. */
    static List<List<String>> assignFolds(CropSet set, List<String> groups, int folds, long seed) {
        Map<String, Integer> sizes = groupSizes(set);
        List<String> order = new ArrayList<>(groups);
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> Integer.compare(sizes.get(b), sizes.get(a)));
        List<List<String>> out = new ArrayList<>();
        int[] load = new int[folds];
        for (int k = 0; k < folds; k++) out.add(new ArrayList<>());
        for (String g : order) {
            int best = 0;
            for (int k = 1; k < folds; k++) if (load[k] < load[best]) best = k;
            out.get(best).add(g);
            load[best] += sizes.get(g);
        }
        return out;
    }

    /** Test = fold k; validation = the groups of fold k+1 that fit in 15 % of the rest; train = the others. */
    private static Split split(CropSet set, List<List<String>> folds, int k, long seed) {
        java.util.Set<String> test = new java.util.HashSet<>(folds.get(k));
        List<String> rest = new ArrayList<>();
        for (int j = 0; j < folds.size(); j++) if (j != k) rest.addAll(folds.get(j));
        Collections.shuffle(rest, new Random(seed + k));
        Map<String, Integer> sizes = groupSizes(set);
        int restCrops = rest.stream().mapToInt(sizes::get).sum();
        java.util.Set<String> validation = new java.util.HashSet<>();
        int v = 0;
        for (String g : rest) {
            if (v >= 0.15 * restCrops) break;
            validation.add(g);
            v += sizes.get(g);
        }
        List<Integer> tr = new ArrayList<>();
        List<Integer> va = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int i = 0; i < set.crops().size(); i++) {
            String g = set.crops().get(i).group();
            (test.contains(g) ? te : validation.contains(g) ? va : tr).add(i);
        }
        return new Split(tr, va, te);
    }

    private static long groupsOf(CropSet set, List<Integer> indices) {
        return indices.stream().map(i -> set.crops().get(i).group()).distinct().count();
    }

    private static Interval[] groupIntervals(CropSet set, float[][] proba, int[] truth) {
        String[] of = new String[truth.length];
        for (int i = 0; i < truth.length; i++) of[i] = set.crops().get(i).group();
        return Metrics.intervals(proba, truth, of, set.classes(), 1000, 0.95, 7);
    }

    private static String confusion(float[][] proba, int[] truth, int classes) {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) m[truth[i]][Metrics.argMax(proba[i])]++;
        return java.util.Arrays.deepToString(m);
    }

    private static double mean(double[][] v, int col) {
        double s = 0;
        for (double[] r : v) s += r[col];
        return s / v.length;
    }

    private static double sd(double[][] v, int col) {
        double m = mean(v, col);
        double s = 0;
        for (double[] r : v) s += (r[col] - m) * (r[col] - m);
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }
}
