package org.kdplayground.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.loss.ExampleLoss;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.SoftScaling;

import ai.djl.ndarray.NDManager;

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
        RunSettings settings = RunSettings.DEFAULTS.withTemperature((float) c.temperature());
        ExampleLoss.Result hardOnly = ExampleLoss.evaluate(manager, settings.withAlpha(1f), c.student(), c.teacher(),
                c.label());
        ExampleLoss.Result softOnly = ExampleLoss.evaluate(manager, settings.withAlpha(0f), c.student(), c.teacher(),
                c.label());
        double t2 = c.temperature() * c.temperature();
        double softT2 = softOnly.part(LossMethod.HINTON, LossPart.SOFT);
        double kl = softT2 / t2;
        double softFactor = scaling == SoftScaling.T_SQUARED ? 1.0 : 1.0 / t2;
        double soft = softT2 * softFactor;
        double alpha = c.alpha();
        double[] grad = new double[c.student().length];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = alpha * hardOnly.grad()[i] + (1 - alpha) * softOnly.grad()[i] * softFactor;
        }
        double hard = hardOnly.part(LossMethod.HINTON, LossPart.HARD);
        double total = alpha * hard + (1 - alpha) * soft;
        return new Result(softOnly.pStudent(), softOnly.pTeacher(), hard, kl, soft, total, grad);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public VariantResult computeVariant(VariantCase c) {
        if (c.method().equals("ce_ls")) {
            ExampleLoss.CrossEntropyResult r = ExampleLoss.labelSmoothedCrossEntropy(manager, c.student(), c.label(),
                    c.weight("epsilon"));
            return new VariantResult(Map.of(), r.total(), r.grad());
        }
        RunSettings settings = RunSettings.DEFAULTS.withTemperature((float) c.temperature());
        LossMethod method = LossMethod.fromId(c.method());
        settings = switch (method) {
            case DKD -> settings.withLoss(method).withCeWeight((float) c.weight("ce_weight"))
                    .withDkdAlpha((float) c.weight("dkd_alpha")).withDkdBeta((float) c.weight("dkd_beta"));
            case LSKD -> settings.withLoss(method).withAlpha((float) c.weight("alpha"));
            case HINTON -> throw new IllegalArgumentException("the Hinton loss is not a variant");
        };
        ExampleLoss.Result r = ExampleLoss.evaluate(manager, settings, c.student(), c.teacher(), c.label());
        Map<String, Double> parts = new LinkedHashMap<>();
        for (LossPart part : method.parts()) {
            parts.put(part.name().toLowerCase(Locale.ROOT), r.part(method, part));
        }
        return new VariantResult(parts, r.total(), r.grad());
    }
}
