package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's optimizer against {@code torch.optim.Adam}'s own steps ({@code src/bench/pytorch/adam_golden.py}). */
class FusedAdamTest {

    private static final String[] NAMES = {"weight", "bias"};
    private JsonNode golden;
    private NDManager manager;
    private List<NDArray> weights;
    private FusedAdam adam;

    /** PyTorch's two parameters at their initial values, with Adam at PyTorch's learning rate. */
    @BeforeEach
    void startFromPyTorchsWeights() throws IOException {
        try (InputStream in = FusedAdamTest.class.getResourceAsStream("adam-pytorch.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        manager = NDManager.newBaseManager();
        weights = initialWeights(manager, golden);
        adam = new FusedAdam(manager, weights, golden.get("learning_rate").asDouble());
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /**
     * Six steps on two parameters with PyTorch's gradients land on PyTorch's weights. A third of the gradients are
     * 1e-9 or 1e-7, where ε's place decides the step (DJL's own Adam moves those weights up to 30 times less).
     */
    @Test
    void stepsAsTorchOptimAdam() {
        for (JsonNode step : golden.get("steps")) {
            backward(manager, weights, step);
            adam.step();
            for (int i = 0; i < NAMES.length; i++) {
                float[] expected = floats(step.get(NAMES[i]).get("after"));
                float[] actual = weights.get(i).toFloatArray();
                for (int j = 0; j < expected.length; j++) {
                    assertThat(actual[j]).as("%s[%d]", NAMES[i], j).isCloseTo(expected[j], within(1e-6f));
                }
            }
        }
    }

    /** After a step the gradients are zero, so the next backward's gradient is its own, not a sum with the last. */
    @Test
    void aStepZeroesTheGradients() {
        backward(manager, weights, golden.get("steps").get(0));
        assertThat(weights.get(0).getGradient().abs().sum().getFloat()).isPositive();
        adam.step();
        for (NDArray weight : weights) {
            assertThat(weight.getGradient().toFloatArray()).containsOnly(0f);
        }
    }

    /** Steps leave no arrays behind in the manager (each step's gradient handles and call values are closed). */
    @Test
    void stepsLeaveNoArraysBehind() {
        int before = manager.getManagedArrays().size();
        for (JsonNode step : golden.get("steps")) {
            try (NDManager stepArrays = manager.newSubManager()) {
                backward(stepArrays, weights, step);
            }
            adam.step();
        }
        assertThat(manager.getManagedArrays()).hasSize(before);
    }

    /**
     * Two networks stepped in one kernel call move exactly as each stepped alone, also when their step counts differ
     * (the baseline skips batches without labels): the students' joint update changes no bit of a run.
     */
    @Test
    void optimizersSteppedTogetherMoveAsEachAlone() {
        List<NDArray> otherWeights = initialWeights(manager, golden);
        FusedAdam other = new FusedAdam(manager, otherWeights, golden.get("learning_rate").asDouble());
        List<NDArray> aloneWeights = initialWeights(manager, golden);
        List<NDArray> otherAloneWeights = initialWeights(manager, golden);
        FusedAdam alone = new FusedAdam(manager, aloneWeights, golden.get("learning_rate").asDouble());
        FusedAdam otherAlone = new FusedAdam(manager, otherAloneWeights, golden.get("learning_rate").asDouble());
        JsonNode steps = golden.get("steps");
        for (int s = 0; s < steps.size(); s++) {
            backward(manager, weights, steps.get(s));
            backward(manager, aloneWeights, steps.get(s));
            alone.step();
            if (s == 1) { // the second network skips this step: its step count falls behind
                adam.step();
                continue;
            }
            JsonNode otherStep = steps.get(steps.size() - 1 - s); // other gradients than the first network's
            backward(manager, otherWeights, otherStep);
            backward(manager, otherAloneWeights, otherStep);
            FusedAdam.step(List.of(adam, other));
            otherAlone.step();
        }
        for (int i = 0; i < NAMES.length; i++) {
            assertThat(weights.get(i).toFloatArray()).as(NAMES[i]).containsExactly(aloneWeights.get(i).toFloatArray());
            assertThat(otherWeights.get(i).toFloatArray()).as(NAMES[i])
                    .containsExactly(otherAloneWeights.get(i).toFloatArray());
            assertThat(otherWeights.get(i).toFloatArray()).as("the second network moved on its own gradients")
                    .isNotEqualTo(weights.get(i).toFloatArray());
        }
    }

    /** One call serves one learning rate: optimizers with two are refused before anything moves. */
    @Test
    void optimizersWithDifferentLearningRatesAreNotSteppedTogether() {
        List<NDArray> otherWeights = initialWeights(manager, golden);
        FusedAdam other = new FusedAdam(manager, otherWeights, 2 * golden.get("learning_rate").asDouble());
        backward(manager, weights, golden.get("steps").get(0));
        float[] before = weights.get(0).toFloatArray();
        assertThatThrownBy(() -> FusedAdam.step(List.of(adam, other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThat(weights.get(0).toFloatArray()).containsExactly(before);
    }

    /**
     * A step before any backward (no gradient yet) is an error of the caller's: the kernel refuses and the weights do
     * not move (its step counts have been advanced by then; the optimizer is not meant to be used after such an error).
     */
    @Test
    void aStepWithoutGradientsFails() {
        float[] before = weights.get(0).toFloatArray();
        assertThatThrownBy(adam::step).isInstanceOf(EngineException.class);
        assertThat(weights.get(0).toFloatArray()).containsExactly(before);
    }

    /** Sets each weight's gradient to the step's, as {@code torch.optim.Adam}'s run had it: the gradient of Σ w·g. */
    private static void backward(NDManager manager, List<NDArray> weights, JsonNode step) {
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray loss = null;
            for (int i = 0; i < NAMES.length; i++) {
                NDArray gradient = manager.create(floats(step.get(NAMES[i]).get("gradient")), weights.get(i).getShape());
                NDArray term = gradient.mul(weights.get(i)).sum(); // on the gradient's manager
                loss = loss == null ? term : loss.add(term);
            }
            collector.backward(loss);
        }
    }

    private static List<NDArray> initialWeights(NDManager manager, JsonNode golden) {
        List<NDArray> weights = new ArrayList<>();
        for (String name : NAMES) {
            JsonNode parameter = golden.get("parameters").get(name);
            long[] shape = new long[parameter.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = parameter.get("shape").get(i).asLong();
            }
            NDArray weight = manager.create(floats(parameter.get("initial")), new Shape(shape));
            weight.setRequiresGradient(true);
            weights.add(weight);
        }
        return weights;
    }

    private static float[] floats(JsonNode values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values.get(i).asDouble();
        }
        return out;
    }
}
