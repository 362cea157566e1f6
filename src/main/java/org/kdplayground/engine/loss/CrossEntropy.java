package org.kdplayground.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Cross-entropy of logits against one-hot (or soft) target rows, as {@code F.cross_entropy} computes it. */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** The mean over the rows. */
    public static NDArray mean(NDArray logits, NDArray targets) {
        return perRow(logits, targets).mean();
    }

    /**
     * The mean over the labelled rows of a batch: {@code hardMask} holds 1 for a labelled row and 0 otherwise, and
     * {@code labelledRows} is its sum; with {@code hardMask == null} every row is labelled; with no labelled row, 0.
     */
    public static NDArray meanOverLabelled(NDArray logits, NDArray oneHot, NDArray hardMask, int labelledRows) {
        NDManager step = logits.getManager();
        if (hardMask == null) {
            return mean(logits, oneHot);
        }
        if (labelledRows == 0) {
            return step.zeros(new Shape(), DataType.FLOAT32);
        }
        NDArray sum = perRow(logits, oneHot).mul(hardMask).sum();
        return sum.div(step.full(new Shape(), labelledRows, DataType.FLOAT32));
    }

    /** One value per row. */
    public static NDArray perRow(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg();
    }
}
