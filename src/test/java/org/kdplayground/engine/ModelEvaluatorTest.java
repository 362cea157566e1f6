package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The run's own evaluations stop between chunks when the run is stopped; a listener's predictor is not stopped. */
class ModelEvaluatorTest {

    private static final int ROWS = 2 * ModelEvaluator.EVALUATION_CHUNK + 100;

    @Test
    void theCheckpointRunsBeforeEachChunkOfTheRunsOwnEvaluations() {
        AtomicInteger calls = new AtomicInteger();
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<ModelRole, TrainableNet> nets = new EnumMap<>(ModelRole.class);
            TrainableNet net = new TrainableNet(manager, MlpSpec.of(4), 3, 2, 0.01f);
            nets.put(ModelRole.TEACHER, net);
            ModelEvaluator evaluator = new ModelEvaluator(manager, 3, 2, new RowBatches(2, new int[ROWS]), nets,
                    calls::incrementAndGet);
            float[][] data = new float[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                data[i] = new float[] {i % 7, i % 5, 1};
            }
            int[] labels = new int[ROWS];

            evaluator.evaluate(net, data, labels, null, true);
            assertThat(calls.get()).isEqualTo(3);
            assertThat(evaluator.logits(net, data, ROWS, ModelEvaluator.EVALUATION_CHUNK)).hasNumberOfRows(ROWS);
            assertThat(calls.get()).isEqualTo(6);
            try (ModelEvaluator.Predictor predictor = evaluator.predictor()) {
                assertThat(predictor.logits(ModelRole.TEACHER, data)).hasNumberOfRows(ROWS);
                assertThat(predictor.flatLogits(ModelRole.TEACHER, data)).hasSize(2 * ROWS);
            }
            assertThat(calls.get()).as("a listener's predictor is never stopped").isEqualTo(6);
        }
    }

    @Test
    void aCheckpointThatThrowsEndsTheEvaluationBeforeTheNextChunk() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<ModelRole, TrainableNet> nets = new EnumMap<>(ModelRole.class);
            TrainableNet net = new TrainableNet(manager, MlpSpec.of(4), 3, 2, 0.01f);
            nets.put(ModelRole.TEACHER, net);
            AtomicInteger calls = new AtomicInteger();
            ModelEvaluator evaluator = new ModelEvaluator(manager, 3, 2, new RowBatches(2, new int[ROWS]), nets, () -> {
                if (calls.incrementAndGet() == 2) {
                    throw new RunContext.Cancelled();
                }
            });
            float[][] data = new float[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                data[i] = new float[] {i, 0, 1};
            }
            assertThatThrownBy(() -> evaluator.evaluate(net, data, new int[ROWS], null, false))
                    .isInstanceOf(RunContext.Cancelled.class);
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    /**
     * The classes a listener's predictor gives (a confusion matrix's) and the run's accuracies are the engine's own
     * arg max of the network's logits, over several chunks; both read them from the logits in Java.
     */
    @Test
    void predictedClassesAndAccuracyAreTheEnginesArgMax() {
        int classes = 5;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<ModelRole, TrainableNet> nets = new EnumMap<>(ModelRole.class);
            Engine.getInstance().setRandomSeed(3); // initial weights that predict several classes on these rows
            TrainableNet net = new TrainableNet(manager, MlpSpec.of(8), 3, classes, 0.01f);
            nets.put(ModelRole.TEACHER, net);
            int[] labels = new int[ROWS];
            float[][] data = new float[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                data[i] = new float[] {10 * (i % 7 - 3), 10 * (i % 5 - 2), 5 - i % 11};
                labels[i] = i % classes;
            }
            ModelEvaluator evaluator = new ModelEvaluator(manager, 3, classes, new RowBatches(classes, labels), nets,
                    () -> { });
            long[] engine;
            try (NDManager sub = manager.newSubManager()) {
                float[] flat = new float[ROWS * 3];
                for (int i = 0; i < ROWS; i++) {
                    System.arraycopy(data[i], 0, flat, 3 * i, 3);
                }
                engine = net.forward(sub.create(flat, new Shape(ROWS, 3)), false).argMax(1)
                        .toLongArray();
            }
            int[] predicted;
            try (ModelEvaluator.Predictor predictor = evaluator.predictor()) {
                predicted = predictor.predictedClasses(ModelRole.TEACHER, data);
            }
            int correct = 0;
            for (int i = 0; i < ROWS; i++) {
                assertThat(predicted[i]).as("row %d", i).isEqualTo((int) engine[i]);
                correct += engine[i] == labels[i] ? 1 : 0;
            }
            assertThat(Arrays.stream(predicted).distinct().count()).as("more than one class predicted")
                    .isGreaterThan(1);
            assertThat(evaluator.accuracy(net, data, labels, null)).isEqualTo(correct / (double) ROWS);
        }
    }
}
