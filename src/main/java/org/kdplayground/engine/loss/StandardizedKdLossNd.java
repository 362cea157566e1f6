package org.kdplayground.engine.loss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kdplayground.math.StandardizedKdLoss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * KD on standardised logits on NDArrays (Sun et al., CVPR 2024; exact twin: {@code math.StandardizedKdLoss}): each
 * row of logits becomes {@code (z − mean) / (1e-7 + sample std)} inside the soft term only, which is then the Hinton
 * loss's T²·KL; the hard term keeps the raw logits. {@code total = α·hard + (1 − α)·soft}.
 */
final class StandardizedKdLossNd implements StudentLoss {

    private static final int AXIS = 1;

    private final Scalars constants;
    private final NDArray temperature;
    private final NDArray temperatureSquared;
    private final NDArray alpha;
    private final NDArray oneMinusAlpha;
    private final NDArray epsilon;
    /** n − 1 for rows of n classes, made once per width. */
    private final Map<Long, NDArray> degreesOfFreedom = new HashMap<>();

    StandardizedKdLossNd(NDManager parent, LossSettings settings) {
        constants = new Scalars(parent);
        temperature = constants.of(settings.temperature());
        temperatureSquared = constants.of((double) settings.temperature() * settings.temperature());
        alpha = constants.of(settings.alpha());
        oneMinusAlpha = constants.of(1.0 - settings.alpha());
        epsilon = constants.of(StandardizedKdLoss.EPSILON);
    }

    /** {@code log_softmax(standardise(t) / T)}. */
    @Override
    public NDArray teacherTargets(NDArray teacherLogits) {
        return standardize(teacherLogits).div(temperature).logSoftmax(AXIS);
    }

    @Override
    public Value compute(NDArray studentLogits, NDArray teacherLogTargets, NDArray oneHot, NDArray hardMask,
                         int labelledRows) {
        NDArray logStudent = standardize(studentLogits).div(temperature).logSoftmax(AXIS);
        NDArray kl = teacherLogTargets.exp().mul(teacherLogTargets.sub(logStudent)).sum(new int[] {AXIS}).mean();
        NDArray soft = kl.mul(temperatureSquared);
        NDArray hard = CrossEntropy.meanOverLabelled(studentLogits, oneHot, hardMask, labelledRows);
        NDArray total = hard.mul(alpha).add(soft.mul(oneMinusAlpha));
        return new Value(total, List.of(hard, soft));
    }

    private NDArray standardize(NDArray logits) {
        long classes = logits.getShape().get(AXIS);
        NDArray n1 = degreesOfFreedom.computeIfAbsent(classes, n -> constants.of(n - 1));
        NDArray centered = logits.sub(logits.mean(new int[] {AXIS}, true));
        NDArray sd = centered.mul(centered).sum(new int[] {AXIS}, true).div(n1).sqrt();
        return centered.div(sd.add(epsilon));
    }

    @Override
    public void close() {
        constants.close();
    }
}
