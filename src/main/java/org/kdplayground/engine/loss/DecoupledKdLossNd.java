package org.kdplayground.engine.loss;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Decoupled KD on NDArrays, as mdistiller's {@code dkd_loss} computes it (exact twin: {@code math.DecoupledKdLoss}):
 * {@code total = w_ce·CE + warm·(α·TCKD + β·NCKD)}, TCKD the T²-scaled KL between the binary distributions (target
 * class, the rest), NCKD the T²-scaled KL between the distributions over the other classes (the target's logit minus
 * 1000 before the softmax at T). {@code warm} rises linearly from 1/w to 1 over the first w epochs when a warm-up is set.
 *
 * <p>DKD splits on the true class, which an unlabelled row of the transfer set does not have: there the loss splits on
 * the class the frozen teacher predicts. The hard term, as in every method, averages over the labelled rows only.
 *
 * <p>The binary distributions are taken in log space without leaving it: {@code log(1 − q_g)} is
 * {@code Σ_j q̃_j·(log q_j − log q̃_j)} (the difference is the same for every non-target j), so no logarithm of a sum
 * that rounds to 0 is taken.
 */
final class DecoupledKdLossNd implements StudentLoss {

    private static final int AXIS = 1;

    private final Scalars constants;
    private final NDArray temperature;
    private final NDArray temperatureSquared;
    private final NDArray ceWeight;
    private final NDArray alpha;
    private final NDArray beta;
    private final NDArray one;
    private final NDArray thousand;
    private final int warmupEpochs;
    private NDArray warm;

    DecoupledKdLossNd(NDManager parent, LossSettings settings) {
        constants = new Scalars(parent);
        temperature = constants.of(settings.temperature());
        temperatureSquared = constants.of((double) settings.temperature() * settings.temperature());
        ceWeight = constants.of(settings.ceWeight());
        alpha = constants.of(settings.dkdAlpha());
        beta = constants.of(settings.dkdBeta());
        one = constants.of(1);
        thousand = constants.of(1000);
        warmupEpochs = settings.dkdWarmupEpochs();
        warm = constants.of(1);
    }

    @Override
    public void startEpoch(int epoch) {
        if (warmupEpochs > 0) {
            warm.close();
            warm = constants.of(Math.min((double) epoch / warmupEpochs, 1.0));
        }
    }

    /** {@code t / T}: what the loss needs of the teacher (its soft distribution and its predicted class). */
    @Override
    public NDArray teacherTargets(NDArray teacherLogits) {
        return teacherLogits.div(temperature);
    }

    @Override
    public Value compute(NDArray studentLogits, NDArray teacherScaled, NDArray oneHot, NDArray hardMask,
                         int labelledRows) {
        int classes = (int) studentLogits.getShape().get(AXIS);
        NDArray scaled = studentLogits.div(temperature);
        // the class each row splits on: its label, or the teacher's prediction where it has none
        NDArray hasLabel = oneHot.sum(new int[] {AXIS}, true);
        NDArray teacherClass = teacherScaled.argMax(AXIS).oneHot(classes);
        NDArray target = oneHot.add(teacherClass.mul(one.sub(hasLabel)));
        NDArray mask = target.mul(thousand);
        NDArray logQ = scaled.logSoftmax(AXIS);
        NDArray logR = teacherScaled.logSoftmax(AXIS);
        NDArray logQRest = scaled.sub(mask).logSoftmax(AXIS);
        NDArray logRRest = teacherScaled.sub(mask).logSoftmax(AXIS);
        NDArray logQTarget = logQ.mul(target).sum(new int[] {AXIS});
        NDArray logRTarget = logR.mul(target).sum(new int[] {AXIS});
        NDArray logQOther = logQRest.exp().mul(logQ.sub(logQRest)).sum(new int[] {AXIS});
        NDArray logROther = logRRest.exp().mul(logR.sub(logRRest)).sum(new int[] {AXIS});
        NDArray tckd = logRTarget.exp().mul(logRTarget.sub(logQTarget))
                .add(logROther.exp().mul(logROther.sub(logQOther))).mean().mul(temperatureSquared);
        NDArray nckd = logRRest.exp().mul(logRRest.sub(logQRest)).sum(new int[] {AXIS}).mean()
                .mul(temperatureSquared);
        NDArray hard = CrossEntropy.meanOverLabelled(studentLogits, oneHot, hardMask, labelledRows);
        NDArray total = hard.mul(ceWeight).add(tckd.mul(alpha).add(nckd.mul(beta)).mul(warm));
        return new Value(total, List.of(hard, tckd, nckd));
    }

    @Override
    public void close() {
        constants.close();
    }
}
