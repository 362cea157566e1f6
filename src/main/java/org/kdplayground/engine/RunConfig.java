package org.kdplayground.engine;

import java.util.Objects;
import java.util.function.UnaryOperator;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.Split;
import org.kdplayground.data.Splits;

/**
 * A run ready for the engine: normalised data, the networks, the settings and the labelled rows, immutable so a run
 * can be reproduced from it (the same configuration gives bit-identical metrics on CPU).
 *
 * @param train              the training set (normalised); every row carries a label, but only the
 *                           {@code labelledRows} are used as labelled
 * @param test               held-out examples for test accuracy
 * @param teacher            the teacher's architecture
 * @param student            the architecture shared by the distilled and the baseline student
 * @param settings           loss, T, α, optimiser, epochs, transfer set, seed, omitted class
 * @param labelledRows       the labelled training rows, ascending and distinct
 * @param cacheTeacherLogits true: the frozen teacher's soft targets are computed once for the whole training
 *                           set; false: a teacher forward every step (slower, kept to measure the saving)
 * @param reuseTeacher       true: take a trained teacher from {@link TeacherCache} when one fits
 */
public record RunConfig(Dataset train, Dataset test, MlpSpec teacher, MlpSpec student, RunSettings settings,
                        int[] labelledRows, boolean cacheTeacherLogits, boolean reuseTeacher) {

    public RunConfig {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(settings, "settings");
        labelledRows = Objects.requireNonNull(labelledRows, "labelledRows").clone();
        require(train.size() > 0, "the training set is empty");
        require(train.classCount() >= 2, "at least two classes are needed");
        require(test.size() == 0 || test.featureCount() == train.featureCount(),
                "test rows have " + test.featureCount() + " features, training rows " + train.featureCount());
        require(test.classCount() == train.classCount(), "test and training sets have different classes");
        require(labelledRows.length > 0, "no training row is labelled");
        for (int i = 0; i < labelledRows.length; i++) {
            require(labelledRows[i] >= 0 && labelledRows[i] < train.size()
                    && (i == 0 || labelledRows[i] > labelledRows[i - 1]),
                    "labelled rows must be ascending, distinct and in [0, " + train.size() + ")");
        }
        for (int label : train.labels()) {
            require(label >= 0 && label < train.classCount(), "training label out of range: " + label);
        }
        for (int label : test.labels()) {
            require(label >= 0 && label < train.classCount(), "test label out of range: " + label);
        }
        int omitted = settings.omittedClass();
        require(omitted < train.classCount(), "the omitted class must be a class of the data, 0 to "
                + (train.classCount() - 1) + " (or none): " + omitted);
        if (settings.omitsAClass()) {
            boolean studentsHaveLabels = false;
            for (int row : labelledRows) {
                studentsHaveLabels |= train.labels()[row] != omitted;
            }
            require(studentsHaveLabels, "leaving out class " + omitted
                    + " leaves the students no labelled training row");
        }
    }

    /** This configuration with {@code reuseTeacher} set: a one-off run neither looks in the cache nor fills it. */
    public RunConfig withReuseTeacher(boolean reuse) {
        return reuse == reuseTeacher ? this
                : new RunConfig(train, test, teacher, student, settings, labelledRows, cacheTeacherLogits, reuse);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The labelled rows (a copy). */
    @Override
    public int[] labelledRows() {
        return labelledRows.clone();
    }

    /** How many training rows are labelled. */
    public int labelledCount() {
        return labelledRows.length;
    }

    /** A builder with the presets for {@code train} and the default settings; labelled rows from the settings. */
    public static Builder builder(Dataset train, Dataset test) {
        return new Builder(train, test);
    }

    /** A builder for a data split: its train and test sets, and its labelled rows (and their share as the fraction). */
    public static Builder builder(Split split) {
        Builder b = new Builder(split.train(), split.test());
        b.labelledRows = split.labelled();
        b.settings = b.settings.withLabelledFraction(split.labelledCount() / (double) split.train().size());
        return b;
    }

    /** A builder starting from this configuration, to change a few values. */
    public Builder toBuilder() {
        Builder b = new Builder(train, test);
        b.teacher = teacher;
        b.student = student;
        b.settings = settings;
        b.labelledRows = labelledRows;
        b.cacheTeacherLogits = cacheTeacherLogits;
        b.reuseTeacher = reuseTeacher;
        return b;
    }

    /**
     * Mutable helper for building a {@link RunConfig}. Without labelled rows of its own, the rows are chosen from the
     * settings' labelled fraction and seed ({@link Splits#labelledRows}) when it is built.
     */
    public static final class Builder {
        private final Dataset train;
        private final Dataset test;
        private MlpSpec teacher;
        private MlpSpec student;
        private RunSettings settings = RunSettings.DEFAULTS;
        private int[] labelledRows;
        private boolean cacheTeacherLogits = true;
        private boolean reuseTeacher = true;

        private Builder(Dataset train, Dataset test) {
            this.train = train;
            this.test = test;
            this.teacher = Presets.teacherFor(train);
            this.student = Presets.studentFor(train);
        }

        public Builder teacher(MlpSpec value) {
            teacher = value;
            return this;
        }

        public Builder student(MlpSpec value) {
            student = value;
            return this;
        }

        public Builder settings(RunSettings value) {
            settings = Objects.requireNonNull(value);
            return this;
        }

        /** Changes the settings, e.g. {@code b.settings(s -> s.withTemperature(2))}. */
        public Builder settings(UnaryOperator<RunSettings> change) {
            return settings(change.apply(settings));
        }

        /** Sets the fraction and forgets explicit labelled rows: they are chosen again from the seed. */
        public Builder labelledFraction(double value) {
            labelledRows = null;
            return settings(settings.withLabelledFraction(value));
        }

        public Builder cacheTeacherLogits(boolean value) {
            cacheTeacherLogits = value;
            return this;
        }

        public Builder reuseTeacher(boolean value) {
            reuseTeacher = value;
            return this;
        }

        /**
         * @throws NetworkTooLargeException when teacher and student would not fit this machine ({@link NetworkBudget})
         * @throws IllegalArgumentException naming the first invalid value
         */
        public RunConfig build() {
            if (teacher != null && student != null) {
                NetworkBudget.check(teacher, student, train.featureCount(), train.classCount(),
                        settings.batchSize());
            }
            int[] rows = labelledRows != null ? labelledRows
                    : Splits.labelledRows(train, settings.labelledFraction(), settings.seed());
            return new RunConfig(train, test, teacher, student, settings, rows, cacheTeacherLogits, reuseTeacher);
        }
    }
}
