package org.kdplayground.ui;

import java.util.Arrays;

/**
 * The points of one streaming series, kept to at most {@code capacity} points however long the run: when full, it
 * merges neighbouring pairs (mean of x and of y), so the whole history stays visible at about pixel resolution
 * and noisy per-step losses are smoothed as they age. Appending is amortised O(1); not thread-safe (FX thread).
 */
public final class SeriesBuffer {

    private final int capacity;
    private double[] xs;
    private double[] ys;
    private int size;
    /** How many raw points each stored point now stands for (1, 2, 4, ...). */
    private int bucket = 1;
    private double pendingX;
    private double pendingY;
    private int pendingCount;

    public SeriesBuffer(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4: " + capacity);
        }
        this.capacity = capacity;
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return; // a chart never plots NaN or infinity
        }
        pendingX += x;
        pendingY += y;
        pendingCount++;
        if (pendingCount < bucket) {
            return;
        }
        if (size == capacity) {
            halve();
            if (pendingCount < bucket) {
                return; // now half a merged point: wait for its partner
            }
        }
        xs[size] = pendingX / pendingCount;
        ys[size] = pendingY / pendingCount;
        size++;
        pendingX = 0;
        pendingY = 0;
        pendingCount = 0;
    }

    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        size /= 2;
        bucket *= 2;
    }

    public void clear() {
        size = 0;
        bucket = 1;
        pendingX = 0;
        pendingY = 0;
        pendingCount = 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The last stored point's y, or NaN when empty. */
    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }

    public double[] xValues() {
        return Arrays.copyOf(xs, size);
    }

    public double[] yValues() {
        return Arrays.copyOf(ys, size);
    }
}
