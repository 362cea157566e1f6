package org.kdplayground.engine;

/**
 * The settings of a run that are numbers, each with the one range that the explorer, the training screen, the
 * command line, the files and the engine all accept. The key is the setting's name in experiment and workspace files
 * and the set-up field's id.
 */
public enum NumericSetting {
    /** T: above 0.1 the soft targets of any logits the app shows stay finite in float; above 100 nothing new is seen. */
    TEMPERATURE("temperature", Range.closed(0.1, 100)),
    ALPHA("alpha", Range.closed(0, 1)),
    LEARNING_RATE("learningRate", Range.aboveUpTo(0, 10)),
    TEACHER_EPOCHS("teacherEpochs", Range.wholes(1, 10_000)),
    STUDENT_EPOCHS("studentEpochs", Range.wholes(1, 10_000)),
    BATCH_SIZE("batchSize", Range.wholes(1, 65_536)),
    LABELLED_FRACTION("labelledFraction", Range.aboveUpTo(0, 1)),
    /** DKD: weight of the cross-entropy with the labels. */
    CE_WEIGHT("ceWeight", Range.closed(0, 10)),
    /** DKD: weight of the target-class term (TCKD). */
    DKD_ALPHA("dkdAlpha", Range.closed(0, 100)),
    /** DKD: weight of the non-target-class term (NCKD), the dark knowledge. */
    DKD_BETA("dkdBeta", Range.closed(0, 100)),
    /** DKD: epochs over which its distillation weight rises linearly to full (mdistiller uses 20); 0 for none. */
    DKD_WARMUP_EPOCHS("dkdWarmupEpochs", Range.wholes(0, 10_000)),
    /** ε of the teacher's label smoothing; at 0.5 half of every label would be noise. */
    TEACHER_LABEL_SMOOTHING("teacherLabelSmoothing", Range.fromBelow(0, 0.5));

    private final String key;
    private final Range range;

    NumericSetting(String key, Range range) {
        this.key = key;
        this.range = range;
    }

    public String key() {
        return key;
    }

    public Range range() {
        return range;
    }

    /**
     * This setting's value in {@code settings}; a float setting as the shortest decimal that reads back as the same
     * float (a learning rate of 0.005, not 0.004999999888241291), as a person typed it.
     */
    public double valueIn(RunSettings settings) {
        return switch (this) {
            case TEMPERATURE -> typed(settings.temperature());
            case ALPHA -> typed(settings.alpha());
            case LEARNING_RATE -> typed(settings.learningRate());
            case TEACHER_EPOCHS -> settings.teacherEpochs();
            case STUDENT_EPOCHS -> settings.studentEpochs();
            case BATCH_SIZE -> settings.batchSize();
            case LABELLED_FRACTION -> settings.labelledFraction();
            case CE_WEIGHT -> typed(settings.ceWeight());
            case DKD_ALPHA -> typed(settings.dkdAlpha());
            case DKD_BETA -> typed(settings.dkdBeta());
            case DKD_WARMUP_EPOCHS -> settings.dkdWarmupEpochs();
            case TEACHER_LABEL_SMOOTHING -> typed(settings.teacherLabelSmoothing());
        };
    }

    /**
     * {@code settings} with this setting changed.
     *
     * @throws IllegalArgumentException when {@code value} is out of range
     */
    public RunSettings with(RunSettings settings, double value) {
        check(value);
        return switch (this) {
            case TEMPERATURE -> settings.withTemperature((float) value);
            case ALPHA -> settings.withAlpha((float) value);
            case LEARNING_RATE -> settings.withLearningRate((float) value);
            case TEACHER_EPOCHS -> settings.withTeacherEpochs((int) value);
            case STUDENT_EPOCHS -> settings.withStudentEpochs((int) value);
            case BATCH_SIZE -> settings.withBatchSize((int) value);
            case LABELLED_FRACTION -> settings.withLabelledFraction(value);
            case CE_WEIGHT -> settings.withCeWeight((float) value);
            case DKD_ALPHA -> settings.withDkdAlpha((float) value);
            case DKD_BETA -> settings.withDkdBeta((float) value);
            case DKD_WARMUP_EPOCHS -> settings.withDkdWarmupEpochs((int) value);
            case TEACHER_LABEL_SMOOTHING -> settings.withTeacherLabelSmoothing((float) value);
        };
    }

    private static double typed(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** @throws IllegalArgumentException naming this setting and its range when {@code value} is outside it */
    public void check(double value) {
        if (!range.contains(value)) {
            throw new IllegalArgumentException("\"" + key + "\" must be " + (range.wholeOnly() ? "a whole number from "
                    : "in ") + range.describe() + ", got " + Range.plain(value));
        }
    }
}
