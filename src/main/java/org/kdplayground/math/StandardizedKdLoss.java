package org.kdplayground.math;

/**
 * Knowledge distillation on standardised logits (Sun et al., "Logit Standardization in Knowledge Distillation", CVPR
 * 2024) for one example, with its exact gradient: each logit vector becomes {@code ẑ = (z − mean(z)) / (ε + std(z))}
 * (std the sample standard deviation, n − 1; ε = 1e-7), and the Hinton loss compares the standardised vectors inside
 * the KL only:
 *
 * <pre>
 *   L = α·CE(y, softmax(z_s)) + (1 − α)·T²·KL(softmax(ẑ_t/T) ‖ softmax(ẑ_s/T))
 * </pre>
 *
 * The student matches the teacher's logits' shape, whatever their scale.
 */
public final class StandardizedKdLoss {

    /** Added to the standard deviation, as the paper's code does, so equal logits do not divide by 0. */
    public static final double EPSILON = 1e-7;

    /**
     * @param hard  {@code CE(y, softmax(z_s))} on the raw logits
     * @param soft  {@code T²·KL} of the standardised logits at T
     * @param total {@code alpha·hard + (1 − alpha)·soft}
     * @param grad  {@code ∂total/∂z_s}
     */
    public record Result(double hard, double soft, double total, double[] grad) {
        public Result {
            grad = grad.clone();
        }

        @Override
        public double[] grad() {
            return grad.clone();
        }
    }

    private StandardizedKdLoss() {
    }

    public static Result compute(double[] student, double[] teacher, int label, double temperature, double alpha) {
        Checks.sameLength("student logits", student, "teacher logits", teacher);
        if (student.length < 2) {
            throw new IllegalArgumentException("standardising needs at least 2 classes, got " + student.length);
        }
        double[] zs = standardize(student);
        double[] zt = standardize(teacher);
        LossBreakdown inner = DistillationLoss.compute(zs, zt, label, temperature, 0.0);
        double soft = inner.soft();
        double[] dSoft = inner.gradient(); // ∂soft/∂ẑ_s with alpha 0: T·(q − r)
        double[] dRaw = throughStandardize(student, dSoft);
        double hard = Distributions.crossEntropyOfLogits(label, student);
        double[] p = Softmax.softmax(student, 1.0);
        double[] grad = new double[student.length];
        for (int j = 0; j < grad.length; j++) {
            grad[j] = alpha * (p[j] - (j == label ? 1.0 : 0.0)) + (1.0 - alpha) * dRaw[j];
        }
        return new Result(hard, soft, alpha * hard + (1.0 - alpha) * soft, grad);
    }

    /** {@code (z − mean) / (ε + sample std)}. */
    public static double[] standardize(double[] z) {
        Checks.logits("logits", z);
        int n = z.length;
        double mean = mean(z);
        double var = 0.0;
        for (double v : z) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / (n - 1));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (z[i] - mean) / (EPSILON + sd);
        }
        return out;
    }

    /** The gradient with respect to z of a function of ẑ, given its gradient {@code g} with respect to ẑ. */
    private static double[] throughStandardize(double[] z, double[] g) {
        int n = z.length;
        double mean = mean(z);
        double var = 0.0;
        double gDotCentered = 0.0;
        for (int i = 0; i < n; i++) {
            var += (z[i] - mean) * (z[i] - mean);
            gDotCentered += g[i] * (z[i] - mean);
        }
        double sd = Math.sqrt(var / (n - 1));
        double scale = EPSILON + sd;
        double gMean = mean(g);
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double viaSd = sd == 0.0 ? 0.0 : gDotCentered * (z[j] - mean) / (scale * scale * (n - 1) * sd);
            out[j] = (g[j] - gMean) / scale - viaSd;
        }
        return out;
    }

    private static double mean(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }
}
