package org.kdplayground.math;

/**
 * Entropy, cross-entropy and Kullback–Leibler divergence, in nats.
 *
 * <p>The {@code ...OfLogits} functions work from logits in log space (log-sum-exp), so they stay exact where
 * probabilities underflow, and allocate nothing: the explorer draws its curves over T with them. The plain
 * functions take probability vectors and follow the convention {@code 0 · log 0 = 0}.
 */
public final class Distributions {

    private Distributions() {
    }

    /** Shannon entropy {@code −Σ p_i log p_i} of a probability vector: how spread out it is (0 for one-hot). */
    public static double entropy(double[] p) {
        Checks.probabilities("p", p);
        double h = 0.0;
        for (double pi : p) {
            if (pi > 0.0) {
                h -= pi * Math.log(pi);
            }
        }
        return Math.max(0.0, h);
    }

    /** Entropy of {@code softmax(z / T)} without materialising it; rises from 0 towards {@code log n} as T grows. */
    public static double entropyOfLogits(double[] logits, double temperature) {
        Checks.logits("logits", logits);
        Checks.temperature(temperature);
        double max = Softmax.max(logits);
        double rest = Softmax.shiftedRestSumExp(logits, max, temperature);
        double sum = 1.0 + rest;
        double weighted = 0.0;
        for (double z : logits) {
            double x = (z - max) / temperature;
            double e = Math.exp(x);
            if (e > 0.0) {
                weighted += e * x;
            }
        }
        // H = log Σ e^x − Σ e^x·x / Σ e^x, with x = (z − max) / T ≤ 0
        return Math.max(0.0, Math.log1p(rest) - weighted / sum);
    }

    /** Cross-entropy with a hard label, {@code −log p_label}; infinite when {@code p_label} is 0. */
    public static double crossEntropy(int label, double[] p) {
        Checks.probabilities("p", p);
        Checks.label(label, p.length);
        return -Math.log(p[label]);
    }

    /**
     * Cross-entropy of a hard label against {@code softmax(logits)} at T = 1, as {@code F.cross_entropy}
     * computes it: {@code log Σ exp(z_i) − z_label}. Finite for any finite logits.
     */
    public static double crossEntropyOfLogits(int label, double[] logits) {
        Checks.logits("logits", logits);
        Checks.label(label, logits.length);
        double max = Softmax.max(logits);
        return Softmax.shiftedLogSumExp(logits, max, 1.0) - (logits[label] - max);
    }

    /**
     * {@code KL(p ‖ q) = Σ p_i (log p_i − log q_i)}: the extra nats paid for coding {@code p} with {@code q}.
     * Never negative (rounding is clamped); infinite where {@code q_i = 0 < p_i}.
     */
    public static double klDivergence(double[] p, double[] q) {
        Checks.probabilities("p", p);
        Checks.probabilities("q", q);
        Checks.sameLength("p", p, "q", q);
        double kl = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                kl += p[i] * (Math.log(p[i]) - Math.log(q[i]));
            }
        }
        return Math.max(0.0, kl);
    }

    /**
     * {@code KL(softmax(p/T) ‖ softmax(q/T))} from logits, in log space; for distillation {@code p} is the
     * teacher and {@code q} the student. Never negative (rounding is clamped), 0 when the logits differ by a
     * constant; finite for logits within ±1e4 and T ≥ 0.01.
     */
    public static double klDivergenceOfLogits(double[] pLogits, double[] qLogits, double temperature) {
        Checks.logits("pLogits", pLogits);
        Checks.logits("qLogits", qLogits);
        Checks.sameLength("pLogits", pLogits, "qLogits", qLogits);
        Checks.temperature(temperature);
        double pMax = Softmax.max(pLogits);
        double qMax = Softmax.max(qLogits);
        double pLse = Softmax.shiftedLogSumExp(pLogits, pMax, temperature);
        double qLse = Softmax.shiftedLogSumExp(qLogits, qMax, temperature);
        return klOfShifted(pLogits, pMax, pLse, qLogits, qMax, qLse, temperature);
    }

    /** The KL sum given each side's max and shifted log-sum-exp; shared with the loss so both agree exactly. */
    static double klOfShifted(double[] p, double pMax, double pLse, double[] q, double qMax, double qLse,
                              double temperature) {
        double kl = 0.0;
        for (int i = 0; i < p.length; i++) {
            double logP = (p[i] - pMax) / temperature - pLse;
            double pi = Math.exp(logP);
            if (pi > 0.0) {
                double logQ = (q[i] - qMax) / temperature - qLse;
                kl += pi * (logP - logQ);
            }
        }
        return Math.max(0.0, kl);
    }
}
