package org.kdplayground.cli;

import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;

/** The exact, double-precision engine: {@link DistillationLoss}. */
final class MathLossEngine implements LossEngine {

    @Override
    public Result compute(LossCase c, SoftScaling scaling) {
        LossBreakdown b = DistillationLoss.compute(c.student(), c.teacher(), c.label(), c.temperature(), c.alpha(),
                scaling);
        return new Result(b.pStudentT(), b.pTeacherT(), b.hard(), b.kl(), b.soft(), b.total(), b.gradient());
    }
}
