package org.kdplayground.engine.loss;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The teaching notebook's distillation loss on NDArrays, written the way PyTorch computes it:
 * {@code hard = cross_entropy(s, y)}, {@code soft = kl_div(log_softmax(s/T), softmax(t/T), 'batchmean') * T²},
 * {@code total = α·hard + (1−α)·soft}; its exact twin is {@code math.DistillationLoss}. The teacher's targets are
 * {@code log_softmax(t/T)}. Logit-standardised KD is this loss with the soft term's logits transformed
 * ({@link #softLogits}).
 */
class HintonLoss implements StudentLoss {

    /** Test hook: run inside the loss computation (e.g. {@code System::gc}) to prove no freed scalar is read. */
    static volatile Runnable hookInsideLoss;

    /** The loss's constants, in a sub-manager of the run's; a subclass may make more here. */
    final Scalars constants;
    private final NDArray temperature;
    private final NDArray temperatureSquared;
    private final NDArray alpha;
    private final NDArray oneMinusAlpha;

    HintonLoss(NDManager parent, LossSettings settings) {
        constants = new Scalars(parent);
        temperature = constants.of(settings.temperature());
        // as Python does: T ** 2 and 1 - alpha in double, then one float multiplication
        temperatureSquared = constants.of((double) settings.temperature() * settings.temperature());
        alpha = constants.of(settings.alpha());
        oneMinusAlpha = constants.of(1.0 - settings.alpha());
    }

    /** {@code log_softmax(t / T)} row-wise: the frozen teacher's soft targets, in log space. */
    @Override
    public NDArray teacherTargets(NDArray teacherLogits) {
        return softLogits(teacherLogits).div(temperature).logSoftmax(1);
    }

    @Override
    public Value compute(NDArray studentLogits, NDArray teacherLogTargets, NDArray oneHot, NDArray hardMask,
                         int labelledRows) {
        NDArray logStudent = softLogits(studentLogits).div(temperature).logSoftmax(1);
        Runnable hook = hookInsideLoss;
        if (hook != null) {
            hook.run();
        }
        NDArray kl = teacherLogTargets.exp().mul(teacherLogTargets.sub(logStudent)).sum(new int[] {1}).mean();
        NDArray soft = kl.mul(temperatureSquared);
        NDArray hard = CrossEntropy.meanOverLabelled(studentLogits, oneHot, hardMask, labelledRows);
        if (hook != null) {
            hook.run();
        }
        NDArray total = hard.mul(alpha).add(soft.mul(oneMinusAlpha));
        return new Value(total, List.of(hard, soft));
    }

    /** The logits the soft term compares, before dividing by T: as they are here. */
    NDArray softLogits(NDArray logits) {
        return logits;
    }

    @Override
    public void close() {
        constants.close();
    }
}
