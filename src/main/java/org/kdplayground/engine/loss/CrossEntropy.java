package org.kdplayground.engine.loss;

import ai.djl.ndarray.NDArray;

/** Cross-entropy of logits against one-hot (or soft) target rows, as {@code F.cross_entropy} computes it. */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** The mean over the rows. */
    public static NDArray mean(NDArray logits, NDArray targets) {
        return perRow(logits, targets).mean();
    }

    /** One value per row. */
    public static NDArray perRow(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg();
    }
}
