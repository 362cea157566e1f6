package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.kdplayground.data.Dataset;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.Calibration;
import org.kdplayground.math.Fidelity;
import org.kdplayground.math.Predictions;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistillationRunTest {

    private static NDManager base;

    @BeforeAll
    static void open() {
        base = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        base.close();
    }

    /** Everything a listener saw, in order, for comparing runs. */
    static class Recorder implements RunListener {
        final List<Object> events = Collections.synchronizedList(new ArrayList<>());
        final List<StepMetrics> steps = Collections.synchronizedList(new ArrayList<>());
        RunStart start;
        RunResult result;

        @Override
        public void runStarted(RunStart s) {
            start = s;
        }

        @Override
        public void step(StepMetrics metrics) {
            events.add(metrics);
            steps.add(metrics);
        }

        @Override
        public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
            events.add(metrics.phase() + " " + metrics.epoch() + " " + metrics.accuracies() + " "
                    + metrics.meanLosses() + " " + metrics.quality());
        }

        @Override
        public void runEnded(RunResult r) {
            result = r;
        }

        List<StepMetrics> studentSteps() {
            return steps.stream().filter(s -> s.phase() == Phase.STUDENTS).toList();
        }
    }

    private static Recorder run(RunConfig config) {
        Recorder recorder = new Recorder();
        new DistillationRun(config, new TeacherCache(2)).run(base, recorder, new RunControl());
        return recorder;
    }

    @Test
    void completesAndReportsAllThreeModelsOnCpu() {
        Recorder r = run(TinyData.smallConfig(1).build());
        assertThat(r.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(r.result.device()).isEqualTo("cpu()");
        assertThat(r.start.device()).isEqualTo("cpu()");
        assertThat(r.result.testAccuracy()).containsOnlyKeys(ModelRole.values());
        assertThat(r.result.teacherParameters()).isEqualTo(2 * 16 + 16 + 16 * 16 + 16 + 16 * 2 + 2);
        assertThat(r.result.studentParameters()).isEqualTo(2 * 4 + 4 + 4 * 2 + 2);
        assertThat(r.steps).hasSize(3 * 6 + 3 * 6);
        assertThat(r.result.testAccuracy().get(ModelRole.TEACHER)).isGreaterThan(0.8);
    }

    /**
     * Issue 19, item 9: a run without test rows measured its models at 0% (the screen's history showed "0.0%"); it
     * now has no test accuracy, calibration or agreement at all, which the history table shows as a dash.
     */
    @Test
    void aRunWithoutTestRowsHasNoTestMeasuresRatherThanZero() {
        Dataset none = TinyData.moons(64, 0.15, 2).subset(new int[0]);
        Recorder r = run(RunConfig.builder(TinyData.moons(96, 0.15, 1), none).teacher(MlpSpec.of(16, 16))
                .student(MlpSpec.of(4)).settings(s -> s.withEpochs(1).withBatchSize(16)).reuseTeacher(false).build());
        assertThat(r.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(r.result.testAccuracy()).isEmpty();
        assertThat(r.result.testQuality()).isEmpty();
        assertThat(r.result.trainAccuracy()).containsOnlyKeys(ModelRole.values());
        assertThat(r.events).filteredOn(String.class::isInstance).isNotEmpty()
                .allMatch(epoch -> ((String) epoch).contains("test=NaN"), "every epoch's test accuracy is NaN");
    }

    @Test
    void sameConfigurationGivesBitIdenticalMetrics() {
        RunConfig config = TinyData.smallConfig(7).build();
        Recorder first = run(config);
        Recorder second = run(config);
        assertThat(second.events).isEqualTo(first.events);
        assertThat(second.result.testAccuracy()).isEqualTo(first.result.testAccuracy());
    }

    @Test
    void reusedTeacherGivesTheSameStudents() {
        RunConfig config = TinyData.smallConfig(5).reuseTeacher(true).build();
        TeacherCache cache = new TeacherCache(2);
        Recorder trained = new Recorder();
        new DistillationRun(config, cache).run(base, trained, new RunControl());
        Recorder reused = new Recorder();
        new DistillationRun(config, cache).run(base, reused, new RunControl());
        assertThat(trained.start.teacherFromCache()).isFalse();
        assertThat(reused.start.teacherFromCache()).isTrue();
        assertThat(reused.events).isEqualTo(trained.events);
        assertThat(reused.result.testAccuracy()).isEqualTo(trained.result.testAccuracy());
    }

    @Test
    void arrayCountStaysFlatOverAndAcrossRuns() {
        int before = base.getManagedArrays().size();
        List<Integer> studentEpochCounts = new ArrayList<>();
        RunListener counter = new RunListener() {
            @Override
            public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
                if (metrics.phase() == Phase.STUDENTS) {
                    predictor.logits(ModelRole.DISTILLED, new float[][] {{0f, 0f}, {1f, 1f}});
                    studentEpochCounts.add(base.getManagedArrays().size());
                }
            }
        };
        RunConfig config = TinyData.smallConfig(2).settings(s -> s.withStudentEpochs(4)).build();
        new DistillationRun(config, new TeacherCache(1)).run(base, counter, new RunControl());
        assertThat(base.getManagedArrays()).hasSize(before);
        new DistillationRun(config.toBuilder().settings(s -> s.withTransferSet(TransferSet.ALL)).labelledFraction(0.25)
                .build(),
                new TeacherCache(1)).run(base, counter, new RunControl());
        assertThat(base.getManagedArrays()).hasSize(before);
        assertThat(studentEpochCounts).hasSize(8);
        assertThat(studentEpochCounts.subList(0, 4)).containsOnly(studentEpochCounts.get(0));
        assertThat(studentEpochCounts.subList(4, 8)).containsOnly(studentEpochCounts.get(4));
    }

    /** Each epoch's ECE and fidelity are those of the models' own test logits, the students' against the teacher's. */
    @Test
    void qualityIsMeasuredOnTheTestSetAgainstTheTeacherOfTheSameEpoch() {
        RunConfig config = TinyData.smallConfig(3).build();
        float[][] test = config.test().features();
        int[] labels = config.test().labels();
        List<String> checked = new ArrayList<>();
        RunListener checker = new RunListener() {
            @Override
            public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
                float[] teacher = predictor.flatLogits(ModelRole.TEACHER, test);
                assertThat(metrics.quality(ModelRole.TEACHER).orElseThrow().reliability())
                        .isEqualTo(Calibration.ofLogits(teacher, 2, labels, Calibration.BINS));
                assertThat(metrics.quality(ModelRole.TEACHER).orElseThrow().fidelity()).isEmpty();
                if (metrics.phase() == Phase.STUDENTS) {
                    for (ModelRole student : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
                        float[] logits = predictor.flatLogits(student, test);
                        TestQuality q = metrics.quality(student).orElseThrow();
                        assertThat(q.fidelity()).contains(Fidelity.of(teacher, logits, 2));
                        assertThat(q.ece()).isEqualTo(Calibration.ofLogits(logits, 2, labels, 15).ece());
                        int[] predicted = Predictions.argMax(logits, 2);
                        int right = 0;
                        for (int i = 0; i < labels.length; i++) {
                            right += predicted[i] == labels[i] ? 1 : 0;
                        }
                        assertThat(metrics.accuracy(student).orElseThrow().test())
                                .isEqualTo(right / (double) labels.length);
                    }
                } else {
                    assertThat(metrics.quality(ModelRole.DISTILLED)).isEmpty();
                }
                checked.add(metrics.phase() + " " + metrics.epoch());
            }

            @Override
            public void runEnded(RunResult r) {
                assertThat(r.quality(ModelRole.DISTILLED).orElseThrow().agreement()).isBetween(0.0, 1.0);
                assertThat(r.quality(ModelRole.TEACHER).orElseThrow().agreement()).isNaN();
            }
        };
        new DistillationRun(config, new TeacherCache(1)).run(base, checker, new RunControl());
        assertThat(checked).containsExactly("TEACHER 1", "TEACHER 2", "TEACHER 3", "STUDENTS 1", "STUDENTS 2",
                "STUDENTS 3");
    }

    @Test
    void flatLogitsAreTheLogitsRowAfterRowAlsoOverSeveralForwardChunks() {
        float[][] inputs = new float[9000][]; // more rows than one forward takes (8192)
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
        }
        List<float[]> flat = new ArrayList<>();
        List<float[]> byRow = new ArrayList<>();
        List<float[]> byDefault = new ArrayList<>();
        RunListener asker = new RunListener() {
            @Override
            public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
                if (metrics.phase() == Phase.STUDENTS && flat.isEmpty()) {
                    flat.add(predictor.flatLogits(ModelRole.DISTILLED, inputs));
                    float[][] rows = predictor.logits(ModelRole.DISTILLED, inputs);
                    float[] joined = new float[rows.length * rows[0].length];
                    for (int r = 0; r < rows.length; r++) {
                        System.arraycopy(rows[r], 0, joined, r * rows[r].length, rows[r].length);
                    }
                    byRow.add(joined);
                    // the interface's own flatLogits, over the same logits
                    byDefault.add(new ModelPredictor() {
                        @Override
                        public boolean has(ModelRole role) {
                            return true;
                        }

                        @Override
                        public float[][] logits(ModelRole role, float[][] rowsAsked) {
                            return rows;
                        }
                    }.flatLogits(ModelRole.DISTILLED, inputs));
                }
            }
        };
        new DistillationRun(TinyData.smallConfig(2).settings(s -> s.withStudentEpochs(1)).build(), new TeacherCache(1))
                .run(base, asker, new RunControl());
        assertThat(flat.get(0)).hasSize(9000 * 2).isEqualTo(byRow.get(0)).isEqualTo(byDefault.get(0));
        assertThat(flat.get(0)).contains(byRow.get(0)[2 * 8191 + 1], byRow.get(0)[2 * 8999]);
    }

    /**
     * Each epoch end measures each network once on the labelled training rows and once on the test rows, except the
     * teacher in the students' phase: its last epoch's measurements serve them all (it no longer learns), with the
     * same values a new measurement would give.
     */
    @Test
    void theFrozenTeacherIsNotMeasuredAgain() {
        AtomicLong evaluations = new AtomicLong();
        List<EpochMetrics> epochs = Collections.synchronizedList(new ArrayList<>());
        Recorder r = new Recorder() {
            @Override
            public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
                epochs.add(metrics);
            }
        };
        ModelEvaluator.hookEvaluation = evaluations::incrementAndGet;
        try {
            new DistillationRun(TinyData.smallConfig(8).settings(s -> s.withTeacherEpochs(2).withStudentEpochs(3))
                    .build(), new TeacherCache(1)).run(base, r, new RunControl());
        } finally {
            ModelEvaluator.hookEvaluation = null;
        }
        assertThat(r.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(evaluations.get()).as("two per teacher epoch, two per student and student epoch")
                .isEqualTo(2 * 2 + 2 * 2 * 3);
        assertThat(epochs).hasSize(5);
        EpochMetrics lastTeacherEpoch = epochs.get(1);
        assertThat(lastTeacherEpoch.phase()).isEqualTo(Phase.TEACHER);
        for (EpochMetrics studentEpoch : epochs.subList(2, epochs.size())) {
            assertThat(studentEpoch.accuracy(ModelRole.TEACHER))
                    .isEqualTo(lastTeacherEpoch.accuracy(ModelRole.TEACHER));
            assertThat(studentEpoch.quality(ModelRole.TEACHER))
                    .isEqualTo(lastTeacherEpoch.quality(ModelRole.TEACHER));
        }
    }

    /**
     * PyTorch starts every new thread recording operations for a backward pass (the training screen's worker is such a
     * thread); a run records only inside its steps, gives the same numbers as on a thread that did not record, and
     * leaves each thread recording as it found it.
     */
    @Test
    void aRunRecordsForBackwardOnlyInsideItsSteps() throws InterruptedException {
        RunConfig config = TinyData.smallConfig(5).settings(s -> s.withTeacherEpochs(2).withStudentEpochs(2)).build();
        List<Boolean> recordingAtEvaluations = Collections.synchronizedList(new ArrayList<>());
        boolean[] recordingBeforeAndAfter = new boolean[2];
        Recorder onNewThread = new Recorder();
        Thread worker = new Thread(() -> {
            recordingBeforeAndAfter[0] = GradMode.isOn(base.getEngine());
            ModelEvaluator.hookEvaluation = () -> recordingAtEvaluations.add(GradMode.isOn(base.getEngine()));
            try {
                new DistillationRun(config, new TeacherCache(1)).run(base, onNewThread, new RunControl());
            } finally {
                ModelEvaluator.hookEvaluation = null;
            }
            recordingBeforeAndAfter[1] = GradMode.isOn(base.getEngine());
        });
        worker.start();
        worker.join();
        assertThat(recordingBeforeAndAfter[0]).as("a new thread records (the condition this test is about)").isTrue();
        assertThat(recordingAtEvaluations).as("at each evaluation").hasSize(2 * 2 + 2 * 2 * 2).containsOnly(false);
        assertThat(recordingBeforeAndAfter[1]).as("recording again after the run").isTrue();
        assertThat(onNewThread.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);

        try (GradMode off = GradMode.off(base.getEngine())) {
            Recorder here = new Recorder();
            new DistillationRun(config, new TeacherCache(1)).run(base, here, new RunControl());
            assertThat(GradMode.isOn(base.getEngine())).as("not recording after the run, as before it").isFalse();
            assertThat(here.events).as("every step's losses and every epoch's measures")
                    .containsExactlyElementsOf(onNewThread.events);
        }
    }

    @Test
    void cancelMidRunThenTheNextRunCompletes() {
        RunControl control = new RunControl();
        Recorder recorder = new Recorder() {
            @Override
            public void step(StepMetrics metrics) {
                super.step(metrics);
                if (metrics.globalStep() == 20) {
                    control.cancel();
                }
            }
        };
        RunResult cancelled = new DistillationRun(TinyData.smallConfig(4).build(), new TeacherCache(1))
                .run(base, recorder, control);
        assertThat(cancelled.stopReason()).isEqualTo(RunResult.StopReason.CANCELLED);
        assertThat(recorder.steps).hasSize(20);
        assertThat(cancelled.studentPhaseMsPerStep()).as("no whole students' phase to time").isZero();
        Recorder next = run(TinyData.smallConfig(4).build());
        assertThat(next.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        // the students' phase is its steps and more: the teacher's targets and each epoch's measures
        assertThat(next.result.studentMsPerStep()).isPositive();
        assertThat(next.result.studentPhaseMsPerStep()).isGreaterThan(next.result.studentMsPerStep());
    }

    @Test
    void pauseHoldsTheStepCountUntilResume() throws Exception {
        RunControl control = new RunControl();
        AtomicLong lastStep = new AtomicLong();
        RunListener listener = new RunListener() {
            @Override
            public void step(StepMetrics metrics) {
                lastStep.set(metrics.globalStep());
                if (metrics.globalStep() == 10) {
                    control.pause();
                }
            }
        };
        RunResult[] result = new RunResult[1];
        Thread worker = new Thread(() -> result[0] = new DistillationRun(TinyData.smallConfig(6).build(),
                new TeacherCache(1)).run(base, listener, control), "test-worker");
        worker.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!control.isHeld() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(control.isHeld()).isTrue();
        assertThat(lastStep.get()).isEqualTo(10);
        Thread.sleep(200);
        assertThat(lastStep.get()).isEqualTo(10);
        control.resume();
        worker.join(30_000);
        assertThat(result[0].stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(lastStep.get()).isEqualTo(36);
    }

    @Test
    void absurdLearningRateReportsDivergenceAndNeverEmitsNaN() {
        Recorder r = run(TinyData.smallConfig(8).settings(s -> s.withLearningRate(10f).withEpochs(5)).build());
        assertThat(r.result.stopReason()).isEqualTo(RunResult.StopReason.DIVERGED);
        assertThat(r.result.message()).contains("learning rate").contains("too high");
        for (StepMetrics s : r.steps) {
            if (s instanceof StepMetrics.TeacherStep t) {
                assertThat(t.loss()).isFinite();
            } else if (s instanceof StepMetrics.StudentStep st) {
                assertThat(List.of(st.part(LossPart.HARD), st.part(LossPart.SOFT), st.total(), st.baselineLoss()))
                        .allMatch(Double::isFinite);
            }
        }
    }

    @Test
    void transferSetAllTrainsOnEveryRowAndTheBaselineOnLabelsOnly() {
        Recorder r = run(TinyData.smallConfig(9).settings(s -> s
                .withTransferSet(TransferSet.ALL)).labelledFraction(0.25).build());
        assertThat(r.result.stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(r.start.labelledRows()).isEqualTo(24);
        assertThat(r.start.studentStepsPerEpoch()).isEqualTo(6);
        assertThat(r.start.teacherStepsPerEpoch()).isEqualTo(2);
        List<StepMetrics> students = r.studentSteps();
        assertThat(students).hasSize(18);
        assertThat(students).allMatch(s -> ((StepMetrics.StudentStep) s).labelledRows() == 4);
    }

    @Test
    void teacherForwardEachStepGivesNearlyTheSameLosses() {
        RunConfig config = TinyData.smallConfig(11).build();
        Recorder cached = run(config);
        Recorder forward = run(config.toBuilder().cacheTeacherLogits(false).build());
        List<StepMetrics> a = cached.studentSteps();
        List<StepMetrics> b = forward.studentSteps();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(((StepMetrics.StudentStep) b.get(i)).part(LossPart.SOFT))
                    .isCloseTo(((StepMetrics.StudentStep) a.get(i)).part(LossPart.SOFT),
                            org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
