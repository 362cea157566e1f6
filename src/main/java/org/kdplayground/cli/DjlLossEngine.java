package org.kdplayground.cli;

import ai.djl.ndarray.NDManager;

import org.kdplayground.engine.KdLossNd;
import org.kdplayground.math.SoftScaling;

/**
 * The loss as the training engine computes it: DJL/PyTorch in float32. The engine's loss always carries the T²
 * factor; since the loss is linear in α, two evaluations (α = 1: the hard part, α = 0: the soft part) give both
 * parts and their gradients, and any scaling is combined from them exactly.
 */
final class DjlLossEngine implements LossEngine {

    private final NDManager manager;

    DjlLossEngine() {
        org.kdplayground.RuntimeDefaults.apply();
        try {
            this.manager = NDManager.newBaseManager();
        } catch (RuntimeException | LinkageError e) {
            throw new CliException(ExitCodes.ENGINE_UNAVAILABLE,
                    "the DJL/PyTorch engine could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public Result compute(LossCase c, SoftScaling scaling) {
        if (!(c.temperature() > 0) || !(c.alpha() >= 0 && c.alpha() <= 1)) {
            throw new IllegalArgumentException("T must be > 0 and alpha in [0, 1]");
        }
        KdLossNd.CaseResult hardOnly = KdLossNd.evaluateCase(manager, c.student(), c.teacher(), c.label(),
                c.temperature(), 1.0);
        KdLossNd.CaseResult softOnly = KdLossNd.evaluateCase(manager, c.student(), c.teacher(), c.label(),
                c.temperature(), 0.0);
        double t2 = c.temperature() * c.temperature();
        double kl = softOnly.soft() / t2;
        double softFactor = scaling == SoftScaling.T_SQUARED ? 1.0 : 1.0 / t2;
        double soft = softOnly.soft() * softFactor;
        double alpha = c.alpha();
        double[] grad = new double[c.student().length];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = alpha * hardOnly.grad()[i] + (1 - alpha) * softOnly.grad()[i] * softFactor;
        }
        double total = alpha * hardOnly.hard() + (1 - alpha) * soft;
        return new Result(softOnly.pStudent(), softOnly.pTeacher(), hardOnly.hard(), kl, soft, total, grad);
    }

    @Override
    public void close() {
        manager.close();
    }
}
