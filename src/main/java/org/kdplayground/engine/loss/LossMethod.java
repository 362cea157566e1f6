package org.kdplayground.engine.loss;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import ai.djl.ndarray.NDManager;

/**
 * The distillation losses a run can use: each with its id in files and on the command line, the parts it reports
 * and how to make it. A new loss is a constant here beside its {@link StudentLoss} (and its exact twin in
 * {@code math}).
 */
public enum LossMethod {
    /** Hinton et al. 2015, the teaching notebook's: α·CE(y, p_s) + (1 − α)·T²·KL(p_t^T ‖ p_s^T). */
    HINTON("hinton", List.of(LossPart.HARD, LossPart.SOFT), HintonLoss::new),
    /** Zhao et al. 2022 (mdistiller): w_ce·CE + α·TCKD + β·NCKD; the Hinton loss weights NCKD by 1 − p_t instead. */
    DKD("dkd", List.of(LossPart.HARD, LossPart.TCKD, LossPart.NCKD), DecoupledKdLossNd::new),
    /** Sun et al. 2024: the Hinton loss with standardised logits inside the KL, so shape and not scale is matched. */
    LSKD("lskd", List.of(LossPart.HARD, LossPart.SOFT), StandardizedKdLossNd::new);

    private final String id;
    private final List<LossPart> parts;
    private final BiFunction<NDManager, LossSettings, StudentLoss> factory;

    LossMethod(String id, List<LossPart> parts, BiFunction<NDManager, LossSettings, StudentLoss> factory) {
        this.id = id;
        this.parts = parts;
        this.factory = factory;
    }

    /** The name in experiment files and on the command line, e.g. {@code hinton}. */
    public String id() {
        return id;
    }

    /** The terms the loss reports, in the order of {@link StudentLoss.Value#parts()}. */
    public List<LossPart> parts() {
        return parts;
    }

    /** A new loss whose constants live in a sub-manager of {@code parent}; close it to free them. */
    public StudentLoss create(NDManager parent, LossSettings settings) {
        return factory.apply(parent, settings);
    }

    /** @throws IllegalArgumentException naming the known ids */
    public static LossMethod fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the loss must be one of " + ids() + ", got \""
                        + id + "\""));
    }

    /** The ids, e.g. {@code hinton}. */
    public static String ids() {
        return Arrays.stream(values()).map(LossMethod::id).collect(Collectors.joining(", "));
    }
}
