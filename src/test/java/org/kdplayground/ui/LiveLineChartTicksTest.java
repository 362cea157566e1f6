package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A live chart drawn narrow or low (a lesson open at 1024 px) gets fewer ticks, and they stay apart. */
class LiveLineChartTicksTest {

    @Test
    void aWideAxisGetsItsFullCountANarrowOneFewerButNeverUnderTwo() {
        assertThat(LiveLineChart.tickCount(400, 45, 6)).isEqualTo(6);
        assertThat(LiveLineChart.tickCount(200, 45, 6)).isEqualTo(4);
        assertThat(LiveLineChart.tickCount(110, 45, 6)).isEqualTo(2);
        assertThat(LiveLineChart.tickCount(10, 45, 6)).isEqualTo(2);
    }

    /** Ticks.of's step is never under the range over the count, so ticks lie at least the least gap apart. */
    @Test
    void ticksOnAnAxisOfAnyLengthLieAtLeastTheLeastGapApart() {
        double[][] ranges = {{0, 1}, {0, 2200}, {0, 100}, {0.37, 6.9}, {1, 200}};
        for (double[] range : ranges) {
            for (double length = 90; length <= 700; length += 7) {
                List<Double> ticks = Ticks.of(range[0], range[1], LiveLineChart.tickCount(length, 45, 6), false);
                double pxPerUnit = length / (range[1] - range[0]);
                for (int i = 1; i < ticks.size(); i++) {
                    assertThat((ticks.get(i) - ticks.get(i - 1)) * pxPerUnit)
                            .as("%s on %.0f px", List.of(range[0], range[1]), length).isGreaterThanOrEqualTo(45 - 1e-9);
                }
            }
        }
    }
}
