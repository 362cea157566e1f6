package org.kdplayground.math;

import java.util.Arrays;
import java.util.Objects;

/**
 * Every part of one distillation loss evaluation, so the explorer can show the terms side by side.
 * Immutable: arrays are copied in and out (use {@link DistillationLoss#lossAndGradient} to avoid copies).
 *
 * @param temperature  T
 * @param alpha        weight of the hard loss
 * @param label        the true class
 * @param scaling      whether {@code soft} includes the T² factor
 * @param pStudentT1   {@code softmax(z_s)}, the student's prediction at T = 1 (what the hard loss sees)
 * @param pStudentT    {@code softmax(z_s / T)}, the student's soft prediction
 * @param pTeacherT    {@code softmax(z_t / T)}, the teacher's soft labels
 * @param hard         {@code CE(y, softmax(z_s))}
 * @param kl           {@code KL(p_t^T ‖ p_s^T)}
 * @param soft         the soft term: {@code T²·kl} with {@link SoftScaling#T_SQUARED}, else {@code kl}
 * @param total        {@code alpha·hard + (1 − alpha)·soft}
 * @param gradient     {@code ∂total/∂z_s} per class
 */
public record LossBreakdown(double temperature, double alpha, int label, SoftScaling scaling,
                            double[] pStudentT1, double[] pStudentT, double[] pTeacherT,
                            double hard, double kl, double soft, double total, double[] gradient) {

    public LossBreakdown {
        Objects.requireNonNull(scaling, "scaling");
        pStudentT1 = pStudentT1.clone();
        pStudentT = pStudentT.clone();
        pTeacherT = pTeacherT.clone();
        gradient = gradient.clone();
        int n = pStudentT1.length;
        if (pStudentT.length != n || pTeacherT.length != n || gradient.length != n) {
            throw new IllegalArgumentException("all per-class arrays must have the same length");
        }
    }

    /** Number of classes. */
    public int classes() {
        return gradient.length;
    }

    /** The hard term as it enters the total: {@code alpha·hard}. */
    public double weightedHard() {
        return alpha == 0.0 ? 0.0 : alpha * hard;
    }

    /** The soft term as it enters the total: {@code (1 − alpha)·soft}. */
    public double weightedSoft() {
        return alpha == 1.0 ? 0.0 : (1.0 - alpha) * soft;
    }

    @Override
    public double[] pStudentT1() {
        return pStudentT1.clone();
    }

    @Override
    public double[] pStudentT() {
        return pStudentT.clone();
    }

    @Override
    public double[] pTeacherT() {
        return pTeacherT.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossBreakdown b
                && Double.compare(temperature, b.temperature) == 0
                && Double.compare(alpha, b.alpha) == 0
                && label == b.label
                && scaling == b.scaling
                && Arrays.equals(pStudentT1, b.pStudentT1)
                && Arrays.equals(pStudentT, b.pStudentT)
                && Arrays.equals(pTeacherT, b.pTeacherT)
                && Double.compare(hard, b.hard) == 0
                && Double.compare(kl, b.kl) == 0
                && Double.compare(soft, b.soft) == 0
                && Double.compare(total, b.total) == 0
                && Arrays.equals(gradient, b.gradient);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(temperature, alpha, label, scaling, hard, kl, soft, total);
        h = 31 * h + Arrays.hashCode(pStudentT1);
        h = 31 * h + Arrays.hashCode(pStudentT);
        h = 31 * h + Arrays.hashCode(pTeacherT);
        return 31 * h + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "LossBreakdown[T=" + temperature + ", alpha=" + alpha + ", label=" + label + ", scaling=" + scaling
                + ", hard=" + hard + ", kl=" + kl + ", soft=" + soft + ", total=" + total
                + ", pStudentT1=" + Arrays.toString(pStudentT1) + ", pStudentT=" + Arrays.toString(pStudentT)
                + ", pTeacherT=" + Arrays.toString(pTeacherT) + ", gradient=" + Arrays.toString(gradient) + "]";
    }
}
