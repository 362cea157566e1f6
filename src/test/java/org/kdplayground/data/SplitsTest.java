package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private final Dataset blobs = SyntheticDatasets.blobs(1000, 4, 0.5, 3);

    @Test
    void splitHasExactSizesAndCoversEveryExampleOnce() {
        Split split = Splits.split(blobs, 0.2, 0.1, 7);

        assertThat(split.train().size()).isEqualTo(800);
        assertThat(split.test().size()).isEqualTo(200);
        assertThat(split.labelledCount()).isEqualTo(80);
        assertThat(split.unlabelled()).hasSize(720);
        Set<float[]> rows = new HashSet<>(Arrays.asList(split.train().features()));
        rows.addAll(Arrays.asList(split.test().features()));
        assertThat(rows).hasSize(1000); // the rows are shared, so identity tells them apart
        assertThat(split.train().classNames()).isEqualTo(blobs.classNames());
    }

    @Test
    void splitIsStratified() {
        Dataset unbalanced = new Dataset("u", new float[1000][1], unbalancedLabels(), java.util.List.of("a", "b"),
                0, 0);
        Split split = Splits.split(unbalanced, 0.25, 0.2, 11);

        assertThat(split.test().classCounts()).containsExactly(225, 25);
        assertThat(split.train().classCounts()).containsExactly(675, 75);
        assertThat(split.labelledTrain().classCounts()).containsExactly(135, 15);
    }

    @Test
    void splitIsDeterministicForASeedAndDiffersAcrossSeeds() {
        Split a = Splits.split(blobs, 0.3, 0.5, 5);
        Split b = Splits.split(blobs, 0.3, 0.5, 5);
        Split c = Splits.split(blobs, 0.3, 0.5, 6);

        assertThat(a.test().features()).isDeepEqualTo(b.test().features());
        assertThat(a.labelled()).isEqualTo(b.labelled());
        assertThat(Arrays.deepEquals(a.test().features(), c.test().features())).isFalse();
        assertThat(a.labelled()).isNotEqualTo(c.labelled());
    }

    @Test
    void unstratifiedSplitHasExactSizesToo() {
        Split split = Splits.split(blobs, 0.15, 0.33, 2, false);
        assertThat(split.test().size()).isEqualTo(150);
        assertThat(split.labelledCount()).isEqualTo((int) Math.round(850 * 0.33));
    }

    @Test
    void labelledAndUnlabelledPartitionTheTrainingSet() {
        Split split = Splits.split(blobs, 0.2, 0.25, 1);
        boolean[] mask = split.labelledMask();
        int[] labelled = split.labelled();
        int[] unlabelled = split.unlabelled();

        assertThat(labelled.length + unlabelled.length).isEqualTo(split.train().size());
        assertThat(labelled).isSorted();
        assertThat(unlabelled).isSorted();
        for (int i : labelled) {
            assertThat(mask[i]).isTrue();
        }
        for (int i : unlabelled) {
            assertThat(mask[i]).isFalse();
        }
        labelled[0] = -5; // a copy: the split stays intact
        assertThat(split.labelled()[0]).isNotNegative();
    }

    @Test
    void fullLabelledFractionAndZeroTestFractionAreAllowed() {
        Split split = Splits.split(blobs, 0, 1, 1);
        assertThat(split.test().size()).isZero();
        assertThat(split.labelledCount()).isEqualTo(1000);
        assertThat(split.unlabelled()).isEmpty();
    }

    @Test
    void tinyLabelledFractionKeepsAtLeastOneLabel() {
        assertThat(Splits.split(blobs, 0.2, 1e-6, 1).labelledCount()).isEqualTo(1);
    }

    @Test
    void withLabelledFractionMarksASubsetOfAGivenTrainingSet() {
        Dataset train = SyntheticDatasets.xor(100, 0.1, 1);
        Dataset test = SyntheticDatasets.xor(30, 0.1, 2);
        Split split = Splits.withLabelledFraction(train, test, 0.3, 9);

        assertThat(split.train()).isSameAs(train);
        assertThat(split.test()).isSameAs(test);
        assertThat(split.labelledTrain().classCounts()).containsExactly(15, 15);
    }

    @Test
    void rejectsFractionsOutOfRange() {
        assertThatThrownBy(() -> Splits.split(blobs, 1.0, 0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test fraction");
        assertThatThrownBy(() -> Splits.split(blobs, -0.1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Splits.split(blobs, 0.2, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labelled fraction");
        assertThatThrownBy(() -> Splits.split(blobs, 0.2, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
        Dataset two = SyntheticDatasets.xor(2, 0, 1);
        assertThatThrownBy(() -> Splits.split(two, 0.9, 0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training");
    }

    @Test
    void apportionGivesExactTotalsByLargestRemainder() {
        assertThat(Splits.apportion(new int[] {1, 1, 1}, 2, 3)).containsExactly(1, 1, 0);
        assertThat(Splits.apportion(new int[] {5, 3, 2}, 5, 10)).containsExactly(3, 1, 1);
        assertThat(Splits.apportion(new int[] {0, 10}, 4, 10)).containsExactly(0, 4);
    }

    private static int[] unbalancedLabels() {
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            labels[i] = i % 10 == 0 ? 1 : 0;
        }
        return labels;
    }
}
