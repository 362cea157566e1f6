package org.kdplayground.engine.loss;

import java.util.List;

/**
 * How close a float32 engine can come to PyTorch's float64 reference values: 1e-5 relative, plus an absolute floor
 * that each test derives from the logits' size (float32 rounds every log-probability by about 6e-8 of its size).
 */
public final class Float32Noise {

    /** The relative part of the tolerance. */
    public static final double RELATIVE = 1e-5;
    /** The rounding of one float32 log-probability, relative to its size. */
    public static final double EPS = 6e-8;

    private Float32Noise() {
    }

    /** Adds {@code "where: actual vs expected"} to {@code misses} when the two differ by more than the noise. */
    public static void check(List<String> misses, String where, double actual, double expected, double floor) {
        if (!(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + floor)) {
            misses.add(where + ": " + actual + " vs " + expected);
        }
    }

    /** The largest magnitude of any entry of either array. */
    public static double maxAbs(double[] a, double[] b) {
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        for (double x : b) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
