package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<String> AB = List.of("a", "b");

    @Test
    void rejectsRaggedRowsLabelsOutOfRangeAndWrongImageSize() {
        assertThatThrownBy(() -> new Dataset("x", new float[][] {{1, 2}, {3}}, new int[] {0, 1}, AB, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new Dataset("x", new float[][] {{1}, {3}}, new int[] {0, 2}, AB, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 2");
        assertThatThrownBy(() -> new Dataset("x", new float[][] {{1}}, new int[] {-1}, AB, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dataset("x", new float[][] {{1, 2, 3}}, new int[] {0}, AB, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image size");
        assertThatThrownBy(() -> new Dataset("x", new float[][] {{1}}, new int[] {0, 1}, AB, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
    }

    @Test
    void subsetAndClassCounts() {
        Dataset data = new Dataset("x", new float[][] {{1}, {2}, {3}}, new int[] {0, 1, 1}, AB, 0, 0);
        assertThat(data.classCounts()).containsExactly(1, 2);
        Dataset sub = data.subset(new int[] {2, 0});
        assertThat(sub.labels()).containsExactly(1, 0);
        assertThat(sub.features()[0]).containsExactly(3f);
        assertThat(sub.classNames()).isEqualTo(AB);
        assertThat(data.subset(new int[0]).size()).isZero();
    }
}
