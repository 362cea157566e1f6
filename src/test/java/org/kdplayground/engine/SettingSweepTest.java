package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import org.kdplayground.engine.loss.LossMethod;

import org.junit.jupiter.api.Test;

class SettingSweepTest {

    /** Each seed its own data, as a sweep over an experiment does. */
    private static final LongFunction<RunConfig> CONFIG = seed -> RunConfig.builder(
                    TinyData.moons(96, 0.15, seed), TinyData.moons(64, 0.15, seed + 100))
            .teacher(MlpSpec.of(16, 16)).student(MlpSpec.of(4)).settings(s -> s.withEpochs(2).withBatchSize(16)
                    .withLearningRate(0.02f).withSeed(seed)).build();

    private static SettingSweep sweep() {
        return new SettingSweep(List.of(1f, 4f), List.of(0.5f), List.of(1L, 2L), CONFIG)
                .withTeacherCache(new TeacherCache(1));
    }

    /** Counts teacher phases from what each run announces, and remembers the runs in order. */
    private static final class Counter implements SweepListener {
        final AtomicInteger teacherPhases = new AtomicInteger();
        final List<SweepRun> started = new ArrayList<>();
        final List<SweepRun> finished = new ArrayList<>();

        @Override
        public void runStarting(SweepRun run) {
            started.add(run);
        }

        @Override
        public RunListener runListener(SweepRun run) {
            return new RunListener() {
                @Override
                public void runStarted(RunStart start) {
                    if (!start.teacherFromCache()) {
                        teacherPhases.incrementAndGet();
                    }
                }
            };
        }

        @Override
        public void runFinished(SweepRun run, SweepRow row, RunResult result) {
            finished.add(run);
        }
    }

    @Test
    void oneRowPerTemperatureAndSeedAndTheTeacherTrainsOncePerSeed() {
        Counter counter = new Counter();
        SweepResult result = sweep().run(counter, new RunControl());

        assertThat(result.completed()).isTrue();
        assertThat(result.plannedRuns()).isEqualTo(4);
        assertThat(result.rows()).extracting(SweepRow::seed).containsExactly(1L, 1L, 2L, 2L);
        assertThat(result.rows()).extracting(SweepRow::temperature).containsExactly(1f, 4f, 1f, 4f);
        assertThat(result.rows()).extracting(SweepRow::index).containsExactly(1, 2, 3, 4);
        assertThat(counter.started).extracting(SweepRun::total).containsOnly(4);
        assertThat(counter.finished).hasSize(4);
        // the teacher: trained by each seed's first run, reused by the other
        assertThat(counter.teacherPhases.get()).isEqualTo(2);
        assertThat(result.teachersTrained()).isEqualTo(2);
        assertThat(result.rows()).extracting(SweepRow::teacherTrained).containsExactly(true, false, true, false);
        for (int i = 0; i < 4; i += 2) {
            SweepRow low = result.rows().get(i);
            SweepRow high = result.rows().get(i + 1);
            assertThat(high.teacherAccuracy()).isEqualTo(low.teacherAccuracy());
            // the baseline never sees T: same weights, same batches, same accuracy
            assertThat(high.baselineAccuracy()).isEqualTo(low.baselineAccuracy());
        }
        // the summary is the rows' mean and sample SD
        assertThat(result.summaries()).hasSize(2);
        SweepSummary t4 = result.summaries().get(1);
        assertThat(t4.temperature()).isEqualTo(4f);
        double a = result.rows().get(1).distilledAccuracy();
        double b = result.rows().get(3).distilledAccuracy();
        assertThat(t4.distilled().n()).isEqualTo(2);
        assertThat(t4.distilled().mean()).isCloseTo((a + b) / 2, within(1e-12));
        assertThat(t4.distilled().sd()).isCloseTo(Math.abs(a - b) / Math.sqrt(2), within(1e-12));
        double ga = result.rows().get(1).gain();
        double gb = result.rows().get(3).gain();
        assertThat(t4.gain().mean()).isCloseTo((ga + gb) / 2, within(1e-12));
        assertThat(result.best()).isPresent();
    }

    /** The capacity gap: each teacher size trains its own teacher; every row measures fidelity and calibration. */
    @Test
    void aTeacherSizeSweepTrainsATeacherPerValueAndMeasuresEachStudentAgainstIt() {
        SweepAxis sizes = SweepAxis.parse(SweptSetting.TEACHER_HIDDEN, "4, 16-16");
        SweepResult result = new SettingSweep(List.of(sizes), List.of(1L), CONFIG)
                .withTeacherCache(new TeacherCache(1)).run(SweepListener.NONE, new RunControl());
        assertThat(result.completed()).isTrue();
        assertThat(result.rows()).extracting(r -> r.point().get(0).label()).containsExactly("4", "16-16");
        assertThat(result.teachersTrained()).isEqualTo(2);
        // the student does not change with the teacher's size: the baseline is the same network on the same batches
        assertThat(result.rows().get(0).baselineAccuracy()).isEqualTo(result.rows().get(1).baselineAccuracy());
        for (SweepRow row : result.rows()) {
            assertThat(row.agreement(ModelRole.DISTILLED)).isBetween(0.0, 1.0);
            assertThat(row.agreement(ModelRole.TEACHER)).isNaN();
            assertThat(row.ece(ModelRole.TEACHER)).isBetween(0.0, 1.0);
        }
        // a summary per size, with each measure's spread over the (single) seed
        assertThat(result.summaries()).hasSize(2);
        assertThat(result.summaries().get(1).spread(SweepMeasure.AGREEMENT, ModelRole.DISTILLED).mean())
                .isEqualTo(result.rows().get(1).agreement(ModelRole.DISTILLED));
    }

    /** A loss sweep's point of the experiment's own loss is the run {@code train} would make. */
    @Test
    void aLossSweepsHintonPointIsThePlainRun() {
        SweepResult result = new SettingSweep(List.of(SweepAxis.parse(SweptSetting.LOSS, "dkd, hinton")),
                List.of(3L), CONFIG).withTeacherCache(new TeacherCache(1)).run(SweepListener.NONE, new RunControl());
        RunResult plain = new DistillationRun(CONFIG.apply(3L), new TeacherCache(1)).run(RunListener.NONE,
                new RunControl());
        assertThat(result.rows().get(1).distilledAccuracy()).isEqualTo(plain.testAccuracy().get(ModelRole.DISTILLED));
        assertThat(result.rows().get(0).point()).containsExactly(SweepValue.of(LossMethod.DKD));
    }

    @Test
    void aReusedTeacherGivesTheSameStudentsAsATeacherTrainedAgain() {
        SweepResult reused = sweep().run(SweepListener.NONE, new RunControl());
        SweepResult fresh = sweep().withTeacherReuse(false).run(SweepListener.NONE, new RunControl());
        assertThat(fresh.teachersTrained()).isEqualTo(4);
        assertThat(reused.teachersTrained()).isEqualTo(2);
        assertThat(fresh.rows()).extracting(SweepRow::distilledAccuracy)
                .isEqualTo(reused.rows().stream().map(SweepRow::distilledAccuracy).toList());
        assertThat(fresh.rows()).extracting(SweepRow::baselineAccuracy)
                .isEqualTo(reused.rows().stream().map(SweepRow::baselineAccuracy).toList());
    }

    @Test
    void cancelInsideARunKeepsTheRowsOfFinishedRuns() {
        RunControl control = new RunControl();
        SweepResult result = sweep().run(new SweepListener() {
            @Override
            public RunListener runListener(SweepRun run) {
                return new RunListener() {
                    @Override
                    public void step(StepMetrics metrics) {
                        if (run.index() == 3 && metrics.phase() == Phase.STUDENTS) {
                            control.cancel();
                        }
                    }
                };
            }
        }, control);
        assertThat(result.stopReason()).isEqualTo(RunResult.StopReason.CANCELLED);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.summaries()).hasSize(2).allSatisfy(s -> assertThat(s.distilled().n()).isEqualTo(1));
        assertThat(result.message()).contains("2 of 4");
    }

    @Test
    void cancelBetweenRunsStopsBeforeTheNext() {
        RunControl control = new RunControl();
        SweepResult result = sweep().run(new SweepListener() {
            @Override
            public void runFinished(SweepRun run, SweepRow row, RunResult r) {
                control.cancel();
            }
        }, control);
        assertThat(result.stopReason()).isEqualTo(RunResult.StopReason.CANCELLED);
        assertThat(result.rows()).hasSize(1);
    }

    @Test
    void badListsAreRefusedUpFront() {
        assertThatThrownBy(() -> new SettingSweep(List.of(1f, 0f), List.of(0.5f), List.of(1L), CONFIG))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("T 0 is outside [0.1, 100]");
        assertThatThrownBy(() -> new SettingSweep(List.of(1f), List.of(1.5f), List.of(1L), CONFIG))
                .hasMessage("alpha 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> new SettingSweep(List.of(1f, 1f), List.of(0.5f), List.of(1L), CONFIG))
                .hasMessage("T 1 appears twice");
        assertThatThrownBy(() -> new SettingSweep(List.of(), List.of(1L), CONFIG))
                .hasMessageContaining("a sweep needs a setting to vary");
        assertThatThrownBy(() -> new SettingSweep(List.of(1f), List.of(0.5f), List.of(), CONFIG))
                .hasMessageContaining("seed");
    }

    @Test
    void spreadUsesTheSampleStandardDeviation() {
        Spread s = Spread.of(0.8, 0.9, 1.0);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo(0.9, within(1e-12));
        assertThat(s.sd()).isCloseTo(0.1, within(1e-12)); // population SD would be 0.0816
        assertThat(Spread.of(0.7).hasSd()).isFalse();
        assertThat(Spread.of().n()).isZero();
    }
}
