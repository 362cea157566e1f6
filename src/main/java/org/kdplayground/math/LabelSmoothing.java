package org.kdplayground.math;

/**
 * Cross-entropy with label smoothing as PyTorch defines it ({@code F.cross_entropy(z, y, label_smoothing=ε)}): the
 * target is {@code (1 − ε)·onehot(y) + ε/K}. A teacher trained with it is more accurate yet distils worse: it erases
 * the similarities between classes that the student would learn from (Müller, Kornblith and Hinton, 2019).
 */
public final class LabelSmoothing {

    /** The loss and {@code ∂loss/∂z = softmax(z) − target}. */
    public record Result(double total, double[] grad) {
        public Result {
            grad = grad.clone();
        }

        @Override
        public double[] grad() {
            return grad.clone();
        }
    }

    private LabelSmoothing() {
    }

    /** @param epsilon the smoothing, in [0, 1) */
    public static Result crossEntropy(double[] logits, int label, double epsilon) {
        Checks.logits("logits", logits);
        Checks.label(label, logits.length);
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + epsilon);
        }
        int k = logits.length;
        double[] logP = Softmax.logSoftmax(logits, 1.0);
        double[] grad = new double[k];
        double total = 0.0;
        for (int i = 0; i < k; i++) {
            double target = epsilon / k + (i == label ? 1.0 - epsilon : 0.0);
            total -= target * logP[i];
            grad[i] = Math.exp(logP[i]) - target;
        }
        return new Result(total, grad);
    }
}
