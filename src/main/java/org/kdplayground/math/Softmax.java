package org.kdplayground.math;

/**
 * Temperature softmax and log-softmax, numerically stable for any finite logits.
 *
 * <p>Every function subtracts the largest logit before dividing by the temperature and exponentiating, so
 * nothing overflows: logits within ±1e4 and temperatures within [0.01, 1000] never give NaN or infinity. The
 * {@code out} variants write into a caller's array and allocate nothing, for the explorer's per-frame updates;
 * {@code out} may be the input array itself.
 */
public final class Softmax {

    private Softmax() {
    }

    /** {@code softmax(z / T)}: the probabilities a model with these logits assigns at temperature {@code T}. */
    public static double[] softmax(double[] logits, double temperature) {
        Checks.logits("logits", logits);
        return softmax(logits, temperature, new double[logits.length]);
    }

    /** {@link #softmax(double[], double)} into {@code out} (same length, may be {@code logits}); returns {@code out}. */
    public static double[] softmax(double[] logits, double temperature, double[] out) {
        Checks.logits("logits", logits);
        Checks.temperature(temperature);
        Checks.output(out, logits.length);
        double max = max(logits);
        double sum = shiftedSumExp(logits, max, temperature);
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp((logits[i] - max) / temperature) / sum;
        }
        return out;
    }

    /** {@code log softmax(z / T)}, exact even where the probability itself underflows to 0. */
    public static double[] logSoftmax(double[] logits, double temperature) {
        Checks.logits("logits", logits);
        return logSoftmax(logits, temperature, new double[logits.length]);
    }

    /** {@link #logSoftmax(double[], double)} into {@code out} (same length, may be {@code logits}); returns {@code out}. */
    public static double[] logSoftmax(double[] logits, double temperature, double[] out) {
        Checks.logits("logits", logits);
        Checks.temperature(temperature);
        Checks.output(out, logits.length);
        double max = max(logits);
        double lse = shiftedLogSumExp(logits, max, temperature);
        for (int i = 0; i < logits.length; i++) {
            out[i] = (logits[i] - max) / temperature - lse;
        }
        return out;
    }

    /**
     * {@code log Σ exp(z_i / T)}, the log of the softmax's normaliser, computed without overflow.
     * For extreme inputs ({@code |max z| / T > 1e308}) the result itself is infinite.
     */
    public static double logSumExp(double[] logits, double temperature) {
        Checks.logits("logits", logits);
        Checks.temperature(temperature);
        double max = max(logits);
        return max / temperature + shiftedLogSumExp(logits, max, temperature);
    }

    /** The largest entry. */
    static double max(double[] values) {
        double max = values[0];
        for (int i = 1; i < values.length; i++) {
            if (values[i] > max) {
                max = values[i];
            }
        }
        return max;
    }

    /**
     * {@code log Σ exp((z_i − max) / T)}, in {@code [0, log n]}; via {@code log1p} of the non-maximal terms, so
     * that nearly one-hot distributions keep their tiny tails (and a KL of 1e-17 is not rounded to 0).
     */
    static double shiftedLogSumExp(double[] logits, double max, double temperature) {
        return Math.log1p(shiftedRestSumExp(logits, max, temperature));
    }

    /**
     * {@code Σ exp((z_i − max) / T)}, in {@code [1, n]}: the softmax's normaliser after the shift, where {@code max} is
     * the largest logit; the largest class's probability is its inverse. Unchecked (a NaN logit gives NaN), for loops
     * over many rows that reuse one array.
     */
    public static double shiftedSumExp(double[] logits, double max, double temperature) {
        return 1.0 + shiftedRestSumExp(logits, max, temperature);
    }

    /** The shifted sum without the first maximal entry's {@code exp(0) = 1}. */
    static double shiftedRestSumExp(double[] logits, double max, double temperature) {
        double rest = 0.0;
        boolean skipped = false;
        for (double z : logits) {
            if (!skipped && z == max) {
                skipped = true;
            } else {
                rest += Math.exp((z - max) / temperature);
            }
        }
        return rest;
    }
}
