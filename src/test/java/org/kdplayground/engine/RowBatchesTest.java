package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The batches a run trains on: the right rows, and each array its own copy of the reused staging buffer. */
class RowBatchesTest {

    private static final float[][] DATA = {{0, 1, 2}, {10, 11, 12}, {20, 21, 22}, {30, 31, 32}};

    @Test
    void gathersRowsRangesTargetsAndLabels() {
        RowBatches batches = new RowBatches(3, new int[] {2, 0, 1, 2});
        try (NDManager m = NDManager.newBaseManager()) {
            int[] order = {3, 1, 2, 0};
            NDArray rows = batches.rows(m, DATA, order, 1, 3);
            assertThat(rows.getShape().getShape()).containsExactly(2, 3);
            assertThat(rows.toFloatArray()).containsExactly(10, 11, 12, 20, 21, 22);
            assertThat(batches.range(m, DATA, 2, 4).toFloatArray()).containsExactly(20, 21, 22, 30, 31, 32);
            float[] targets = {0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f, 0.4f, 0.6f};
            assertThat(batches.rows(m, targets, 2, order, 0, 2).toFloatArray()).containsExactly(0.4f, 0.6f, 0.2f, 0.8f);
            assertThat(batches.oneHot(m, order, 0, 3, new boolean[] {true, false, true, true}).toFloatArray())
                    .containsExactly(0, 0, 1, 0, 0, 0, 0, 1, 0);
            assertThat(batches.smoothedOneHot(m, order, 0, 1, 0.3f).toFloatArray())
                    .containsExactly(0.1f, 0.1f, 0.8f);
            assertThat(batches.vector(m, new float[] {1, 0, 1, 9}, 3).toFloatArray()).containsExactly(1, 0, 1);
        }
    }

    @Test
    void anArrayKeepsItsValuesWhenTheNextBatchReusesTheBuffer() {
        RowBatches batches = new RowBatches(3, new int[] {0, 1, 2, 0});
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray first = batches.range(m, DATA, 0, 2);
            NDArray second = batches.range(m, DATA, 2, 4);
            NDArray larger = batches.rows(m, DATA, new int[] {3, 3, 3, 3}, 0, 4); // grows the buffer
            NDArray labels = batches.oneHot(m, new int[] {1, 2}, 0, 2, null);
            assertThat(first.toFloatArray()).containsExactly(0, 1, 2, 10, 11, 12);
            assertThat(second.toFloatArray()).containsExactly(20, 21, 22, 30, 31, 32);
            assertThat(larger.toFloatArray()).containsExactly(30, 31, 32, 30, 31, 32, 30, 31, 32, 30, 31, 32);
            assertThat(labels.toFloatArray()).containsExactly(0, 1, 0, 0, 0, 1);
        }
    }

    /** A row of another width is refused with its number, never staged short (the buffer would keep stale values). */
    @Test
    void aRowOfAnotherWidthIsRefused() {
        RowBatches batches = new RowBatches(3, new int[] {0, 1, 2});
        float[][] ragged = {{0, 1, 2}, {10, 11}, {20, 21, 22}};
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> batches.range(m, ragged, 0, 3)).hasMessage("row 1 has 2 values, expected 3");
            assertThatThrownBy(() -> batches.rows(m, ragged, new int[] {2, 1}, 0, 2))
                    .hasMessage("row 1 has 2 values, expected 3");
        }
    }
}
