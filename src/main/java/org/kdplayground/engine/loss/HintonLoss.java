package org.kdplayground.engine.loss;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The teaching notebook's distillation loss on NDArrays, written the way PyTorch computes it:
 * {@code hard = cross_entropy(s, y)}, {@code soft = kl_div(log_softmax(s/T), softmax(t/T), 'batchmean') * T²},
 * {@code total = α·hard + (1−α)·soft}; its exact twin is {@code math.DistillationLoss}. The teacher's targets are
 * {@code log_softmax(t/T)}.
 *
 * <p>Step arrays come first in each operation so that results belong to the step's manager, not to the manager
 * holding the constants.
 */
final class HintonLoss implements StudentLoss {

    /** Test hook: run inside the loss computation (e.g. {@code System::gc}) to prove no freed scalar is read. */
    static volatile Runnable hookInsideLoss;

    private final NDManager constants;
    private final NDArray temperature;
    private final NDArray temperatureSquared;
    private final NDArray alpha;
    private final NDArray oneMinusAlpha;

    HintonLoss(NDManager parent, LossSettings settings) {
        constants = parent.newSubManager();
        temperature = scalar(settings.temperature());
        // as Python does: T ** 2 and 1 - alpha in double, then one float multiplication
        temperatureSquared = scalar((double) settings.temperature() * settings.temperature());
        alpha = scalar(settings.alpha());
        oneMinusAlpha = scalar(1.0 - settings.alpha());
    }

    private NDArray scalar(double value) {
        return constants.full(new Shape(), (float) value, DataType.FLOAT32);
    }

    /** {@code log_softmax(t / T)} row-wise: the frozen teacher's soft targets, in log space. */
    @Override
    public NDArray teacherTargets(NDArray teacherLogits) {
        return teacherLogits.div(temperature).logSoftmax(1);
    }

    @Override
    public Value compute(NDArray studentLogits, NDArray teacherLogTargets, NDArray oneHot, NDArray hardMask,
                         int labelledRows) {
        NDManager step = studentLogits.getManager();
        NDArray logStudent = studentLogits.div(temperature).logSoftmax(1);
        Runnable hook = hookInsideLoss;
        if (hook != null) {
            hook.run();
        }
        NDArray kl = teacherLogTargets.exp().mul(teacherLogTargets.sub(logStudent)).sum(new int[] {1}).mean();
        NDArray soft = kl.mul(temperatureSquared);
        NDArray hard;
        if (hardMask == null) {
            hard = CrossEntropy.mean(studentLogits, oneHot);
        } else if (labelledRows == 0) {
            hard = step.zeros(new Shape(), DataType.FLOAT32);
        } else {
            NDArray sum = CrossEntropy.perRow(studentLogits, oneHot).mul(hardMask).sum();
            hard = sum.div(step.full(new Shape(), labelledRows, DataType.FLOAT32));
        }
        if (hook != null) {
            hook.run();
        }
        NDArray total = hard.mul(alpha).add(soft.mul(oneMinusAlpha));
        return new Value(total, List.of(hard, soft));
    }

    @Override
    public void close() {
        constants.close();
    }
}
