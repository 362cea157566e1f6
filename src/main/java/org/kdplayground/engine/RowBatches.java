package org.kdplayground.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Makes NDArrays of chosen rows: a batch's inputs, its one-hot labels, a slice of precomputed teacher targets.
 *
 * <p>Memory. The rows are read straight from the data set's row arrays (no flat copy of the data: Fashion-MNIST's
 * 60,000 images are 188 MB a copy) and written into one direct buffer reused from call to call; the engine copies
 * that buffer into an array of its own, freed when the step's manager closes. Handing DJL a heap array instead made it
 * allocate a new direct buffer for each array, freed only when the garbage collector got round to it: over 100 MB of
 * a Fashion-MNIST run's memory, and a young collection every second that showed as late frames on the screen.
 */
final class RowBatches {

    private final int classes;
    private final int[] labels;
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);
    private FloatBuffer stagingFloats = staging.asFloatBuffer();
    private float[] scratch = new float[0];

    /** @param labels the training rows' labels, for {@link #oneHot} */
    RowBatches(int classes, int[] labels) {
        this.classes = classes;
        this.labels = labels;
    }

    /** The rows {@code rows[from..to)} of {@code data}, one row of the array each, made in {@code m}. */
    NDArray rows(NDManager m, float[][] data, int[] rows, int from, int to) {
        return gather(m, data, rows, from, to);
    }

    /** Rows {@code from..to} of {@code data}, in order, made in {@code m}. */
    NDArray range(NDManager m, float[][] data, int from, int to) {
        return gather(m, data, null, from, to);
    }

    /** Rows {@code rows[from..to)} of {@code data} ({@code from..to} for null rows), all as wide as the first. */
    private NDArray gather(NDManager m, float[][] data, int[] rows, int from, int to) {
        int width = data.length == 0 ? 0 : data[0].length;
        FloatBuffer out = staging((to - from) * width);
        for (int i = from; i < to; i++) {
            int r = rows == null ? i : rows[i];
            if (data[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + data[r].length + " values, expected " + width);
            }
            out.put(data[r]);
        }
        return made(m, new Shape(to - from, width));
    }

    /** Rows {@code rows[from..to)}, each {@code width} values of the flat array {@code flat}, made in {@code m}. */
    NDArray rows(NDManager m, float[] flat, int width, int[] rows, int from, int to) {
        FloatBuffer out = staging((to - from) * width);
        for (int i = from; i < to; i++) {
            out.put(flat, rows[i] * width, width);
        }
        return made(m, new Shape(to - from, width));
    }

    /** One-hot labels of rows {@code from..to} (all zero for rows not in {@code onlyThese}), made in {@code m}. */
    NDArray oneHot(NDManager m, int[] rows, int from, int to, boolean[] onlyThese) {
        float[] values = scratch((to - from) * classes, 0f);
        for (int i = from; i < to; i++) {
            if (onlyThese == null || onlyThese[rows[i]]) {
                values[(i - from) * classes + labels[rows[i]]] = 1f;
            }
        }
        return vector(m, values, (to - from) * classes, new Shape(to - from, classes));
    }

    /**
     * Label-smoothed targets of rows {@code from..to}: {@code (1 − ε)·onehot + ε/K}, as PyTorch's
     * {@code label_smoothing} takes them; with ε = 0 exactly {@link #oneHot} (the same numbers to the bit).
     */
    NDArray smoothedOneHot(NDManager m, int[] rows, int from, int to, float epsilon) {
        if (epsilon == 0f) {
            return oneHot(m, rows, from, to, null);
        }
        float off = (float) ((double) epsilon / classes);
        float on = (float) (1.0 - epsilon + (double) epsilon / classes);
        float[] values = scratch((to - from) * classes, off);
        for (int i = from; i < to; i++) {
            values[(i - from) * classes + labels[rows[i]]] = on;
        }
        return vector(m, values, (to - from) * classes, new Shape(to - from, classes));
    }

    /** A vector of the first {@code n} values, made in {@code m}. */
    NDArray vector(NDManager m, float[] values, int n) {
        return vector(m, values, n, new Shape(n));
    }

    private NDArray vector(NDManager m, float[] values, int n, Shape shape) {
        staging(n).put(values, 0, n); // one bulk copy: a direct buffer's put per value is a call each
        return made(m, shape);
    }

    /** A heap array of at least {@code n} floats, reused, its first {@code n} set to {@code fill}. */
    private float[] scratch(int n, float fill) {
        if (scratch.length < n) {
            scratch = new float[n];
        }
        Arrays.fill(scratch, 0, n, fill);
        return scratch;
    }

    /** The staging buffer, at least {@code floats} long, positioned at 0. */
    private FloatBuffer staging(int floats) {
        if (stagingFloats.capacity() < floats) {
            staging = ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.nativeOrder());
            stagingFloats = staging.asFloatBuffer();
        }
        stagingFloats.clear();
        return stagingFloats;
    }

    /**
     * An engine-owned copy of what was written into the staging buffer: the engine's array made from a direct buffer
     * reads that buffer in place, so it is copied at once and the view closed, leaving the buffer free for the next
     * call.
     */
    private NDArray made(NDManager m, Shape shape) {
        int bytes = Math.toIntExact(shape.size()) * Float.BYTES;
        staging.clear().limit(bytes);
        try (NDArray view = m.create(staging, shape, DataType.FLOAT32)) {
            return view.duplicate();
        }
    }
}
