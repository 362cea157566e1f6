package org.kdplayground.engine.loss;

import java.util.HashMap;
import java.util.Map;

import org.kdplayground.math.StandardizedKdLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * KD on standardised logits on NDArrays (Sun et al., CVPR 2024; exact twin: {@code math.StandardizedKdLoss}): each
 * row of logits becomes {@code (z − mean) / (1e-7 + sample std)} inside the soft term only, which is then the Hinton
 * loss's T²·KL; the hard term keeps the raw logits. {@code total = α·hard + (1 − α)·soft}.
 */
final class StandardizedKdLossNd extends HintonLoss {

    private static final int AXIS = 1;

    private final NDArray epsilon;
    /** n − 1 for rows of n classes, made once per width. */
    private final Map<Long, NDArray> degreesOfFreedom = new HashMap<>();

    StandardizedKdLossNd(NDManager parent, LossSettings settings) {
        super(parent, settings);
        epsilon = constants.of(StandardizedKdLoss.EPSILON);
    }

    /** {@code (z − mean) / (ε + sample std)} per row. */
    @Override
    NDArray softLogits(NDArray logits) {
        long classes = logits.getShape().get(AXIS);
        NDArray n1 = degreesOfFreedom.computeIfAbsent(classes, n -> constants.of(n - 1));
        NDArray centered = logits.sub(logits.mean(new int[] {AXIS}, true));
        NDArray sd = centered.mul(centered).sum(new int[] {AXIS}, true).div(n1).sqrt();
        return centered.div(sd.add(epsilon));
    }
}
