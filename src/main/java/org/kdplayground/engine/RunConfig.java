package org.kdplayground.engine;

import java.util.Objects;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.Split;

/**
 * Everything that decides a distillation run, immutable so a run can be reproduced from it: the same
 * configuration gives bit-identical metrics on CPU. The optimizer is always Adam (β₁ 0.9, β₂ 0.999).
 *
 * @param train                the training set (normalised); every row carries a label, but only a
 *                             {@code labelledFraction} of them (chosen per class with the seed) is used as labelled
 * @param test                 held-out examples for test accuracy
 * @param teacher              the teacher's architecture
 * @param student              the architecture shared by the distilled and the baseline student
 * @param temperature          T of the soft loss, {@code > 0}
 * @param alpha                weight of the hard loss, in [0, 1]
 * @param learningRate         Adam's learning rate, for teacher and students
 * @param teacherEpochs        passes of the teacher over its labelled examples ({@code >= 1})
 * @param studentEpochs        passes of the students over their batches ({@code >= 1})
 * @param batchSize            rows per step
 * @param labelledFraction     share of the training rows whose labels are used, in (0, 1]
 * @param transferSet          the inputs the soft loss sees
 * @param seed                 seeds weights, dropout, the labelled subset and the batch order
 * @param teacherSeesAllLabels true: the teacher trains on every training label (a teacher trained elsewhere on
 *                             more data); false: on the labelled fraction only, like the students
 * @param cacheTeacherLogits   true: the frozen teacher's soft targets are computed once for the whole training
 *                             set; false: a teacher forward every step (slower, kept to measure the saving)
 * @param reuseTeacher         true: take a trained teacher from {@link TeacherCache} when one fits
 * @param labelledRows         the labelled training rows (ascending), e.g. from a data {@link Split}; null: chosen
 *                             per class from {@code labelledFraction} and {@code seed}
 * @param omittedClass         a class the students never see ({@link #NO_OMITTED_CLASS}: none): its rows are left out
 *                             of their transfer set and of their labelled rows, while the teacher trains on its rows
 *                             as before (Hinton et al. 2015, section 3); after training each student's bias for it
 *                             is corrected, see {@link OmittedClassResult}
 */
public record RunConfig(Dataset train, Dataset test, MlpSpec teacher, MlpSpec student, float temperature,
                        float alpha, float learningRate, int teacherEpochs, int studentEpochs, int batchSize,
                        double labelledFraction, TransferSet transferSet, long seed, boolean teacherSeesAllLabels,
                        boolean cacheTeacherLogits, boolean reuseTeacher, int[] labelledRows, int omittedClass) {

    /** The value of {@link #omittedClass()} when the students see every class. */
    public static final int NO_OMITTED_CLASS = -1;

    public RunConfig {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(transferSet, "transferSet");
        require(train.size() > 0, "the training set is empty");
        require(train.classCount() >= 2, "at least two classes are needed");
        require(test.size() == 0 || test.featureCount() == train.featureCount(),
                "test rows have " + test.featureCount() + " features, training rows " + train.featureCount());
        require(test.classCount() == train.classCount(), "test and training sets have different classes");
        require(temperature > 0 && Float.isFinite(temperature), "temperature T must be positive: " + temperature);
        require(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1]: " + alpha);
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive: "
                + learningRate);
        require(teacherEpochs >= 1, "teacher epochs must be at least 1: " + teacherEpochs);
        require(studentEpochs >= 1, "student epochs must be at least 1: " + studentEpochs);
        require(batchSize >= 1, "batch size must be at least 1: " + batchSize);
        require(labelledFraction > 0 && labelledFraction <= 1, "labelled fraction must be in (0, 1]: "
                + labelledFraction);
        if (labelledRows != null) {
            labelledRows = labelledRows.clone();
            require(labelledRows.length > 0, "no training row is labelled");
            for (int i = 0; i < labelledRows.length; i++) {
                require(labelledRows[i] >= 0 && labelledRows[i] < train.size()
                        && (i == 0 || labelledRows[i] > labelledRows[i - 1]),
                        "labelled rows must be ascending, distinct and in [0, " + train.size() + ")");
            }
        }
        for (int label : train.labels()) {
            require(label >= 0 && label < train.classCount(), "training label out of range: " + label);
        }
        for (int label : test.labels()) {
            require(label >= 0 && label < train.classCount(), "test label out of range: " + label);
        }
        require(omittedClass == NO_OMITTED_CLASS || omittedClass >= 0 && omittedClass < train.classCount(),
                "the omitted class must be a class of the data, 0 to " + (train.classCount() - 1) + " (or "
                        + NO_OMITTED_CLASS + " for none): " + omittedClass);
        if (omittedClass != NO_OMITTED_CLASS) {
            boolean studentsHaveLabels = false;
            int[] labels = train.labels();
            if (labelledRows != null) {
                for (int row : labelledRows) {
                    studentsHaveLabels |= labels[row] != omittedClass;
                }
            } else {
                for (int label : labels) {
                    studentsHaveLabels |= label != omittedClass;
                }
            }
            require(studentsHaveLabels, "leaving out class " + omittedClass
                    + " leaves the students no labelled training row");
        }
    }

    /** Whether the students are trained without one of the classes. */
    public boolean omitsAClass() {
        return omittedClass != NO_OMITTED_CLASS;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A builder with the presets for {@code train} and teaching defaults (T 4, α 0.5, Adam 0.01, batch 64). */
    public static Builder builder(Dataset train, Dataset test) {
        return new Builder(train, test);
    }

    /** A builder for a data split: its train and test sets, and its labelled rows as the labelled subset. */
    public static Builder builder(Split split) {
        Builder b = new Builder(split.train(), split.test());
        b.labelledRows = split.labelled();
        b.labelledFraction = split.labelledCount() / (double) split.train().size();
        return b;
    }

    /** The labelled rows given, if any (a copy). */
    @Override
    public int[] labelledRows() {
        return labelledRows == null ? null : labelledRows.clone();
    }

    /** A builder starting from this configuration, to change a few values. */
    public Builder toBuilder() {
        Builder b = new Builder(train, test);
        b.teacher = teacher;
        b.student = student;
        b.temperature = temperature;
        b.alpha = alpha;
        b.learningRate = learningRate;
        b.teacherEpochs = teacherEpochs;
        b.studentEpochs = studentEpochs;
        b.batchSize = batchSize;
        b.labelledFraction = labelledFraction;
        b.transferSet = transferSet;
        b.seed = seed;
        b.teacherSeesAllLabels = teacherSeesAllLabels;
        b.cacheTeacherLogits = cacheTeacherLogits;
        b.reuseTeacher = reuseTeacher;
        b.labelledRows = labelledRows;
        b.omittedClass = omittedClass;
        return b;
    }

    /** Mutable helper for building a {@link RunConfig}. */
    public static final class Builder {
        private final Dataset train;
        private final Dataset test;
        private MlpSpec teacher;
        private MlpSpec student;
        private float temperature = 4f;
        private float alpha = 0.5f;
        private float learningRate = 0.01f;
        private int teacherEpochs = 20;
        private int studentEpochs = 20;
        private int batchSize = 64;
        private double labelledFraction = 1.0;
        private TransferSet transferSet = TransferSet.LABELLED;
        private long seed = 42;
        private boolean teacherSeesAllLabels;
        private boolean cacheTeacherLogits = true;
        private boolean reuseTeacher = true;
        private int[] labelledRows;
        private int omittedClass = NO_OMITTED_CLASS;

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

        public Builder temperature(float value) {
            temperature = value;
            return this;
        }

        public Builder alpha(float value) {
            alpha = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder teacherEpochs(int value) {
            teacherEpochs = value;
            return this;
        }

        public Builder studentEpochs(int value) {
            studentEpochs = value;
            return this;
        }

        /** Sets teacher and student epochs alike. */
        public Builder epochs(int value) {
            teacherEpochs = value;
            studentEpochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Sets the fraction and forgets explicit labelled rows: they are chosen again from the seed. */
        public Builder labelledFraction(double value) {
            labelledFraction = value;
            labelledRows = null;
            return this;
        }

        public Builder transferSet(TransferSet value) {
            transferSet = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder teacherSeesAllLabels(boolean value) {
            teacherSeesAllLabels = value;
            return this;
        }

        public Builder cacheTeacherLogits(boolean value) {
            cacheTeacherLogits = value;
            return this;
        }

        public Builder reuseTeacher(boolean value) {
            reuseTeacher = value;
            return this;
        }

        /** A class the students never see, or {@link #NO_OMITTED_CLASS}. */
        public Builder omittedClass(int value) {
            omittedClass = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid value */
        public RunConfig build() {
            return new RunConfig(train, test, teacher, student, temperature, alpha, learningRate, teacherEpochs,
                    studentEpochs, batchSize, labelledFraction, transferSet, seed, teacherSeesAllLabels,
                    cacheTeacherLogits, reuseTeacher, labelledRows, omittedClass);
        }
    }
}
