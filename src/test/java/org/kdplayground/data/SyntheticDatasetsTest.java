package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticDatasetsTest {

    interface Generator {
        Dataset make(int size, double noise, long seed);
    }

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("two-moons", 2, (Generator) SyntheticDatasets::twoMoons),
                Arguments.of("spirals", 3, (Generator) (n, noise, s) -> SyntheticDatasets.spirals(n, 3, noise, s)),
                Arguments.of("spirals", 5, (Generator) (n, noise, s) -> SyntheticDatasets.spirals(n, 5, noise, s)),
                Arguments.of("circles", 2, (Generator) SyntheticDatasets::circles),
                Arguments.of("blobs", 4, (Generator) (n, noise, s) -> SyntheticDatasets.blobs(n, 4, noise, s)),
                Arguments.of("xor", 2, (Generator) SyntheticDatasets::xor));
    }

    @ParameterizedTest(name = "{0} with {1} classes")
    @MethodSource("generators")
    void hasTheRequestedShapeAndBalancedClasses(String name, int classes, Generator generator) {
        Dataset data = generator.make(1001, 0.1, 7);

        assertThat(data.name()).isEqualTo(name);
        assertThat(data.size()).isEqualTo(1001);
        assertThat(data.featureCount()).isEqualTo(2);
        assertThat(data.classCount()).isEqualTo(classes);
        assertThat(data.classNames()).first().isEqualTo("class 0");
        assertThat(data.isImage()).isFalse();
        int[] counts = data.classCounts();
        assertThat(Arrays.stream(counts).max().getAsInt() - Arrays.stream(counts).min().getAsInt())
                .isLessThanOrEqualTo(1);
        for (float[] row : data.features()) {
            assertThat(Float.isFinite(row[0]) && Float.isFinite(row[1])).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} with {1} classes")
    @MethodSource("generators")
    void isDeterministicForASeedAndDiffersAcrossSeeds(String name, int classes, Generator generator) {
        Dataset a = generator.make(200, 0.2, 42);
        Dataset b = generator.make(200, 0.2, 42);
        Dataset c = generator.make(200, 0.2, 43);

        assertThat(a.features()).isDeepEqualTo(b.features());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(Arrays.deepEquals(a.features(), c.features())).isFalse();
    }

    @ParameterizedTest(name = "{0} with {1} classes")
    @MethodSource("generators")
    void rowsAreShuffledNotSortedByClass(String name, int classes, Generator generator) {
        int[] labels = generator.make(300, 0.1, 3).labels();
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        assertThat(labels).isNotEqualTo(sorted);
    }

    @Test
    void twoMoonsIsDeterministicForASeed() {
        assertThat(SyntheticDatasets.twoMoons(500, 0.2, 1).features())
                .isDeepEqualTo(SyntheticDatasets.twoMoons(500, 0.2, 1).features());
    }

    @Test
    void twoMoonsWithoutNoiseLieOnTheirArcs() {
        Dataset data = SyntheticDatasets.twoMoons(400, 0, 5);
        for (int i = 0; i < data.size(); i++) {
            float[] p = data.features()[i];
            double cx = data.labels()[i] == 0 ? 0 : 1;
            double cy = data.labels()[i] == 0 ? 0 : 0.5;
            assertThat(Math.hypot(p[0] - cx, p[1] - cy)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(data.labels()[i] == 0 ? p[1] >= -1e-6 : p[1] <= 0.5 + 1e-6).isTrue();
        }
    }

    @Test
    void circlesWithoutNoiseHaveRadiusOneAndAHalf() {
        Dataset data = SyntheticDatasets.circles(300, 0, 5);
        for (int i = 0; i < data.size(); i++) {
            float[] p = data.features()[i];
            double expected = data.labels()[i] == 0 ? 1.0 : 0.5;
            assertThat(Math.hypot(p[0], p[1])).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void xorWithoutNoiseLabelsBySignProduct() {
        Dataset data = SyntheticDatasets.xor(400, 0, 9);
        for (int i = 0; i < data.size(); i++) {
            float[] p = data.features()[i];
            int expected = (p[0] < 0) != (p[1] < 0) ? 1 : 0;
            assertThat(data.labels()[i]).isEqualTo(expected);
            assertThat(Math.abs(p[0])).isLessThanOrEqualTo(1f);
            assertThat(Math.abs(p[1])).isLessThanOrEqualTo(1f);
        }
    }

    @Test
    void blobsCentreOnACircleOfRadiusTwo() {
        Dataset data = SyntheticDatasets.blobs(4000, 4, 0.1, 2);
        double[] sx = new double[4];
        double[] sy = new double[4];
        int[] counts = data.classCounts();
        for (int i = 0; i < data.size(); i++) {
            sx[data.labels()[i]] += data.features()[i][0];
            sy[data.labels()[i]] += data.features()[i][1];
        }
        for (int c = 0; c < 4; c++) {
            assertThat(Math.hypot(sx[c] / counts[c], sy[c] / counts[c]))
                    .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.02));
        }
    }

    @Test
    void spiralsStayWithinTheUnitDiscWithoutNoise() {
        Dataset data = SyntheticDatasets.spirals(300, 3, 0, 4);
        for (float[] p : data.features()) {
            assertThat(Math.hypot(p[0], p[1])).isLessThanOrEqualTo(1.0 + 1e-6);
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> SyntheticDatasets.twoMoons(1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> SyntheticDatasets.circles(100, -0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> SyntheticDatasets.xor(100, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> SyntheticDatasets.spirals(100, 1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arms");
        assertThatThrownBy(() -> SyntheticDatasets.blobs(100, 1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes");
    }
}
