package org.kdplayground.engine.loss;

import java.util.List;

import ai.djl.ndarray.NDArray;

/**
 * The distilled student's loss, as the training loop calls it: the loop differentiates {@link Value#total()} and
 * charts {@link Value#parts()}. Implementations keep their constants (T, weights) as NDArrays made once: DJL's
 * {@code mul(Number)} frees its scalar before backward reads it (djl-facts.md, pitfall 1).
 */
public interface StudentLoss extends AutoCloseable {

    /** A batch's loss: each part and the total, scalar NDArrays owned by the batch's manager. */
    record Value(NDArray total, List<NDArray> parts) {
    }

    /**
     * What the loss needs of the frozen teacher for each row, from its logits; the run computes it once for the whole
     * training set and gathers a batch's rows from it.
     */
    NDArray teacherTargets(NDArray teacherLogits);

    /**
     * The loss of a batch. The soft terms average over every row (the transfer set); the hard term over the labelled
     * rows only: {@code hardMask} holds 1 for a labelled row and 0 otherwise, and {@code labelledRows} is its sum;
     * with {@code hardMask == null} every row is labelled. With no labelled row the hard term is 0.
     *
     * @param oneHot one-hot labels (rows without a label are all zero)
     */
    Value compute(NDArray studentLogits, NDArray teacherTargets, NDArray oneHot, NDArray hardMask, int labelledRows);

    /** A new epoch of the students starts (1-based); for a loss whose weights change over epochs. */
    default void startEpoch(int epoch) {
    }

    /** Frees the loss's constants. */
    @Override
    void close();
}
