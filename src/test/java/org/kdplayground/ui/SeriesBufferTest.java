package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    @Test
    void keepsEveryPointUntilFull() {
        SeriesBuffer buffer = new SeriesBuffer(8);
        for (int i = 0; i < 8; i++) {
            buffer.add(i, 10 * i);
        }
        assertThat(buffer.xValues()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(buffer.yValues()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
    }

    @Test
    void neverHoldsMoreThanItsCapacityAndSpansTheWholeHistory() {
        SeriesBuffer buffer = new SeriesBuffer(1000);
        for (int i = 0; i < 1_000_000; i++) {
            buffer.add(i, 1.0);
        }
        assertThat(buffer.size()).isLessThanOrEqualTo(1000).isGreaterThanOrEqualTo(500);
        assertThat(buffer.x(0)).isLessThan(1000);
        assertThat(buffer.x(buffer.size() - 1)).isGreaterThan(998_000);
        assertThat(buffer.yValues()).containsOnly(1.0);
    }

    @Test
    void mergedPointsAreMeansOfTheirNeighbours() {
        SeriesBuffer buffer = new SeriesBuffer(4);
        for (int i = 0; i < 5; i++) {
            buffer.add(i, i * i);
        }
        // 0,1,2,3 merged to (0.5, 0.5), (2.5, 6.5); then 4 waits for its partner
        assertThat(buffer.xValues()).containsExactly(0.5, 2.5);
        assertThat(buffer.yValues()).containsExactly(0.5, 6.5);
        buffer.add(5, 25);
        assertThat(buffer.xValues()).containsExactly(0.5, 2.5, 4.5);
        assertThat(buffer.yValues()).containsExactly(0.5, 6.5, 20.5);
    }

    @Test
    void ignoresNonFiniteValues() {
        SeriesBuffer buffer = new SeriesBuffer(4);
        buffer.add(0, Double.NaN);
        buffer.add(1, Double.POSITIVE_INFINITY);
        buffer.add(2, 3);
        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.lastY()).isEqualTo(3);
    }

    @Test
    void clearStartsAfresh() {
        SeriesBuffer buffer = new SeriesBuffer(4);
        for (int i = 0; i < 9; i++) {
            buffer.add(i, i);
        }
        buffer.clear();
        buffer.add(7, 7);
        assertThat(buffer.xValues()).containsExactly(7);
    }

    @Test
    void rejectsOddOrTinyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new SeriesBuffer(3));
        assertThrows(IllegalArgumentException.class, () -> new SeriesBuffer(7));
    }
}
