package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
        assertThat(plan.alphas()).containsExactly(0.3f);
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
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(0f), null, 1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(), null, 1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(2f), List.of(-0.1f), 1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new SweepPlan(TINY, List.of(2f), null, 0)).hasMessageContaining("seed");
    }
}
