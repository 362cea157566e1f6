package org.kdplayground.explorer;

import java.util.List;

import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LogitMatching;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.math.Softmax;
import org.kdplayground.math.StandardizedKdLoss;

/**
 * The gradient of the chosen method's loss with respect to the student's logits, per class, in its weighted parts
 * (each from the exact math of {@code math}), with Hinton's logit-matching approximation of the soft part where the
 * method is Hinton's.
 *
 * @param total         {@code ∂L/∂z_s}
 * @param parts         the weighted parts, in the method's order ({@code LossMethod.parts()}); they sum to the total
 * @param softApprox    {@code (1 − α)·} the logit-matching approximation of the soft part (Hinton); empty otherwise
 * @param relativeError how far the approximation is from the exact soft gradient, in [0, 2] (Hinton; 0 otherwise)
 * @param scale         the largest magnitude of all parts with the T² factor on; charts use it as their range,
 *                      so switching the factor off shows the soft part shrink instead of rescaling it away
 */
public record GradientInfo(double[] total, List<Part> parts, double[] softApprox, double relativeError,
                           double scale) {

    /**
     * One weighted part of the gradient.
     *
     * @param part   which term of the loss it comes from
     * @param values its gradient per class, weight included
     */
    public record Part(LossPart part, double[] values) {
    }

    public GradientInfo {
        parts = List.copyOf(parts);
    }

    /** Hinton's loss: {@code α·(p_s − y)} and {@code (1 − α)·∂soft/∂z_s}, and logit matching's approximation. */
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
        return new GradientInfo(total, List.of(new Part(LossPart.HARD, hard), new Part(LossPart.SOFT, soft)), approx,
                LogitMatching.relativeError(s, t, temperature), scale);
    }

    /**
     * Decoupled KD ({@link DecoupledKdLoss}): the total and each weighted part are the exact gradients of the loss
     * with the other weights set to 0.
     */
    static GradientInfo dkd(ClassLogits logits, int label, double temperature, DkdWeights w) {
        double[] s = logits.student();
        double[] t = logits.teacher();
        double[] total = DecoupledKdLoss.compute(s, t, label, temperature, w.ceWeight(), w.alpha(), w.beta()).grad();
        double[] hard = DecoupledKdLoss.compute(s, t, label, temperature, w.ceWeight(), 0, 0).grad();
        double[] tckd = DecoupledKdLoss.compute(s, t, label, temperature, 0, w.alpha(), 0).grad();
        double[] nckd = DecoupledKdLoss.compute(s, t, label, temperature, 0, 0, w.beta()).grad();
        return withoutApprox(total, List.of(new Part(LossPart.HARD, hard), new Part(LossPart.TCKD, tckd),
                new Part(LossPart.NCKD, nckd)));
    }

    /**
     * KD on standardised logits ({@link StandardizedKdLoss}): {@code α·(p_s − y)} from the loss at α = 1 and
     * {@code (1 − α)·∂soft/∂z_s} (through the standardisation) from the loss at α = 0.
     */
    static GradientInfo lskd(ClassLogits logits, int label, double temperature, double alpha) {
        double[] s = logits.student();
        double[] t = logits.teacher();
        double[] total = StandardizedKdLoss.compute(s, t, label, temperature, alpha).grad();
        double[] hard = StandardizedKdLoss.compute(s, t, label, temperature, 1).grad();
        double[] soft = StandardizedKdLoss.compute(s, t, label, temperature, 0).grad();
        for (int i = 0; i < total.length; i++) {
            hard[i] *= alpha;
            soft[i] *= 1 - alpha;
        }
        return withoutApprox(total, List.of(new Part(LossPart.HARD, hard), new Part(LossPart.SOFT, soft)));
    }

    private static GradientInfo withoutApprox(double[] total, List<Part> parts) {
        double scale = 0.0;
        for (int i = 0; i < total.length; i++) {
            double sum = 0.0;
            for (Part part : parts) {
                scale = Math.max(scale, Math.abs(part.values()[i]));
                sum += Math.abs(part.values()[i]);
            }
            scale = Math.max(scale, Math.max(sum, Math.abs(total[i])));
        }
        return new GradientInfo(total, parts, new double[0], 0.0, scale);
    }

    public int classes() {
        return total.length;
    }

    /** The values of one part. @throws IllegalArgumentException when the method has no such part */
    public double[] part(LossPart which) {
        return parts.stream().filter(p -> p.part() == which).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + which + " part")).values();
    }

    /** The weighted hard part ({@code w·(p_s − y)}), which every method has. */
    public double[] hard() {
        return part(LossPart.HARD);
    }

    /** The weighted soft part (Hinton, LSKD). */
    public double[] soft() {
        return part(LossPart.SOFT);
    }

    /** Whether the logit-matching approximation is given (Hinton's loss only). */
    public boolean hasApprox() {
        return softApprox.length > 0;
    }
}
