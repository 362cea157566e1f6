package org.kdplayground.explorer;

import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LogitMatching;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.math.Softmax;

/**
 * The gradient of the loss with respect to the student's logits, per class, in its two weighted parts, with
 * Hinton's logit-matching approximation of the soft part.
 *
 * @param total         {@code ∂L/∂z_s}
 * @param hard          {@code α·(softmax(z_s) − onehot(y))}
 * @param soft          {@code (1 − α)·∂soft/∂z_s}, exact
 * @param softApprox    {@code (1 − α)·} the logit-matching approximation of the same
 * @param relativeError how far the approximation is from the exact soft gradient, in [0, 2]
 * @param scale         the largest magnitude of all parts with the T² factor on; charts use it as their range,
 *                      so switching the factor off shows the soft part shrink instead of rescaling it away
 */
public record GradientInfo(double[] total, double[] hard, double[] soft, double[] softApprox, double relativeError,
                           double scale) {

    static GradientInfo of(ClassLogits logits, int label, double temperature, double alpha, SoftScaling scaling) {
        double[] s = logits.student();
        double[] t = logits.teacher();
        int n = s.length;
        double[] total = new double[n];
        DistillationLoss.lossAndGradient(s, t, label, temperature, alpha, scaling, total);
        double[] p1 = Softmax.softmax(s, 1.0);
        double[] hard = new double[n];
        double[] soft = LogitMatching.exactSoftGradient(s, t, temperature, scaling);
        double[] approx = LogitMatching.approximateSoftGradient(s, t, temperature, scaling);
        double softFactor = 1.0 - alpha;
        // with T² on, the soft gradient is T²/(T²) larger than with it off: the range both share
        double rescale = scaling == SoftScaling.T_SQUARED ? 1.0 : temperature * temperature;
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            hard[i] = alpha * (p1[i] - (i == label ? 1.0 : 0.0));
            soft[i] *= softFactor;
            approx[i] *= softFactor;
            scale = Math.max(scale, Math.max(Math.abs(hard[i]), Math.abs(total[i])));
            scale = Math.max(scale, rescale * Math.max(Math.abs(soft[i]), Math.abs(approx[i])));
            scale = Math.max(scale, Math.abs(hard[i]) + rescale * Math.abs(soft[i]));
        }
        return new GradientInfo(total, hard, soft, approx, LogitMatching.relativeError(s, t, temperature), scale);
    }

    public int classes() {
        return total.length;
    }
}
