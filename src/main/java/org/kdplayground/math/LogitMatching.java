package org.kdplayground.math;

/**
 * Hinton's high-temperature view of distillation: for large T the soft term's gradient approaches plain
 * logit matching,
 *
 * <pre>
 *   ∂KL/∂z_s,i = (p_s,i^T − p_t,i^T) / T  ≈  (ẑ_s,i − ẑ_t,i) / (N·T²)      (without the T² factor)
 *   ∂(T²·KL)/∂z_s,i = T·(p_s,i^T − p_t,i^T)  ≈  (ẑ_s,i − ẑ_t,i) / N       (with it, as in the notebook)
 * </pre>
 *
 * where {@code ẑ} are the logits minus their mean and N is the number of classes. All gradients here are of the
 * soft term alone, before the {@code (1 − α)} weight of the full loss. The approximation is first order in
 * {@code z/T}, so its error shrinks like 1/T; {@link #relativeError} measures it.
 */
public final class LogitMatching {

    private LogitMatching() {
    }

    /** The exact gradient of the soft term with respect to the student's logits. */
    public static double[] exactSoftGradient(double[] student, double[] teacher, double temperature,
                                             SoftScaling scaling) {
        check(student, teacher, temperature, scaling);
        return exactSoftGradient(student, teacher, temperature, scaling, new double[student.length]);
    }

    /** {@link #exactSoftGradient(double[], double[], double, SoftScaling)} into {@code out}; returns {@code out}. */
    public static double[] exactSoftGradient(double[] student, double[] teacher, double temperature,
                                             SoftScaling scaling, double[] out) {
        check(student, teacher, temperature, scaling);
        Checks.output(out, student.length);
        double factor = scaling.gradientFactor(temperature);
        double sMax = Softmax.max(student);
        double tMax = Softmax.max(teacher);
        double sSum = Softmax.shiftedSumExp(student, sMax, temperature);
        double tSum = Softmax.shiftedSumExp(teacher, tMax, temperature);
        for (int i = 0; i < student.length; i++) {
            double ps = Math.exp((student[i] - sMax) / temperature) / sSum;
            double pt = Math.exp((teacher[i] - tMax) / temperature) / tSum;
            out[i] = factor * (ps - pt);
        }
        return out;
    }

    /** The logit-matching approximation of the soft term's gradient (see the class comment for both scalings). */
    public static double[] approximateSoftGradient(double[] student, double[] teacher, double temperature,
                                                   SoftScaling scaling) {
        check(student, teacher, temperature, scaling);
        return approximateSoftGradient(student, teacher, temperature, scaling, new double[student.length]);
    }

    /** {@link #approximateSoftGradient(double[], double[], double, SoftScaling)} into {@code out}; returns {@code out}. */
    public static double[] approximateSoftGradient(double[] student, double[] teacher, double temperature,
                                                   SoftScaling scaling, double[] out) {
        check(student, teacher, temperature, scaling);
        Checks.output(out, student.length);
        int n = student.length;
        double factor = scaling == SoftScaling.T_SQUARED ? 1.0 / n : 1.0 / (n * temperature * temperature);
        double sMean = mean(student);
        double tMean = mean(teacher);
        for (int i = 0; i < n; i++) {
            out[i] = factor * ((student[i] - sMean) - (teacher[i] - tMean));
        }
        return out;
    }

    /**
     * How far the exact soft gradient {@code g} is from the approximation {@code a}:
     * {@code ‖g − a‖₂ / max(‖g‖₂, ‖a‖₂)}, in [0, 2]. The same for both scalings (both gradients scale alike);
     * 0 when both vanish (student logits equal the teacher's up to a constant). Allocates nothing.
     */
    public static double relativeError(double[] student, double[] teacher, double temperature) {
        check(student, teacher, temperature, SoftScaling.T_SQUARED);
        int n = student.length;
        double sMax = Softmax.max(student);
        double tMax = Softmax.max(teacher);
        double sSum = Softmax.shiftedSumExp(student, sMax, temperature);
        double tSum = Softmax.shiftedSumExp(teacher, tMax, temperature);
        double sMean = mean(student);
        double tMean = mean(teacher);
        // both with the T² factor: g = T·(p_s − p_t), a = (ẑ_s − ẑ_t) / N
        double diff2 = 0.0;
        double exact2 = 0.0;
        double approx2 = 0.0;
        for (int i = 0; i < n; i++) {
            double ps = Math.exp((student[i] - sMax) / temperature) / sSum;
            double pt = Math.exp((teacher[i] - tMax) / temperature) / tSum;
            double g = temperature * (ps - pt);
            double a = ((student[i] - sMean) - (teacher[i] - tMean)) / n;
            diff2 += (g - a) * (g - a);
            exact2 += g * g;
            approx2 += a * a;
        }
        double denominator = Math.sqrt(Math.max(exact2, approx2));
        return denominator == 0.0 ? 0.0 : Math.sqrt(diff2) / denominator;
    }

    private static void check(double[] student, double[] teacher, double temperature, SoftScaling scaling) {
        Checks.logits("student logits", student);
        Checks.logits("teacher logits", teacher);
        Checks.sameLength("student logits", student, "teacher logits", teacher);
        Checks.temperature(temperature);
        if (scaling == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
