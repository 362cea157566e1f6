package org.kdplayground.training.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.kdplayground.engine.SweepRow;

import org.junit.jupiter.api.Test;

/** The chart's data handling and axis mapping, without a JavaFX toolkit. */
class SweepChartTest {

    private static SweepRow row(float t, float alpha, long seed, double distilled, double baseline) {
        return new SweepRow(0, t, alpha, seed, 0.95, distilled, baseline, false, 1);
    }

    private static final List<SweepRow> ROWS = List.of(
            row(4, 0.5f, 1, 0.90, 0.80), row(1, 0.5f, 1, 0.84, 0.80), row(16, 0.5f, 1, 0.86, 0.80),
            row(4, 0.5f, 2, 0.92, 0.70), row(1, 0.5f, 2, 0.86, 0.70), row(16, 0.5f, 2, 0.88, 0.70),
            row(4, 0.9f, 1, 0.60, 0.80));

    @Test
    void picturePoolsTheFirstAlphaPerTemperatureInOrderOfT() {
        SweepChart.Picture p = SweepChart.Picture.of(ROWS, Float.NaN);
        assertThat(p.rows()).hasSize(6);
        assertThat(p.byT()).extracting(s -> s.temperature()).containsExactly(1f, 4f, 16f);
        assertThat(p.byT().get(1).distilled().mean()).isCloseTo(0.91, within(1e-12));
        assertThat(p.byT().get(1).distilled().sd()).isCloseTo(0.02 / Math.sqrt(2), within(1e-12));
        // baseline: one value per seed, not one per run
        assertThat(p.baseline().n()).isEqualTo(2);
        assertThat(p.baseline().mean()).isCloseTo(0.75, within(1e-12));
        assertThat(SweepChart.Picture.of(ROWS, 0.9f).rows()).hasSize(1);
        assertThat(SweepChart.Picture.of(List.of(), Float.NaN).byT()).isEmpty();
    }

    @Test
    void temperatureIsLogTwoAndAccuracyLinear() {
        SweepChart.Picture p = SweepChart.Picture.of(ROWS, Float.NaN);
        SweepChart.Axes axes = SweepChart.Axes.fit(p, 50, 10, 500, 200);
        // T from 1 to 16 is log2 0..4, padded by half a doubling
        assertThat(axes.log2Min()).isEqualTo(-0.5);
        assertThat(axes.log2Max()).isEqualTo(4.5);
        double step = axes.x(2) - axes.x(1);
        assertThat(step).isCloseTo(100, within(1e-9)); // 500 px over 5 doublings
        assertThat(axes.x(4) - axes.x(2)).isCloseTo(step, within(1e-9));
        assertThat(axes.x(16)).isCloseTo(50 + 500 - 50, within(1e-9));
        // accuracy: everything drawn (baseline band 0.75 ± 0.07, teacher 0.95) within 5% steps
        assertThat(axes.yMin()).isCloseTo(0.65, within(1e-12));
        assertThat(axes.yMax()).isCloseTo(0.95, within(1e-12));
        assertThat(axes.y(axes.yMax())).isCloseTo(10, within(1e-9));
        assertThat(axes.y(axes.yMin())).isCloseTo(210, within(1e-9));
    }

    @Test
    void anEmptyChartStillHasAxes() {
        SweepChart.Axes axes = SweepChart.Axes.fit(SweepChart.Picture.of(List.of(), Float.NaN), 0, 0, 100, 100);
        assertThat(axes.yMin()).isEqualTo(0);
        assertThat(axes.yMax()).isEqualTo(1);
        assertThat(axes.log2Max()).isGreaterThan(axes.log2Min());
    }
}
