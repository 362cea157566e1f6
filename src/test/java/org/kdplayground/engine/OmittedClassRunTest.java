package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.kdplayground.data.Dataset;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hinton et al.'s omitted-class experiment on three small blobs: the students never see class 2. */
class OmittedClassRunTest {

    private static final int OMITTED = 2;
    private static NDManager base;

    @BeforeAll
    static void open() {
        base = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        base.close();
    }

    @AfterEach
    void clearHook() {
        StudentTraining.hookStudentBatch = null;
    }

    private static RunConfig.Builder blobs(long seed) {
        return RunConfig.builder(TinyData.blobs(150, 3, 1), TinyData.blobs(90, 3, 2))
                .teacher(MlpSpec.of(16, 16))
                .student(MlpSpec.of(8))
                .settings(s -> s.withTeacherEpochs(8).withStudentEpochs(8).withBatchSize(16).withLearningRate(0.02f)
                        .withSeed(seed))
                .reuseTeacher(false)
                .settings(s -> s.withOmittedClass(OMITTED));
    }

    private static DistillationRunTest.Recorder run(RunConfig config) {
        DistillationRunTest.Recorder recorder = new DistillationRunTest.Recorder();
        new DistillationRun(config, new TeacherCache(2)).run(base, recorder, new RunControl());
        return recorder;
    }

    @Test
    void noStudentBatchHoldsARowOfTheOmittedClass() {
        for (RunConfig config : List.of(blobs(1).build(),
                blobs(2).labelledFraction(0.3).settings(s -> s.withTransferSet(TransferSet.ALL)).build())) {
            List<int[]> batches = Collections.synchronizedList(new ArrayList<>());
            StudentTraining.hookStudentBatch = batches::add;
            DistillationRunTest.Recorder r = run(config);
            assertThat(r.result.completed()).isTrue();
            int[] labels = config.train().labels();
            int rowsSeen = batches.stream().mapToInt(b -> b.length).sum();
            assertThat(rowsSeen).isEqualTo(config.settings().studentEpochs() * 100); // 150 rows, 50 of them class 2
            assertThat(batches).allSatisfy(batch -> assertThat(java.util.Arrays.stream(batch)
                    .map(row -> labels[row])).doesNotContain(OMITTED));
            assertThat(r.start.studentStepsPerEpoch()).isEqualTo((100 + 15) / 16);
        }
    }

    @Test
    void studentRowsKeepTheOrderAndDropOnlyTheOmittedClass() {
        RunConfig omitting = blobs(1).labelledFraction(0.4).build();
        TrainingRows rows = new TrainingRows(omitting);
        int[] labels = omitting.train().labels();
        int[] expected = java.util.Arrays.stream(omitting.labelledRows()).filter(r -> labels[r] != OMITTED).toArray();
        assertThat(rows.studentLabelled()).containsExactly(expected);
        assertThat(rows.teacherRows()).containsExactly(omitting.labelledRows());
        TrainingRows all = new TrainingRows(omitting.toBuilder().settings(s -> s
                .withOmittedClass(RunSettings.NO_OMITTED_CLASS)).build());
        assertThat(all.studentLabelled()).containsExactly(omitting.labelledRows());
    }

    @Test
    void theTeacherTrainsAsIfNoClassWereOmitted() {
        RunConfig omitting = blobs(3).build();
        DistillationRunTest.Recorder with = run(omitting);
        DistillationRunTest.Recorder without = run(omitting.toBuilder()
                .settings(s -> s.withOmittedClass(RunSettings.NO_OMITTED_CLASS)).build());
        assertThat(with.steps.stream().filter(s -> s.phase() == Phase.TEACHER).toList())
                .isEqualTo(without.steps.stream().filter(s -> s.phase() == Phase.TEACHER).toList());
        assertThat(with.result.testAccuracy().get(ModelRole.TEACHER))
                .isEqualTo(without.result.testAccuracy().get(ModelRole.TEACHER));
        assertThat(without.result.omittedClass()).isEmpty();
    }

    @Test
    void theBaselineMissesTheOmittedClassAndTheResultIsConsistent() {
        RunConfig config = blobs(4).build();
        RunResult result = run(config).result;
        OmittedClassResult o = result.omittedClass().orElseThrow();
        Dataset test = config.test();
        assertThat(o.omittedClass()).isEqualTo(OMITTED);
        assertThat(o.className()).isEqualTo("c2");
        assertThat(o.omittedTrainingRows()).isEqualTo(50);
        assertThat(o.testRows()).isEqualTo(90);
        assertThat(o.testClassRows()).isEqualTo(30);
        assertThat(o.teacherPredictions()).isBetween(35, 65);
        assertThat(o.students()).containsOnlyKeys(ModelRole.DISTILLED, ModelRole.BASELINE);
        OmittedClassResult.Correction baseline = o.of(ModelRole.BASELINE);
        assertThat(baseline.classErrorsBefore()).isGreaterThanOrEqualTo(27); // at least 90% of the 30
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            long errorsFromAccuracy = Math.round((1 - result.testAccuracy().get(role)) * test.size());
            assertThat(c.testErrorsBefore()).as(role.name()).isEqualTo(errorsFromAccuracy);
            assertThat(c.biasShift()).as(role.name()).isGreaterThanOrEqualTo(0);
            assertThat(c.predictionsAfter()).as(role.name()).isGreaterThanOrEqualTo(o.teacherPredictions());
            assertThat(c.testErrorsAfter()).as(role.name()).isBetween(c.classErrorsAfter(), o.testRows());
            assertThat(c.classErrorsAfter()).as(role.name()).isLessThanOrEqualTo(o.testClassRows());
            assertThat(c.testAccuracyAfter()).as(role.name())
                    .isEqualTo((o.testRows() - c.testErrorsAfter()) / (double) o.testRows());
            if (c.predictionsBefore() < o.teacherPredictions()) {
                assertThat(c.biasShift()).as(role.name()).isPositive();
                assertThat(c.classErrorsAfter()).as(role.name()).isLessThanOrEqualTo(c.classErrorsBefore());
            }
        }
    }

    @Test
    void aRerunIsBitIdenticalCorrectionIncluded() {
        RunConfig config = blobs(5).labelledFraction(0.5).settings(s -> s.withTransferSet(TransferSet.ALL)).build();
        DistillationRunTest.Recorder first = run(config);
        DistillationRunTest.Recorder second = run(config);
        assertThat(second.events).isEqualTo(first.events);
        assertThat(second.result.omittedClass()).isPresent().isEqualTo(first.result.omittedClass());
    }

    @Test
    void arrayCountStaysFlatWithTheCorrection() {
        int before = base.getManagedArrays().size();
        run(blobs(6).settings(s -> s.withStudentEpochs(2)).build());
        assertThat(base.getManagedArrays()).hasSize(before);
    }

    @Test
    void aCancelledRunHasNoCorrection() {
        RunControl control = new RunControl();
        RunListener cancelInStudents = new RunListener() {
            @Override
            public void step(StepMetrics metrics) {
                if (metrics.phase() == Phase.STUDENTS) {
                    control.cancel();
                }
            }
        };
        RunResult result = new DistillationRun(blobs(7).build(), new TeacherCache(1))
                .run(base, cancelInStudents, control);
        assertThat(result.stopReason()).isEqualTo(RunResult.StopReason.CANCELLED);
        assertThat(result.omittedClass()).isEmpty();
    }

    @Test
    void theOmittedClassMustBeAClassOfTheData() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> blobs(1).settings(s -> s.withOmittedClass(3))
                .build())
                .getMessage()).contains("omitted class").contains("0 to 2").contains(": 3");
        assertThrows(IllegalArgumentException.class, () -> blobs(1).settings(s -> s.withOmittedClass(-2)).build());
        Dataset twoClasses = TinyData.moons(20, 0.1, 1);
        int[] onlyClassOne = java.util.stream.IntStream.range(0, 20).filter(i -> twoClasses.labels()[i] == 1)
                .toArray();
        RunConfig.Builder labelsOfOneClass = RunConfig.builder(new org.kdplayground.data.Split(twoClasses,
                twoClasses, onlyClassOne)).settings(s -> s.withOmittedClass(1));
        assertThat(assertThrows(IllegalArgumentException.class, labelsOfOneClass::build).getMessage())
                .contains("no labelled training row");
    }
}
