package org.karyo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClockControlsTest {
    @Test
    void theBestCutSeparatesEarlySpreadersFromLateNonspreaders() {
        double[] hours = {10, 12, 14, 30, 40, 50, 13};
        boolean[] spreader = {true, true, true, false, false, false, false};
        ClockControls.Cut c = ClockControls.bestCut(hours, spreader);
        // Before 14 h: spreaders 2 of 3 early, nonspreaders 4 of 4 at or after -> (2/3 + 1) / 2; before 30 h: 3/3 and 3/4.
        assertThat(c.balanced()).isCloseTo((1 + 0.75) / 2, within(1e-12));
        assertThat(c.cut()).isEqualTo(30);
    }

    @Test
    void matchingWeighsNonspreadersByTheSpreadersClock() {
        // Bin 0-5 h: 3 spreaders (2 called), 1 nonspreader (called right). Bin 5-10 h: 1 spreader (called), 3 nonspreaders
        // (1 right). Bin 20-25 h: nonspreaders only (ignored). Specificity = (3 x 1 + 1 x 1/3) / 4.
        double[] hours = {1, 2, 3, 4, 6, 7, 8, 9, 21, 22};
        boolean[] spreader = {true, true, true, false, true, false, false, false, false, false};
        boolean[] called = {true, true, false, false, true, false, true, true, true, true};
        ClockControls.Matched m = ClockControls.matched(hours, spreader, called, 5);
        assertThat(m.recall()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(m.specificity()).isCloseTo((3 + 1 / 3.0) / 4, within(1e-12));
        assertThat(m.balanced()).isCloseTo((0.75 + (3 + 1 / 3.0) / 4) / 2, within(1e-12));
        assertThat(m.kept()).isEqualTo(1);
        assertThat(ClockControls.matched(new double[] {1, 30}, new boolean[] {true, false}, new boolean[] {true, false}, 5))
                .as("no bin holds both").isNull();
    }

    @Test
    void aGroupsRecallIsWeightedToTheReferenceBins() {
        double[] values = {1, 2, 6, 7};
        boolean[] right = {true, false, true, true};
        assertThat(ClockControls.matchedRecall(new double[] {1, 2}, values, right, 5)).isCloseTo(0.5, within(1e-12));
        assertThat(ClockControls.matchedRecall(new double[] {1, 6, 7, 8}, values, right, 5)).isCloseTo(0.875, within(1e-12));
        // A reference bin without frames of the group is left out; with none in common there is nothing to say.
        assertThat(ClockControls.matchedRecall(new double[] {6, 30}, values, right, 5)).isCloseTo(1.0, within(1e-12));
        assertThat(ClockControls.matchedRecall(new double[] {30}, values, right, 5)).isNaN();
    }
}
