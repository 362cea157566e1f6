package org.kdplayground.engine;

import java.util.Objects;
import java.util.function.Consumer;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossSettings;

/**
 * The choices that decide a distillation run besides its data and networks, one value for every place that shows or
 * stores them: experiment and workspace files, the training screen's set-up, the command line's options and the
 * engine. Each number's range is its {@link NumericSetting}'s; the constructor rejects a value outside it. The
 * optimizer is always Adam (β₁ 0.9, β₂ 0.999).
 *
 * @param loss                 the distillation loss the student minimises
 * @param temperature          T of the soft loss
 * @param alpha                weight of the hard loss
 * @param learningRate         Adam's learning rate, for teacher and students
 * @param teacherEpochs        passes of the teacher over its labelled examples
 * @param studentEpochs        passes of the students over their batches
 * @param batchSize            rows per step
 * @param labelledFraction     share of the training rows whose labels are used, per class
 * @param transferSet          the inputs the soft loss sees
 * @param seed                 seeds weights, dropout, the labelled subset and the batch order
 * @param teacherSeesAllLabels true: the teacher trains on every training label (a teacher trained elsewhere on
 *                             more data); false: on the labelled fraction only, like the students
 * @param ceWeight             DKD: weight of the cross-entropy with the labels
 * @param dkdAlpha             DKD: weight of its target-class term (TCKD)
 * @param dkdBeta              DKD: weight of its non-target-class term (NCKD)
 * @param dkdWarmupEpochs      DKD: epochs over which its distillation weight rises to full; 0 for none
 * @param teacherLabelSmoothing ε of the teacher's label smoothing (the teacher's targets are
 *                             {@code (1 − ε)·onehot + ε/K}); 0 for none
 * @param omittedClass         a class the students never see ({@link #NO_OMITTED_CLASS}: none): its rows are left out
 *                             of their transfer set and labelled rows while the teacher trains on them (Hinton et al.
 *                             2015, section 3); after training each student's bias for it is corrected
 */
public record RunSettings(LossMethod loss, float temperature, float alpha, float learningRate, int teacherEpochs,
                          int studentEpochs, int batchSize, double labelledFraction, TransferSet transferSet,
                          long seed, boolean teacherSeesAllLabels, float ceWeight, float dkdAlpha, float dkdBeta,
                          int dkdWarmupEpochs, float teacherLabelSmoothing, int omittedClass)
        implements LossSettings {

    /** The value of {@link #omittedClass()} when the students see every class. */
    public static final int NO_OMITTED_CLASS = -1;

    /**
     * The teaching notebook's loss (T 4, α 0.5) with Adam 0.01, 30 epochs each, batch 64, every label, seed 42; for
     * DKD mdistiller's weights (CE 1, α 1, β 8), without its warm-up; no label smoothing.
     */
    public static final RunSettings DEFAULTS = new RunSettings(LossMethod.HINTON, 4f, 0.5f, 0.01f, 30, 30, 64, 1.0,
            TransferSet.LABELLED, 42, false, 1f, 1f, 8f, 0, 0f, NO_OMITTED_CLASS);

    public RunSettings {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(transferSet, "transferSet");
        NumericSetting.TEMPERATURE.check(temperature);
        NumericSetting.ALPHA.check(alpha);
        NumericSetting.LEARNING_RATE.check(learningRate);
        NumericSetting.TEACHER_EPOCHS.check(teacherEpochs);
        NumericSetting.STUDENT_EPOCHS.check(studentEpochs);
        NumericSetting.BATCH_SIZE.check(batchSize);
        NumericSetting.LABELLED_FRACTION.check(labelledFraction);
        NumericSetting.CE_WEIGHT.check(ceWeight);
        NumericSetting.DKD_ALPHA.check(dkdAlpha);
        NumericSetting.DKD_BETA.check(dkdBeta);
        NumericSetting.DKD_WARMUP_EPOCHS.check(dkdWarmupEpochs);
        NumericSetting.TEACHER_LABEL_SMOOTHING.check(teacherLabelSmoothing);
        if (omittedClass < NO_OMITTED_CLASS) {
            throw new IllegalArgumentException("\"omittedClass\" must be a class number (0 or more), got "
                    + omittedClass);
        }
    }

    /** Whether the students are trained without one of the classes. */
    public boolean omitsAClass() {
        return omittedClass != NO_OMITTED_CLASS;
    }

    public RunSettings withLoss(LossMethod value) {
        return edit(e -> e.loss = value);
    }

    public RunSettings withTemperature(float value) {
        return edit(e -> e.temperature = value);
    }

    public RunSettings withAlpha(float value) {
        return edit(e -> e.alpha = value);
    }

    public RunSettings withLearningRate(float value) {
        return edit(e -> e.learningRate = value);
    }

    public RunSettings withTeacherEpochs(int value) {
        return edit(e -> e.teacherEpochs = value);
    }

    public RunSettings withStudentEpochs(int value) {
        return edit(e -> e.studentEpochs = value);
    }

    /** Teacher and student epochs alike. */
    public RunSettings withEpochs(int value) {
        return edit(e -> {
            e.teacherEpochs = value;
            e.studentEpochs = value;
        });
    }

    public RunSettings withBatchSize(int value) {
        return edit(e -> e.batchSize = value);
    }

    public RunSettings withLabelledFraction(double value) {
        return edit(e -> e.labelledFraction = value);
    }

    public RunSettings withTransferSet(TransferSet value) {
        return edit(e -> e.transferSet = value);
    }

    public RunSettings withSeed(long value) {
        return edit(e -> e.seed = value);
    }

    public RunSettings withTeacherSeesAllLabels(boolean value) {
        return edit(e -> e.teacherSeesAllLabels = value);
    }

    public RunSettings withCeWeight(float value) {
        return edit(e -> e.ceWeight = value);
    }

    public RunSettings withDkdAlpha(float value) {
        return edit(e -> e.dkdAlpha = value);
    }

    public RunSettings withDkdBeta(float value) {
        return edit(e -> e.dkdBeta = value);
    }

    public RunSettings withDkdWarmupEpochs(int value) {
        return edit(e -> e.dkdWarmupEpochs = value);
    }

    public RunSettings withTeacherLabelSmoothing(float value) {
        return edit(e -> e.teacherLabelSmoothing = value);
    }

    /** A class the students never see, or {@link #NO_OMITTED_CLASS}. */
    public RunSettings withOmittedClass(int value) {
        return edit(e -> e.omittedClass = value);
    }

    private RunSettings edit(Consumer<Editor> change) {
        Editor e = new Editor(this);
        change.accept(e);
        return e.build();
    }

    /** A copy's fields while one is changed; {@link #build()} checks them as the constructor does. */
    private static final class Editor {
        private LossMethod loss;
        private float temperature;
        private float alpha;
        private float learningRate;
        private int teacherEpochs;
        private int studentEpochs;
        private int batchSize;
        private double labelledFraction;
        private TransferSet transferSet;
        private long seed;
        private boolean teacherSeesAllLabels;
        private float ceWeight;
        private float dkdAlpha;
        private float dkdBeta;
        private int dkdWarmupEpochs;
        private float teacherLabelSmoothing;
        private int omittedClass;

        Editor(RunSettings s) {
            loss = s.loss;
            temperature = s.temperature;
            alpha = s.alpha;
            learningRate = s.learningRate;
            teacherEpochs = s.teacherEpochs;
            studentEpochs = s.studentEpochs;
            batchSize = s.batchSize;
            labelledFraction = s.labelledFraction;
            transferSet = s.transferSet;
            seed = s.seed;
            teacherSeesAllLabels = s.teacherSeesAllLabels;
            ceWeight = s.ceWeight;
            dkdAlpha = s.dkdAlpha;
            dkdBeta = s.dkdBeta;
            dkdWarmupEpochs = s.dkdWarmupEpochs;
            teacherLabelSmoothing = s.teacherLabelSmoothing;
            omittedClass = s.omittedClass;
        }

        RunSettings build() {
            return new RunSettings(loss, temperature, alpha, learningRate, teacherEpochs, studentEpochs, batchSize,
                    labelledFraction, transferSet, seed, teacherSeesAllLabels, ceWeight, dkdAlpha, dkdBeta,
                    dkdWarmupEpochs, teacherLabelSmoothing, omittedClass);
        }
    }
}
