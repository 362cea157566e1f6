package org.kdplayground.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LabelSmoothing;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.math.StandardizedKdLoss;

/** The exact, double-precision engine: {@link DistillationLoss} and the other losses' twins in {@code math}. */
final class MathLossEngine implements LossEngine {

    @Override
    public Result compute(LossCase c, SoftScaling scaling) {
        LossBreakdown b = DistillationLoss.compute(c.student(), c.teacher(), c.label(), c.temperature(), c.alpha(),
                scaling);
        return new Result(b.pStudentT(), b.pTeacherT(), b.hard(), b.kl(), b.soft(), b.total(), b.gradient());
    }

    @Override
    public VariantResult computeVariant(VariantCase c) {
        return switch (c.method()) {
            case "dkd" -> {
                DecoupledKdLoss.Result r = DecoupledKdLoss.compute(c.student(), c.teacher(), c.label(), c.temperature(),
                        c.weight("ce_weight"), c.weight("dkd_alpha"), c.weight("dkd_beta"));
                yield new VariantResult(parts("hard", r.hard(), "tckd", r.tckd(), "nckd", r.nckd()), r.total(),
                        r.grad());
            }
            case "lskd" -> {
                StandardizedKdLoss.Result r = StandardizedKdLoss.compute(c.student(), c.teacher(), c.label(),
                        c.temperature(), c.weight("alpha"));
                yield new VariantResult(parts("hard", r.hard(), "soft", r.soft()), r.total(), r.grad());
            }
            case "ce_ls" -> {
                LabelSmoothing.Result r = LabelSmoothing.crossEntropy(c.student(), c.label(), c.weight("epsilon"));
                yield new VariantResult(Map.of(), r.total(), r.grad());
            }
            default -> throw new IllegalArgumentException("unknown method " + c.method());
        };
    }

    /** Parts in the order given, as name, value, name, value, ... */
    static Map<String, Double> parts(Object... nameValue) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            parts.put((String) nameValue[i], (Double) nameValue[i + 1]);
        }
        return parts;
    }
}
