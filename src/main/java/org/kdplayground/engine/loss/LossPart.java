package org.kdplayground.engine.loss;

/** A term of a distillation loss that the charts and the CSV show on its own. */
public enum LossPart {
    /** Cross-entropy with the labels, over the labelled rows of a batch. */
    HARD,
    /** The distillation term, T²·KL(teacher ‖ student) at T for the Hinton loss. */
    SOFT,
    /** DKD's target-class term: T²·KL between the binary distributions (target class, the rest). */
    TCKD,
    /** DKD's non-target-class term: T²·KL between the distributions over the other classes. */
    NCKD
}
