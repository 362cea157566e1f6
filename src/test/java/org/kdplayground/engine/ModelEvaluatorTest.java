package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDManager;
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
}
