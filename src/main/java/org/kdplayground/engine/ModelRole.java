package org.kdplayground.engine;

/** The three networks of a run. */
public enum ModelRole {
    /** The large network trained first with cross-entropy, then frozen. */
    TEACHER,
    /** The small network trained with α·CE + (1−α)·T²·KL against the teacher. */
    DISTILLED,
    /** The same small network, same initial weights and batches, trained with CE on the labels only. */
    BASELINE
}
