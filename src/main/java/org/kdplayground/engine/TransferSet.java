package org.kdplayground.engine;

/**
 * Which training inputs the soft (teacher) loss sees. The hard loss always uses labelled examples only.
 */
public enum TransferSet {
    /** Only the labelled examples: distillation can only reshape what the labels already teach. */
    LABELLED,
    /** Every training input, labelled or not: the teacher labels the rest (Hinton's transfer set). */
    ALL
}
