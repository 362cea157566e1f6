package org.kdplayground.training.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepValue;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.TestQuality;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.math.Calibration;
import org.kdplayground.math.Fidelity;

import org.junit.jupiter.api.Test;

/** The chart's data handling and axis mapping, without a JavaFX toolkit. */
class SweepChartTest {

    /** A run whose calibration error is {@code ece} for every model and whose distilled student agrees 90%. */
    private static SweepRow row(SweepValue value, long seed, double distilled, double baseline, double ece) {
        Calibration.Reliability r = new Calibration.Reliability(List.of(), 100, ece);
        return new SweepRow(0, List.of(value), 4, 0.5f, seed,
                Map.of(ModelRole.TEACHER, 0.95, ModelRole.DISTILLED, distilled, ModelRole.BASELINE, baseline),
                Map.of(ModelRole.TEACHER, new TestQuality(r, Optional.empty()),
                        ModelRole.DISTILLED, new TestQuality(r, Optional.of(new Fidelity.Measure(0.9, 0.1))),
                        ModelRole.BASELINE, new TestQuality(r, Optional.of(new Fidelity.Measure(0.8, 0.2)))),
                false, 1);
    }

    private static SweepValue t(double value) {
        return SweepValue.of(SweptSetting.TEMPERATURE, value);
    }

    private static final List<SweepRow> ROWS = List.of(
            row(t(4), 1, 0.90, 0.80, 0.02), row(t(1), 1, 0.84, 0.80, 0.05), row(t(16), 1, 0.86, 0.80, 0.03),
            row(t(4), 2, 0.92, 0.70, 0.04), row(t(1), 2, 0.86, 0.70, 0.07), row(t(16), 2, 0.88, 0.70, 0.03));

    @Test
    void picturePoolsTheSeedsOfEachValueInAscendingOrderOfNumbers() {
        SweepChart.Picture p = SweepChart.Picture.of(ROWS, SweepMeasure.ACCURACY);
        assertThat(p.values()).extracting(SweepValue::number).containsExactly(1.0, 4.0, 16.0);
        assertThat(p.spreads().get(1).get(ModelRole.DISTILLED).mean()).isCloseTo(0.91, within(1e-12));
        assertThat(p.spreads().get(1).get(ModelRole.DISTILLED).sd()).isCloseTo(0.02 / Math.sqrt(2), within(1e-12));
        assertThat(p.spreads().get(0).get(ModelRole.BASELINE).mean()).isCloseTo(0.75, within(1e-12));
        assertThat(p.position(t(16))).isEqualTo(2);
        assertThat(SweepChart.Picture.of(List.of(), SweepMeasure.ACCURACY).values()).isEmpty();
    }

    @Test
    void agreementLeavesTheTeacherOutAndEceIsItsOwnMeasure() {
        SweepChart.Picture agreement = SweepChart.Picture.of(ROWS, SweepMeasure.AGREEMENT);
        assertThat(agreement.spreads().get(0)).containsOnlyKeys(ModelRole.DISTILLED, ModelRole.BASELINE);
        assertThat(agreement.spreads().get(0).get(ModelRole.DISTILLED).mean()).isCloseTo(0.9, within(1e-12));
        SweepChart.Picture ece = SweepChart.Picture.of(ROWS, SweepMeasure.ECE);
        assertThat(ece.spreads().get(0).get(ModelRole.TEACHER).mean()).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void categoricalValuesKeepTheirOrder() {
        List<SweepRow> rows = List.of(row(SweepValue.of(LossMethod.LSKD), 1, 0.9, 0.8, 0.02),
                row(SweepValue.of(LossMethod.HINTON), 1, 0.9, 0.8, 0.02),
                row(SweepValue.of(LossMethod.DKD), 1, 0.9, 0.8, 0.02));
        assertThat(SweepChart.Picture.of(rows, SweepMeasure.ACCURACY).values()).extracting(SweepValue::label)
                .containsExactly("lskd", "hinton", "dkd");
    }

    @Test
    void valuesSitAtEqualStepsAndAccuracyIsLinearInFivePercentSteps() {
        SweepChart.Picture p = SweepChart.Picture.of(ROWS, SweepMeasure.ACCURACY);
        SweepChart.Axes axes = SweepChart.Axes.fit(p, 50, 10, 600, 200);
        // three values over 600 px: one step of 200 px, half a step of padding each side
        assertThat(axes.x(0)).isCloseTo(150, within(1e-9));
        assertThat(axes.x(1) - axes.x(0)).isCloseTo(200, within(1e-9));
        assertThat(axes.x(2)).isCloseTo(550, within(1e-9));
        // everything drawn (baseline 0.75 ± 0.07, teacher 0.95) within 5% steps
        assertThat(axes.yMin()).isCloseTo(0.65, within(1e-12));
        assertThat(axes.yMax()).isCloseTo(0.95, within(1e-12));
        assertThat(axes.y(axes.yMax())).isCloseTo(10, within(1e-9));
        assertThat(axes.y(axes.yMin())).isCloseTo(210, within(1e-9));
    }

    @Test
    void eceStartsAtZeroAndEndsAtAWholePercentAboveTheHighest() {
        SweepChart.Axes axes = SweepChart.Axes.fit(SweepChart.Picture.of(ROWS, SweepMeasure.ECE), 0, 0, 100, 100);
        assertThat(axes.yMin()).isZero();
        // the highest: 0.07 (a seed) and 0.06 + 0.0141 (a band) -> 8%
        assertThat(axes.yMax()).isCloseTo(0.08, within(1e-12));
    }

    @Test
    void anEmptyChartStillHasAxes() {
        SweepChart.Axes axes = SweepChart.Axes.fit(SweepChart.Picture.of(List.of(), SweepMeasure.ACCURACY), 0, 0,
                100, 100);
        assertThat(axes.yMin()).isEqualTo(0);
        assertThat(axes.yMax()).isEqualTo(1);
        assertThat(axes.x(0)).isCloseTo(50, within(1e-9));
    }
}
