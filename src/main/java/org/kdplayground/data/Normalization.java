package org.kdplayground.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How features are scaled before training, fitted on the training rows only. */
public enum Normalization {
    /** Each feature to mean 0 and standard deviation 1. */
    STANDARDIZE("standardize"),
    /** Each feature to [0, 1]. */
    UNIT_RANGE("unit-range"),
    /** As read. */
    NONE("none");

    private final String id;

    Normalization(String id) {
        this.id = id;
    }

    /** The name in experiment files, e.g. {@code unit-range}. */
    public String id() {
        return id;
    }

    /** The normaliser fitted on {@code train}. */
    public Normalizer fit(Dataset train) {
        return switch (this) {
            case STANDARDIZE -> Normalizer.standardize(train);
            case UNIT_RANGE -> Normalizer.unitRange(train);
            case NONE -> Normalizer.identity(train.featureCount());
        };
    }

    /** @throws IllegalArgumentException naming the known ids */
    public static Normalization fromId(String id) {
        return Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"normalize\" must be " + Arrays.stream(values())
                        .map(Normalization::id).collect(Collectors.joining(", ")) + ", got \"" + id + "\""));
    }
}
