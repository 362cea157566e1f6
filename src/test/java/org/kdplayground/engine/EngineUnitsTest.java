package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.kdplayground.data.Dataset;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class EngineUnitsTest {

    @Test
    void parameterCountMatchesDjl() {
        MlpSpec spec = new MlpSpec(List.of(256, 256), MlpSpec.Activation.TANH, 0.1f);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = spec.build(64, 10);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 64));
            long djl = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertThat(spec.parameterCount(64, 10)).isEqualTo(djl).isEqualTo(85_002);
        }
        assertThat(spec.describe(64, 10)).isEqualTo("64-256-256-10 tanh dropout 0.1");
    }

    /**
     * PyTorch's {@code nn.Linear} draws weights and biases from U(−1/√fan_in, 1/√fan_in): the bounds hold, the draws fill
     * them (the largest within 1% of the bound, the variance bound²/3 within 5%), biases are not zero, and each layer
     * has its own fan-in.
     */
    @Test
    void layersStartAsPyTorchInitialisesThem() {
        MlpSpec spec = MlpSpec.of(300, 40);
        int[][] shapes = {{300, 784}, {300}, {40, 300}, {40}, {10, 40}, {10}};
        int[] fanIns = {784, 784, 300, 300, 40, 40};
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            Block block = spec.build(784, 10);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 784));
            List<float[]> values = block.getParameters().values().stream()
                    .map(p -> p.getArray().toFloatArray()).toList();
            assertThat(values).hasSize(shapes.length);
            for (int i = 0; i < shapes.length; i++) {
                float[] v = values.get(i);
                assertThat(v).hasSize(Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b));
                double bound = 1 / Math.sqrt(fanIns[i]);
                double max = 0;
                double sumSquares = 0;
                for (float x : v) {
                    max = Math.max(max, Math.abs(x));
                    sumSquares += (double) x * x;
                }
                assertThat(max).as("parameter %d", i).isLessThanOrEqualTo(bound);
                if (v.length >= 1_000) {
                    assertThat(max).as("parameter %d", i).isGreaterThan(0.99 * bound);
                    assertThat(sumSquares / v.length).as("parameter %d", i)
                            .isCloseTo(bound * bound / 3, Percentage.withPercentage(5));
                } else {
                    assertThat(max).as("parameter %d", i).isGreaterThan(0.5 * bound); // not zeros
                }
            }
        }
    }

    @Test
    void labelledRowsAreChosenPerClassAndSeeded() {
        Dataset data = TinyData.moons(100, 0.1, 1);
        int[] a = labelled(data, 0.1, 3);
        assertThat(a).hasSize(10).isSorted();
        assertThat(Arrays.stream(a).filter(i -> data.labels()[i] == 0).count()).isEqualTo(5);
        assertThat(labelled(data, 0.1, 3)).isEqualTo(a);
        assertThat(labelled(data, 0.1, 4)).isNotEqualTo(a);
        assertThat(labelled(data, 1.0, 3)).hasSize(100);
    }

    /** The labelled rows a configuration without rows of its own gets from its fraction and seed. */
    private static int[] labelled(Dataset data, double fraction, long seed) {
        return RunConfig.builder(data, data).labelledFraction(fraction).settings(s -> s.withSeed(seed))
                .build().labelledRows();
    }

    @Test
    void interleaveSpreadsLabelledRowsEvenly() {
        int[] out = TrainingRows.interleave(new int[] {100, 101}, new int[] {0, 1, 2, 3, 4, 5});
        assertThat(out).containsExactly(100, 0, 1, 2, 101, 3, 4, 5);
        assertThat(TrainingRows.interleave(new int[] {7}, new int[0])).containsExactly(7);
    }

    @Test
    void configRejectsNonsenseWithAClearMessage() {
        RunConfig.Builder b = TinyData.smallConfig(1);
        assertThatThrownBy(() -> b.settings(s -> s
                .withTemperature(0))).hasMessage("\"temperature\" must be in [0.1, 100], got 0");
        assertThatThrownBy(() -> TinyData.smallConfig(1).settings(s -> s
                .withAlpha(1.5f))).hasMessageContaining("\"alpha\"");
        assertThatThrownBy(() -> TinyData.smallConfig(1).labelledFraction(0))
                .hasMessageContaining("\"labelledFraction\" must be in (0, 1]");
    }

    @Test
    void controlCancelReleasesAPausedWorker() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        boolean[] proceeded = new boolean[1];
        Thread t = new Thread(() -> proceeded[0] = control.proceed());
        t.start();
        while (!control.isHeld()) {
            Thread.sleep(1);
        }
        control.cancel();
        t.join(5_000);
        assertThat(proceeded[0]).isFalse();
    }
}
