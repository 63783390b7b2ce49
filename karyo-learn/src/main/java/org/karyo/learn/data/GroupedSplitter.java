package org.karyo.learn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits crops into train/validation/test by group (a group never straddles two splits) while
 * keeping each split's class mix close to the whole's. Groups are assigned largest first, each to
 * the split whose per-class counts fall furthest short of their targets; a seeded shuffle breaks
 * ties between equal-sized groups, so the result depends only on the data and the seed.
 */
public final class GroupedSplitter {
    private GroupedSplitter() {
    }

    public static Split split(CropSet data, SplitSettings settings) {
        int nClasses = data.classes().size();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < data.crops().size(); i++) {
            members.computeIfAbsent(data.crops().get(i).group(), g -> new ArrayList<>()).add(i);
        }
        List<String> groups = new ArrayList<>(members.keySet());
        Collections.sort(groups);
        Collections.shuffle(groups, new Random(settings.seed()));
        groups.sort(Comparator.comparingInt((String g) -> members.get(g).size()).reversed());

        int[] totals = data.classCounts();
        double[] fractions = {settings.train(), settings.validation(), settings.test()};
        double[][] counts = new double[3][nClasses];
        List<List<Integer>> out = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String g : groups) {
            int[] groupCounts = new int[nClasses];
            for (int i : members.get(g)) {
                groupCounts[data.crops().get(i).label()]++;
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < 3; s++) {
                if (fractions[s] <= 0) {
                    continue;
                }
                // Relative shortfall over the classes this group holds, weighted by its share of them.
                double score = 0;
                int n = 0;
                for (int k = 0; k < nClasses; k++) {
                    if (groupCounts[k] > 0) {
                        double target = fractions[s] * totals[k];
                        score += groupCounts[k] * (target - counts[s][k]) / Math.max(1, target);
                        n += groupCounts[k];
                    }
                }
                score /= n;
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            for (int i : members.get(g)) {
                counts[best][data.crops().get(i).label()]++;
                out.get(best).add(i);
            }
        }
        out.forEach(Collections::sort);
        return new Split(out.get(0), out.get(1), out.get(2));
    }
}
