package org.kdplayground.training.live;

/** What the per-epoch chart beside the loss shows: each model's accuracy, each student's agreement, or calibration. */
public enum EpochMeasure {
    /** Test (solid) and training (faint) accuracy of the three models. */
    ACCURACY("chart_note_accuracy"),
    /** Each student's top-1 agreement with the teacher on the test set (solid), its test accuracy (faint). */
    AGREEMENT("chart_note_agreement"),
    /** Expected calibration error of the three models on the test set. */
    ECE("chart_note_ece");

    private final String noteKey;

    EpochMeasure(String noteKey) {
        this.noteKey = noteKey;
    }

    /** The message key of the note beside the choice: what the lines are. */
    public String noteKey() {
        return noteKey;
    }
}
