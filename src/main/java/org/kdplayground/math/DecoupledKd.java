package org.kdplayground.math;

/**
 * The decoupled view of the distillation KL (Zhao et al., "Decoupled Knowledge Distillation", CVPR 2022):
 *
 * <pre>
 *   KL(p_t^T ‖ p_s^T) = TCKD + (1 − p_t,target)·NCKD
 * </pre>
 *
 * TCKD is the KL between the binary distributions [p_target, 1 − p_target] (how sure each model is of the target
 * class); NCKD is the KL between the distributions over the non-target classes, renormalised (the "dark
 * knowledge"). The weight {@code 1 − p_t,target} shows why a confident teacher passes little dark knowledge.
 * Computed in log space, so it stays finite where probabilities underflow.
 */
public final class DecoupledKd {

    private DecoupledKd() {
    }

    /**
     * The two parts and the weight that joins them.
     *
     * @param tckd                     target-class KD: binary KL of target vs. rest
     * @param nckd                     non-target-class KD: KL over the renormalised non-target classes
     * @param teacherTargetProbability {@code p_t,target} at T
     * @param studentTargetProbability {@code p_s,target} at T
     */
    public record Parts(double tckd, double nckd, double teacherTargetProbability,
                        double studentTargetProbability) {

        /** The weight of NCKD in the KL: {@code 1 − p_t,target}. */
        public double nckdWeight() {
            return 1.0 - teacherTargetProbability;
        }

        /** {@code TCKD + (1 − p_t,target)·NCKD}, which equals {@code KL(p_t^T ‖ p_s^T)}. */
        public double kl() {
            return tckd + nckdWeight() * nckd;
        }
    }

    /** Splits {@code KL(softmax(teacher/T) ‖ softmax(student/T))} around the target class; needs two classes or more. */
    public static Parts decompose(double[] student, double[] teacher, int target, double temperature) {
        Checks.logits("student logits", student);
        Checks.logits("teacher logits", teacher);
        Checks.sameLength("student logits", student, "teacher logits", teacher);
        if (student.length < 2) {
            throw new IllegalArgumentException("decoupled KD needs at least 2 classes, got " + student.length);
        }
        Checks.label(target, student.length);
        Checks.temperature(temperature);

        double sMax = Softmax.max(student);
        double tMax = Softmax.max(teacher);
        double sLse = Softmax.shiftedLogSumExp(student, sMax, temperature);
        double tLse = Softmax.shiftedLogSumExp(teacher, tMax, temperature);
        double sRest = shiftedLogSumExpExcept(student, sMax, temperature, target);
        double tRest = shiftedLogSumExpExcept(teacher, tMax, temperature, target);

        // binary distributions in log space: log p_target and log(1 − p_target)
        double logSt = (student[target] - sMax) / temperature - sLse;
        double logTt = (teacher[target] - tMax) / temperature - tLse;
        double logSr = sRest - sLse;
        double logTr = tRest - tLse;
        double tt = Math.exp(logTt);
        double tr = Math.exp(logTr);
        double tckd = 0.0;
        if (tt > 0.0) {
            tckd += tt * (logTt - logSt);
        }
        if (tr > 0.0) {
            tckd += tr * (logTr - logSr);
        }

        double nckd = 0.0;
        for (int i = 0; i < student.length; i++) {
            if (i == target) {
                continue;
            }
            double logT = (teacher[i] - tMax) / temperature - tRest;
            double pt = Math.exp(logT);
            if (pt > 0.0) {
                double logS = (student[i] - sMax) / temperature - sRest;
                nckd += pt * (logT - logS);
            }
        }
        return new Parts(Math.max(0.0, tckd), Math.max(0.0, nckd), tt, Math.exp(logSt));
    }

    /** {@code log Σ_{i≠skip} exp((z_i − max)/T)}; finite because max is the maximum over all classes. */
    private static double shiftedLogSumExpExcept(double[] logits, double max, double temperature, int skip) {
        double restMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (i != skip && logits[i] > restMax) {
                restMax = logits[i];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            if (i != skip) {
                sum += Math.exp((logits[i] - restMax) / temperature);
            }
        }
        return (restMax - max) / temperature + Math.log(sum);
    }
}
