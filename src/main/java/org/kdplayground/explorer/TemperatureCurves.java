package org.kdplayground.explorer;

import org.kdplayground.math.Distributions;

/**
 * Entropy of the teacher's soft labels and KL(teacher ‖ student) at temperatures evenly spaced on a log axis from
 * {@link ExplorerModel#MIN_TEMPERATURE} to {@link ExplorerModel#MAX_TEMPERATURE}.
 */
public record TemperatureCurves(double[] temperatures, double[] entropy, double[] kl) {

    static final int POINTS = 121;

    static TemperatureCurves of(ClassLogits logits) {
        double[] temperatures = new double[POINTS];
        double[] entropy = new double[POINTS];
        double[] kl = new double[POINTS];
        double from = Math.log10(ExplorerModel.MIN_TEMPERATURE);
        double to = Math.log10(ExplorerModel.MAX_TEMPERATURE);
        for (int i = 0; i < POINTS; i++) {
            double t = Math.pow(10, from + (to - from) * i / (POINTS - 1));
            temperatures[i] = t;
            entropy[i] = Distributions.entropyOfLogits(logits.teacher(), t);
            kl[i] = Distributions.klDivergenceOfLogits(logits.teacher(), logits.student(), t);
        }
        return new TemperatureCurves(temperatures, entropy, kl);
    }

    /** Entropy at any T. */
    static double entropyAt(ClassLogits logits, double temperature) {
        return Distributions.entropyOfLogits(logits.teacher(), temperature);
    }

    /** KL(teacher ‖ student) at any T. */
    static double klAt(ClassLogits logits, double temperature) {
        return Distributions.klDivergenceOfLogits(logits.teacher(), logits.student(), temperature);
    }
}
