package org.kdplayground.math;

/**
 * What a classifier's logits say, row by row, for logits stored flat (row after row, {@code classes} each, as a
 * network's output comes back from the engine). Probabilities are at T = 1, computed in double.
 */
public final class Predictions {

    private Predictions() {
    }

    /** How many rows a flat array holds. */
    public static int rows(float[] flatLogits, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1: " + classes);
        }
        if (flatLogits.length % classes != 0) {
            throw new IllegalArgumentException(flatLogits.length + " logits are not whole rows of " + classes);
        }
        return flatLogits.length / classes;
    }

    /** The predicted class of row {@code r}: the arg max of its logits, ties to the lowest class, as torch's. */
    public static int argMax(float[] flatLogits, int r, int classes) {
        int base = r * classes;
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (flatLogits[base + c] > flatLogits[base + best]) {
                best = c;
            }
        }
        return best;
    }

    /** Every row's predicted class. */
    public static int[] argMax(float[] flatLogits, int classes) {
        int[] out = new int[rows(flatLogits, classes)];
        for (int r = 0; r < out.length; r++) {
            out[r] = argMax(flatLogits, r, classes);
        }
        return out;
    }

    /** softmax(z)_k for row {@code r}, with {@code k} usually its predicted class. */
    static double topProbability(float[] flatLogits, int r, int classes, int k) {
        double max = rowMax(flatLogits, r, classes);
        return Math.exp(flatLogits[r * classes + k] - max) / shiftedSum(flatLogits, r, classes, max);
    }

    /** Row {@code r}'s log-softmax at T = 1, into {@code out}. */
    static void logSoftmax(float[] flatLogits, int r, int classes, double[] out) {
        double max = rowMax(flatLogits, r, classes);
        double logSum = max + Math.log(shiftedSum(flatLogits, r, classes, max));
        for (int c = 0; c < classes; c++) {
            out[c] = flatLogits[r * classes + c] - logSum;
        }
    }

    private static double rowMax(float[] flatLogits, int r, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, flatLogits[r * classes + c]);
        }
        return max;
    }

    /** Σ_c exp(z_c − max): no exponential overflows. */
    private static double shiftedSum(float[] flatLogits, int r, int classes, double max) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(flatLogits[r * classes + c] - max);
        }
        return sum;
    }
}
