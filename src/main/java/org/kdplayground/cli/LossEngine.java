package org.kdplayground.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kdplayground.math.SoftScaling;

/**
 * Something that evaluates the distillation loss of one case: the exact math library in double precision, or the
 * DJL/PyTorch engine in float32 as training computes it. The {@code loss} command only talks to this interface, so
 * adding an engine means one class and one {@link EngineKind} constant.
 */
public interface LossEngine extends AutoCloseable {

    /** One case, as in the reference file: logits, true label, temperature and the hard-loss weight. */
    record LossCase(double[] student, double[] teacher, int label, double temperature, double alpha) {
    }

    /**
     * What an engine reports: the reference format's outputs plus the bare KL.
     *
     * @param pStudent {@code softmax(z_s / T)}
     * @param pTeacher {@code softmax(z_t / T)}
     * @param hard     {@code CE(y, softmax(z_s))}
     * @param kl       {@code KL(p_t^T ‖ p_s^T)}
     * @param soft     {@code T²·KL(p_t^T ‖ p_s^T)}, or the bare KL when the T² factor is dropped
     * @param total    {@code alpha·hard + (1 − alpha)·soft}
     * @param grad     {@code ∂total/∂z_s}
     */
    record Result(double[] pStudent, double[] pTeacher, double hard, double kl, double soft, double total,
                  double[] grad) {

        /** Whether every number is finite, so it can be written as JSON. */
        public boolean isFinite() {
            return Double.isFinite(hard) && Double.isFinite(kl) && Double.isFinite(soft) && Double.isFinite(total)
                    && Arrays.stream(pStudent).allMatch(Double::isFinite)
                    && Arrays.stream(pTeacher).allMatch(Double::isFinite)
                    && Arrays.stream(grad).allMatch(Double::isFinite);
        }
    }

    /**
     * A case of another loss than the Hinton loss, in the reference file's terms: {@code dkd} (weights
     * {@code ce_weight}, {@code dkd_alpha}, {@code dkd_beta}), {@code lskd} ({@code alpha}) or {@code ce_ls}
     * ({@code epsilon}; no teacher, no T).
     */
    record VariantCase(String method, double[] student, double[] teacher, int label, double temperature,
                       Map<String, Double> weights) {
        public VariantCase {
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }

        double weight(String name) {
            return weights.get(name);
        }
    }

    /** A variant's parts by the reference file's names ({@code hard}, {@code tckd}, ...), its total and gradient. */
    record VariantResult(Map<String, Double> parts, double total, double[] grad) {
    }

    /**
     * Evaluates one case.
     *
     * @throws IllegalArgumentException when the case is invalid (lengths, label, T, alpha), with a message for
     *                                  the user
     */
    Result compute(LossCase c, SoftScaling scaling);

    /** Evaluates a case of another loss; {@code IllegalArgumentException} for an invalid one. */
    VariantResult computeVariant(VariantCase c);

    /** Releases native resources, if any. */
    @Override
    default void close() {
    }
}
