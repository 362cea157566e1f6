package org.kdplayground.math;

/**
 * The teaching notebook's distillation loss for one example and its exact gradient with respect to the student's logits:
 *
 * <pre>
 *   L = α·CE(y, softmax(z_s)) + (1 − α)·T²·KL(p_t^T ‖ p_s^T),   p^T = softmax(z / T)
 *   ∂L/∂z_s = α·(softmax(z_s) − onehot(y)) + (1 − α)·T·(p_s^T − p_t^T)
 * </pre>
 *
 * α weights the <em>hard</em> loss, as in the teaching notebook, torchdistill and the Keras example. With
 * {@link SoftScaling#NONE} the T² factor is dropped and the soft gradient becomes {@code (1 − α)/T·(p_s^T − p_t^T)}.
 * Matches PyTorch's {@code F.cross_entropy} and {@code F.kl_div(..., reduction='batchmean')} for a batch of one.
 * A term whose weight is 0 contributes exactly 0 to the total and the gradient.
 */
public final class DistillationLoss {

    private DistillationLoss() {
    }

    /** The notebook's loss (with T²) and all its parts. */
    public static LossBreakdown compute(double[] student, double[] teacher, int label, double temperature,
                                        double alpha) {
        return compute(student, teacher, label, temperature, alpha, SoftScaling.T_SQUARED);
    }

    /** The loss with the chosen scaling of the soft term, and all its parts. */
    public static LossBreakdown compute(double[] student, double[] teacher, int label, double temperature,
                                        double alpha, SoftScaling scaling) {
        validate(student, teacher, label, temperature, alpha, scaling);
        int n = student.length;
        double[] pStudentT1 = new double[n];
        double[] pStudentT = new double[n];
        double[] pTeacherT = new double[n];
        double[] gradient = new double[n];
        Terms terms = evaluate(student, teacher, label, temperature, alpha, scaling,
                pStudentT1, pStudentT, pTeacherT, gradient);
        double soft = scaling.lossFactor(temperature) * terms.kl;
        return new LossBreakdown(temperature, alpha, label, scaling, pStudentT1, pStudentT, pTeacherT,
                terms.hard, terms.kl, soft, total(alpha, terms.hard, soft), gradient);
    }

    /**
     * The total loss, with its gradient written into {@code gradientOut}; allocates no arrays, for display-rate
     * updates.
     */
    public static double lossAndGradient(double[] student, double[] teacher, int label, double temperature,
                                         double alpha, SoftScaling scaling, double[] gradientOut) {
        validate(student, teacher, label, temperature, alpha, scaling);
        Checks.output(gradientOut, student.length);
        Terms terms = evaluate(student, teacher, label, temperature, alpha, scaling, null, null, null, gradientOut);
        return total(alpha, terms.hard, scaling.lossFactor(temperature) * terms.kl);
    }

    private static void validate(double[] student, double[] teacher, int label, double temperature, double alpha,
                                 SoftScaling scaling) {
        Checks.logits("student logits", student);
        Checks.logits("teacher logits", teacher);
        Checks.sameLength("student logits", student, "teacher logits", teacher);
        Checks.label(label, student.length);
        Checks.temperature(temperature);
        Checks.alpha(alpha);
        if (scaling == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
    }

    /** {@code alpha·hard + (1 − alpha)·soft}, leaving out a term whose weight is 0 (so an infinite one can't give NaN). */
    private static double total(double alpha, double hard, double soft) {
        double total = 0.0;
        if (alpha != 0.0) {
            total += alpha * hard;
        }
        if (alpha != 1.0) {
            total += (1.0 - alpha) * soft;
        }
        return total;
    }

    /** The scalar terms of the loss; a small value the JIT can keep in registers. */
    private record Terms(double hard, double kl) {
    }

    /** Computes hard and KL, writes the gradient and, when the arrays are given, the three distributions. */
    private static Terms evaluate(double[] student, double[] teacher, int label, double temperature, double alpha,
                                  SoftScaling scaling, double[] pStudentT1, double[] pStudentT, double[] pTeacherT,
                                  double[] gradient) {
        double sMax = Softmax.max(student);
        double tMax = Softmax.max(teacher);
        double sRest1 = Softmax.shiftedRestSumExp(student, sMax, 1.0);
        double sRestT = Softmax.shiftedRestSumExp(student, sMax, temperature);
        double tRestT = Softmax.shiftedRestSumExp(teacher, tMax, temperature);
        double sSum1 = 1.0 + sRest1;
        double sSumT = 1.0 + sRestT;
        double tSumT = 1.0 + tRestT;
        double sLse1 = Math.log1p(sRest1);
        double sLseT = Math.log1p(sRestT);
        double tLseT = Math.log1p(tRestT);
        double hard = sLse1 - (student[label] - sMax);
        double kl = Distributions.klOfShifted(teacher, tMax, tLseT, student, sMax, sLseT, temperature);

        double softWeight = (1.0 - alpha) * scaling.gradientFactor(temperature);
        for (int i = 0; i < student.length; i++) {
            // the same expressions as Softmax.softmax, so both give identical probabilities
            double ps1 = Math.exp((student[i] - sMax) / 1.0) / sSum1;
            double psT = Math.exp((student[i] - sMax) / temperature) / sSumT;
            double ptT = Math.exp((teacher[i] - tMax) / temperature) / tSumT;
            if (pStudentT1 != null) {
                pStudentT1[i] = ps1;
                pStudentT[i] = psT;
                pTeacherT[i] = ptT;
            }
            double g = 0.0;
            if (alpha != 0.0) {
                g += alpha * (ps1 - (i == label ? 1.0 : 0.0));
            }
            if (alpha != 1.0) {
                g += softWeight * (psT - ptT);
            }
            gradient[i] = g;
        }
        return new Terms(hard, kl);
    }
}
