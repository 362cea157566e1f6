package org.kdplayground.engine;

import java.nio.FloatBuffer;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Makes NDArrays of chosen rows: a batch's inputs, its one-hot labels, a slice of precomputed teacher targets. The
 * rows are gathered into one buffer reused from call to call (DJL copies it when the array is made): a new Java array
 * per batch filled the young generation every second, and its collections showed as late frames on the screen.
 */
final class RowBatches {

    private final int classes;
    private final int[] labels;
    private float[] scratch = new float[0];

    /** @param labels the training rows' labels, for {@link #oneHot} */
    RowBatches(int classes, int[] labels) {
        this.classes = classes;
        this.labels = labels;
    }

    /** Rows {@code from..to} of {@code rows}, each {@code width} values of the flat array {@code flat}, made in {@code m}. */
    NDArray rows(NDManager m, float[] flat, int width, int[] rows, int from, int to) {
        int n = (to - from) * width;
        float[] buffer = scratch(n);
        for (int i = from; i < to; i++) {
            System.arraycopy(flat, rows[i] * width, buffer, (i - from) * width, width);
        }
        return m.create(FloatBuffer.wrap(buffer, 0, n), new Shape(to - from, width));
    }

    /** One-hot labels of rows {@code from..to} (all zero for rows not in {@code onlyThese}), made in {@code m}. */
    NDArray oneHot(NDManager m, int[] rows, int from, int to, boolean[] onlyThese) {
        int n = (to - from) * classes;
        float[] buffer = scratch(n);
        Arrays.fill(buffer, 0, n, 0f);
        for (int i = from; i < to; i++) {
            if (onlyThese == null || onlyThese[rows[i]]) {
                buffer[(i - from) * classes + labels[rows[i]]] = 1f;
            }
        }
        return m.create(FloatBuffer.wrap(buffer, 0, n), new Shape(to - from, classes));
    }

    /**
     * Label-smoothed targets of rows {@code from..to}: {@code (1 − ε)·onehot + ε/K}, as PyTorch's
     * {@code label_smoothing} takes them; with ε = 0 exactly {@link #oneHot} (the same numbers to the bit).
     */
    NDArray smoothedOneHot(NDManager m, int[] rows, int from, int to, float epsilon) {
        if (epsilon == 0f) {
            return oneHot(m, rows, from, to, null);
        }
        int n = (to - from) * classes;
        float[] buffer = scratch(n);
        float off = (float) ((double) epsilon / classes);
        float on = (float) (1.0 - epsilon + (double) epsilon / classes);
        Arrays.fill(buffer, 0, n, off);
        for (int i = from; i < to; i++) {
            buffer[(i - from) * classes + labels[rows[i]]] = on;
        }
        return m.create(FloatBuffer.wrap(buffer, 0, n), new Shape(to - from, classes));
    }

    private float[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new float[length];
        }
        return scratch;
    }

    /** Rows of equal width as one array, row after row. */
    static float[] flatten(float[][] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected "
                        + width);
            }
            System.arraycopy(rows[i], 0, out, i * width, width);
        }
        return out;
    }
}
