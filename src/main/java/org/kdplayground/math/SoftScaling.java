package org.kdplayground.math;

/**
 * Whether the soft (distillation) term is multiplied by T², as Hinton et al. and the teaching notebook do.
 *
 * <p>The gradient of {@code KL(p_t^T ‖ p_s^T)} with respect to the student's logits shrinks like 1/T²; the T²
 * factor undoes that, so changing T does not silently change how much the soft term counts. {@link #NONE}
 * exists to let a learner watch the gradient vanish.
 */
public enum SoftScaling {
    /** soft = T²·KL; its gradient is {@code T·(p_s^T − p_t^T)}. The notebook's loss. */
    T_SQUARED,
    /** soft = KL; its gradient is {@code (p_s^T − p_t^T) / T}. */
    NONE;

    /** The factor that turns KL into the soft term: T² or 1. */
    public double lossFactor(double temperature) {
        return this == T_SQUARED ? temperature * temperature : 1.0;
    }

    /** The factor that turns {@code p_s^T − p_t^T} into the soft term's gradient: T or 1/T. */
    public double gradientFactor(double temperature) {
        return this == T_SQUARED ? temperature : 1.0 / temperature;
    }
}
