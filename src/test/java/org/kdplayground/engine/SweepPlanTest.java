package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.ExperimentFile;

import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static final Experiment TINY = ExperimentFile.parse("""
            {"version": 1, "dataset": {"name": "two-moons", "size": 120, "seed": 3},
             "epochs": 2, "alpha": 0.3, "seed": 5}
            """);

    @Test
    void seedsCountOnFromTheExperimentsAndShiftTheDataSeedToo() {
        SweepPlan plan = new SweepPlan(TINY, List.of(1f, 4f), null, 3);
        assertThat(plan.seedValues()).containsExactly(5L, 6L, 7L);
        assertThat(plan.axes()).extracting(SweepAxis::setting)
                .containsExactly(SweptSetting.TEMPERATURE, SweptSetting.ALPHA);
        assertThat(plan.axes().get(1).values()).extracting(SweepValue::number).containsExactly(0.3);
        assertThat(plan.totalRuns()).isEqualTo(6);
        assertThat(plan.experimentFor(5)).isEqualTo(TINY); // the first seed is the experiment as written
        Experiment third = plan.experimentFor(7);
        assertThat(third.settings().seed()).isEqualTo(7);
        assertThat(third.dataset().seed()).isEqualTo(5);
        RunConfig a = plan.configFor(5);
        RunConfig b = plan.configFor(6);
        assertThat(b.settings().seed()).isEqualTo(6);
        assertThat(b.train().features()[0]).isNotEqualTo(a.train().features()[0]); // new data per seed
        assertThat(plan.sweep().totalRuns()).isEqualTo(6);
    }

    @Test
    void badPlansAreRefused() {
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(0f), null, 1)).hasMessage("T 0 is outside [0.1, 100]");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(), null, 1))
                .hasMessage("no T value to sweep: give at least one");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(2f), List.of(-0.1f), 1))
                .hasMessage("alpha -0.1 is outside [0, 1]");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(2f), null, 0)).hasMessageContaining("seed");
        SweepAxis betas = SweepAxis.parse(SweptSetting.DKD_BETA, "1, 8");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(betas, betas), 1))
                .hasMessageContaining("a setting is swept twice");
    }

    /** Each setting's list reads as a person writes it and refuses a value invalid for it, naming the value. */
    @Test
    void listsAreReadPerSettingAndBadValuesAreNamed() {
        assertThat(SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "8, 64-64, 256x256, ").values())
                .extracting(SweepValue::hidden).containsExactly(List.of(8), List.of(64, 64), List.of(256, 256));
        assertThat(SweepAxis.parse(SweptSetting.STUDENT_HIDDEN, "16, 32 32").values())
                .extracting(SweepValue::label).containsExactly("16", "32-32");
        assertThat(SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "64, 64; 256, 256").values())
                .extracting(SweepValue::label).containsExactly("64-64", "256-256");
        assertThat(SweepAxis.parse(SweptSetting.LOSS, "Hinton，dkd").values()).extracting(SweepValue::loss)
                .containsExactly(LossMethod.HINTON, LossMethod.DKD);
        assertThat(SweepAxis.parse(SweptSetting.LABELLED_FRACTION, "[0.05, 1]").text()).isEqualTo("0.05, 1");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.LOSS, "hinton, kd"))
                .isInstanceOf(SweepValueException.class).hasMessageContaining("\"kd\" is not a loss");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.DKD_BETA, "8, -1"))
                .hasMessage("dkd_beta -1 is outside [0, 100]");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.TEACHER_LABEL_SMOOTHING, "0, 0.5"))
                .hasMessage("teacher_label_smoothing 0.5 is outside [0, 0.5)");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "16, 0"))
                .hasMessageContaining("\"0\" is not hidden layer sizes");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "16, -4"))
                .hasMessageContaining("\"-4\" is not hidden layer sizes");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "16-"))
                .hasMessageContaining("\"16-\" is not hidden layer sizes");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.ALPHA, " , "))
                .hasMessage("no alpha value to sweep: give at least one");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.ALPHA, "0.5, abc"))
                .hasMessage("\"abc\" is not a number (alpha)");
        assertThatThrownBy(() -> SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "16, 16"))
                .hasMessage("teacher_hidden 16 appears twice");
        assertThat(SweptSetting.fromKey("dkdBeta")).isEqualTo(SweptSetting.DKD_BETA);
        assertThat(SweptSetting.fromKey("temperature")).isEqualTo(SweptSetting.TEMPERATURE);
        assertThatThrownBy(() -> SweptSetting.fromKey("gamma")).hasMessageContaining("a sweep can vary T, alpha");
    }

    /** A value changes only its own setting of a run; β brings DKD with it; a network keeps its activation. */
    @Test
    void valuesChangeTheirSettingOfTheRun() {
        RunConfig base = new SweepPlan(TINY, List.of(1f), null, 1).configFor(5);
        RunConfig beta = apply(base, SweepValue.parse(SweptSetting.DKD_BETA, "2"));
        assertThat(beta.settings().loss()).isEqualTo(LossMethod.DKD);
        assertThat(beta.settings().dkdBeta()).isEqualTo(2f);
        assertThat(beta.settings().withLoss(base.settings().loss()).withDkdBeta(base.settings().dkdBeta()))
                .isEqualTo(base.settings());
        RunConfig teacher = apply(base, SweepValue.parse(SweptSetting.TEACHER_HIDDEN, "7-3"));
        assertThat(teacher.teacher().hidden()).containsExactly(7, 3);
        assertThat(teacher.teacher().activation()).isEqualTo(base.teacher().activation());
        assertThat(teacher.student()).isEqualTo(base.student());
        RunConfig fraction = apply(base, SweepValue.parse(SweptSetting.LABELLED_FRACTION, "0.25"));
        assertThat(fraction.labelledCount()).isEqualTo(Math.round(0.25 * base.train().size()));
        RunConfig smoothing = apply(base, SweepValue.parse(SweptSetting.TEACHER_LABEL_SMOOTHING, "0.1"));
        assertThat(smoothing.settings().teacherLabelSmoothing()).isEqualTo(0.1f);
    }

    private static RunConfig apply(RunConfig base, SweepValue value) {
        return value.applyTo(base.toBuilder(), base).build();
    }
}
