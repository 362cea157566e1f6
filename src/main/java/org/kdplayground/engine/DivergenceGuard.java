package org.kdplayground.engine;

import java.util.Locale;

/** Ends a run whose losses stop meaning anything, with a message that names the likely cause. */
final class DivergenceGuard {

    /**
     * Above this, a cross-entropy counts as divergence even while finite: with a huge learning rate Adam throws the
     * weights so far that logits differ by millions and the loss stays finite but meaningless.
     */
    static final float EXPLODED_CROSS_ENTROPY = 1e4f;

    /** Thrown inside the run when a loss is not finite or has exploded. */
    static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message, null, false, false);
        }
    }

    private final float learningRate;

    DivergenceGuard(float learningRate) {
        this.learningRate = learningRate;
    }

    void requireFinite(float value, String who, int epoch, int step) {
        if (!Float.isFinite(value)) {
            throw diverged(who + "'s loss became " + (Float.isNaN(value) ? "NaN" : "infinite"), epoch, step);
        }
    }

    /** A cross-entropy this large means a logit margin of thousands: the weights have exploded. */
    void requireSane(float crossEntropy, String who, int epoch, int step) {
        requireFinite(crossEntropy, who, epoch, step);
        if (crossEntropy > EXPLODED_CROSS_ENTROPY) {
            throw diverged(who + "'s cross-entropy exploded to " + String.format(Locale.ROOT, "%.3g",
                    crossEntropy), epoch, step);
        }
    }

    private Diverged diverged(String what, int epoch, int step) {
        return new Diverged(String.format(Locale.ROOT,
                "Training diverged: the %s at epoch %d, step %d. The learning rate (%s) is most likely too"
                        + " high; try a value 10 times smaller (0.001 to 0.01 suit these networks).",
                what, epoch, step, Float.toString(learningRate)));
    }
}
