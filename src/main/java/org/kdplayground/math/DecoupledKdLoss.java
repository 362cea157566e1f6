package org.kdplayground.math;

/**
 * Decoupled knowledge distillation as a training loss (Zhao et al., CVPR 2022; mdistiller's {@code dkd_loss}) for one
 * example, with its exact gradient with respect to the student's logits:
 *
 * <pre>
 *   L = w_ce·CE(y, softmax(z_s)) + α·TCKD + β·NCKD
 *   TCKD = T²·KL([r_g, 1 − r_g] ‖ [q_g, 1 − q_g]),   NCKD = T²·KL(r̃ ‖ q̃)
 *   ∂TCKD/∂z_s,g = T·(q_g − r_g),   ∂TCKD/∂z_s,j = T·q̃_j·(r_g − q_g)   (j ≠ g)
 *   ∂NCKD/∂z_s,j = T·(q̃_j − r̃_j)   (j ≠ g; 0 for the target)
 * </pre>
 *
 * q and r are the student's and the teacher's softmax at T, g the target class, q̃ and r̃ their distributions over the
 * other classes. Without the weights, TCKD + (1 − r_g)·NCKD is the Hinton loss's soft term ({@link DecoupledKd}).
 */
public final class DecoupledKdLoss {

    /**
     * @param hard  {@code CE(y, softmax(z_s))}
     * @param tckd  target-class KD, with T²
     * @param nckd  non-target-class KD, with T²
     * @param total {@code ceWeight·hard + alpha·tckd + beta·nckd}
     * @param grad  {@code ∂total/∂z_s}
     */
    public record Result(double hard, double tckd, double nckd, double total, double[] grad) {
        public Result {
            grad = grad.clone();
        }

        @Override
        public double[] grad() {
            return grad.clone();
        }
    }

    private DecoupledKdLoss() {
    }

    /**
     * @param target    the class the loss decouples on (the label; for a row without one, the caller's choice)
     * @param ceWeight  weight of the cross-entropy with the label, {@code >= 0}
     * @param alpha     weight of TCKD, {@code >= 0}
     * @param beta      weight of NCKD, {@code >= 0}
     */
    public static Result compute(double[] student, double[] teacher, int target, double temperature, double ceWeight,
                                 double alpha, double beta) {
        Checks.temperature(temperature);
        for (double w : new double[] {ceWeight, alpha, beta}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("DKD's weights must be finite and >= 0, got " + w);
            }
        }
        DecoupledKd.Parts parts = DecoupledKd.decompose(student, teacher, target, temperature);
        int n = student.length;
        double t2 = temperature * temperature;
        double tckd = t2 * parts.tckd();
        double nckd = t2 * parts.nckd();
        double hard = Distributions.crossEntropyOfLogits(target, student);
        double[] p = Softmax.softmax(student, 1.0);
        double[] qRest = restDistribution(student, target, temperature);
        double[] rRest = restDistribution(teacher, target, temperature);
        double qg = parts.studentTargetProbability();
        double rg = parts.teacherTargetProbability();
        double[] grad = new double[n];
        for (int j = 0; j < n; j++) {
            double g = ceWeight * (p[j] - (j == target ? 1.0 : 0.0));
            if (j == target) {
                g += alpha * temperature * (qg - rg);
            } else {
                g += alpha * temperature * qRest[j] * (rg - qg) + beta * temperature * (qRest[j] - rRest[j]);
            }
            grad[j] = g;
        }
        return new Result(hard, tckd, nckd, ceWeight * hard + alpha * tckd + beta * nckd, grad);
    }

    /** softmax(z/T) over every class but {@code skip}, renormalised; 0 at {@code skip}. */
    private static double[] restDistribution(double[] logits, int skip, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (i != skip) {
                max = Math.max(max, logits[i]);
            }
        }
        double[] out = new double[logits.length];
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            if (i != skip) {
                out[i] = Math.exp((logits[i] - max) / temperature);
                sum += out[i];
            }
        }
        for (int i = 0; i < logits.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
