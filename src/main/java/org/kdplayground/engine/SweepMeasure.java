package org.kdplayground.engine;

import java.util.List;

/** What a sweep's chart plots against the swept setting: test accuracy, agreement with the teacher, or ECE. */
public enum SweepMeasure {
    ACCURACY(List.of(ModelRole.TEACHER, ModelRole.DISTILLED, ModelRole.BASELINE)),
    /** Top-1 agreement with the teacher on the test set: the students only. */
    AGREEMENT(List.of(ModelRole.DISTILLED, ModelRole.BASELINE)),
    /** Expected calibration error on the test set (15 bins): lower is better. */
    ECE(List.of(ModelRole.TEACHER, ModelRole.DISTILLED, ModelRole.BASELINE));

    private final List<ModelRole> roles;

    SweepMeasure(List<ModelRole> roles) {
        this.roles = roles;
    }

    /** The models it applies to. */
    public List<ModelRole> roles() {
        return roles;
    }

    /** The measure of {@code role} in a run; NaN where it was not measured. */
    public double of(SweepRow row, ModelRole role) {
        return switch (this) {
            case ACCURACY -> row.accuracy(role);
            case AGREEMENT -> row.agreement(role);
            case ECE -> row.ece(role);
        };
    }
}
