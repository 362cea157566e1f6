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

    /**
     * The predicted class of row {@code r}: the arg max of its logits as torch's {@code argmax} picks it: ties go to
     * the lowest class, and NaN counts as the largest value (the first NaN wins).
     */
    public static int argMax(float[] flatLogits, int r, int classes) {
        int base = r * classes;
        float bestValue = flatLogits[base];
        int best = 0;
        for (int c = 1; c < classes && !Float.isNaN(bestValue); c++) {
            float v = flatLogits[base + c];
            if (v > bestValue || Float.isNaN(v)) {
                bestValue = v;
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

    /**
     * Every row's predicted class, largest logit and {@code Σ_c exp(z_c − max)}, computed once for all the measures
     * of one set of logits (calibration and fidelity read the same rows): a row's log-softmax is the same, operation
     * for operation, as {@link #logSoftmax(float[], int, int, double[])} computes it.
     */
    public static final class Rows {

        private final float[] logits;
        private final int classes;
        private final int[] predicted;
        private final double[] max;
        private final double[] shiftedSum;

        private Rows(float[] logits, int classes) {
            int rows = rows(logits, classes);
            this.logits = logits;
            this.classes = classes;
            this.predicted = new int[rows];
            this.max = new double[rows];
            this.shiftedSum = new double[rows];
            for (int r = 0; r < rows; r++) {
                summarise(r);
            }
        }

        /**
         * Row {@code r}'s prediction, largest logit and shifted sum. A method of its own, called once a row: the JIT
         * compiles a method after a few hundred calls, but a loop inside a method called a few times an epoch only
         * after tens of thousands of iterations, and these loops run every epoch over a few hundred test rows.
         */
        private void summarise(int r) {
            predicted[r] = argMax(logits, r, classes);
            max[r] = rowMax(logits, r, classes);
            shiftedSum[r] = Predictions.shiftedSum(logits, r, classes, max[r]);
        }

        /** The rows of these logits (stored flat, {@code classes} a row); the array is kept, not copied. */
        public static Rows of(float[] flatLogits, int classes) {
            return new Rows(flatLogits, classes);
        }

        public int count() {
            return predicted.length;
        }

        public int classes() {
            return classes;
        }

        /** The logits these rows were computed from (the same array). */
        float[] logits() {
            return logits;
        }

        /** Row {@code r}'s predicted class ({@link Predictions#argMax(float[], int, int)}). */
        public int predicted(int r) {
            return predicted[r];
        }

        /** Every row's predicted class (a copy). */
        public int[] predictions() {
            return predicted.clone();
        }

        /** The softmax probability of row {@code r}'s predicted class. */
        double topProbability(int r) {
            return Math.exp(logits[r * classes + predicted[r]] - max[r]) / shiftedSum[r];
        }

        /** Row {@code r}'s log-softmax at T = 1, into {@code out}. */
        void logSoftmax(int r, double[] out) {
            double logSum = max[r] + Math.log(shiftedSum[r]);
            for (int c = 0; c < classes; c++) {
                out[c] = logits[r * classes + c] - logSum;
            }
        }
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
