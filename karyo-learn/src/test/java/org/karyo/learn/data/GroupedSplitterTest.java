package org.karyo.learn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karyo.image.Plane;

class GroupedSplitterTest {

    /** 40 groups of 5 to 14 crops; even groups mostly class 0, odd mostly class 1. */
    private static CropSet groupedData() {
        List<Crop> crops = new ArrayList<>();
        Plane p = Plane.zeros(2, 2);
        for (int g = 0; g < 40; g++) {
            int size = 5 + g % 10;
            for (int i = 0; i < size; i++) {
                int label = i == 0 ? 1 - g % 2 : g % 2;
                crops.add(new Crop(Path.of("g" + g + "_" + i + ".png"), label, "G" + g, p));
            }
        }
        return new CropSet(List.of("a", "b"), crops);
    }

    private static Set<String> groups(CropSet data, List<Integer> idx) {
        Set<String> s = new HashSet<>();
        idx.forEach(i -> s.add(data.crops().get(i).group()));
        return s;
    }

    @Test
    void noGroupIsInTwoSplitsAndEveryCropIsSomewhere() {
        CropSet data = groupedData();
        Split split = GroupedSplitter.split(data, SplitSettings.DEFAULT);
        Set<String> train = groups(data, split.train());
        Set<String> val = groups(data, split.validation());
        Set<String> test = groups(data, split.test());
        assertThat(train).doesNotContainAnyElementsOf(val).doesNotContainAnyElementsOf(test);
        assertThat(val).doesNotContainAnyElementsOf(test);
        assertThat(split.train().size() + split.validation().size() + split.test().size())
                .isEqualTo(data.crops().size());
    }

    @Test
    void splitSizesAndClassMixFollowTheFractions() {
        CropSet data = groupedData();
        Split split = GroupedSplitter.split(data, SplitSettings.DEFAULT);
        int n = data.crops().size();
        assertThat((double) split.train().size() / n).isBetween(0.6, 0.8);
        assertThat((double) split.test().size() / n).isBetween(0.08, 0.22);
        for (List<Integer> part : List.of(split.train(), split.validation(), split.test())) {
            long b = part.stream().filter(i -> data.crops().get(i).label() == 1).count();
            assertThat((double) b / part.size()).isBetween(0.35, 0.65);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        CropSet data = groupedData();
        Split a = GroupedSplitter.split(data, new SplitSettings(0.7, 0.15, 1));
        Split b = GroupedSplitter.split(data, new SplitSettings(0.7, 0.15, 1));
        Split c = GroupedSplitter.split(data, new SplitSettings(0.7, 0.15, 2));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }
}
