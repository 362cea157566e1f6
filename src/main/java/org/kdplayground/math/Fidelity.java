package org.kdplayground.math;

/**
 * How closely a student copies its teacher, whatever the labels say (Stanton et al., 2021): top-1 agreement, the
 * share of rows on which both predict the same class, and the mean KL(teacher ‖ student) of their softmaxes at T = 1.
 * An accurate student can agree little; a faithful one can be no more accurate than its teacher.
 */
public final class Fidelity {

    private Fidelity() {
    }

    /** Agreement and divergence over the same rows. */
    public record Measure(double agreement, double meanKl) {
    }

    /** Both measures from two models' logits for the same rows, stored flat. */
    public static Measure of(float[] teacherLogits, float[] studentLogits, int classes) {
        return of(Teacher.of(teacherLogits, classes), studentLogits);
    }

    /** Both measures of a student against a teacher prepared once (a frozen teacher meets a student every epoch). */
    public static Measure of(Teacher teacher, float[] studentLogits) {
        return of(teacher, Predictions.Rows.of(studentLogits, teacher.classes));
    }

    /** Both measures of a student's logits, summarised once ({@link Predictions.Rows}), against a teacher. */
    public static Measure of(Teacher teacher, Predictions.Rows student) {
        if (student.classes() != teacher.classes) {
            throw new IllegalArgumentException(teacher.classes + " teacher classes but " + student.classes()
                    + " student classes");
        }
        return new Measure(agreement(teacher.predictions, student.predictions()), meanKl(teacher, student));
    }

    /**
     * A teacher's logits with what every comparison needs of them computed once: its predictions, its log-softmax
     * and its softmax, row by row.
     */
    public static final class Teacher {

        private final float[] logits;
        private final int classes;
        private final int[] predictions;
        private final double[] logSoftmax;
        private final double[] softmax;

        private Teacher(float[] logits, int classes) {
            int rows = Predictions.rows(logits, classes);
            this.logits = logits;
            this.classes = classes;
            this.predictions = Predictions.argMax(logits, classes);
            this.logSoftmax = new double[rows * classes];
            this.softmax = new double[rows * classes];
            double[] row = new double[classes];
            for (int r = 0; r < rows; r++) {
                Predictions.logSoftmax(logits, r, classes, row);
                for (int c = 0; c < classes; c++) {
                    logSoftmax[r * classes + c] = row[c];
                    softmax[r * classes + c] = Math.exp(row[c]);
                }
            }
        }

        /** The teacher with these logits (stored flat, {@code classes} a row); the array is kept, not copied. */
        public static Teacher of(float[] logits, int classes) {
            return new Teacher(logits, classes);
        }

        /** Whether this was prepared from exactly this array (the same object). */
        public boolean isFor(float[] teacherLogits) {
            return logits == teacherLogits;
        }
    }

    /** The share of rows where the two predictions are equal; 0 for no rows. */
    public static double agreement(int[] teacher, int[] student) {
        if (teacher.length != student.length) {
            throw new IllegalArgumentException(teacher.length + " teacher predictions but " + student.length
                    + " student predictions");
        }
        if (teacher.length == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < teacher.length; i++) {
            if (teacher[i] == student[i]) {
                same++;
            }
        }
        return same / (double) teacher.length;
    }

    /** The mean over rows of KL(softmax(teacher) ‖ softmax(student)) at T = 1, in nats; 0 for no rows. */
    public static double meanKl(float[] teacherLogits, float[] studentLogits, int classes) {
        return meanKl(Teacher.of(teacherLogits, classes), Predictions.Rows.of(studentLogits, classes));
    }

    private static double meanKl(Teacher teacher, Predictions.Rows student) {
        int classes = teacher.classes;
        int rows = teacher.predictions.length;
        if (student.logits().length != teacher.logits.length) {
            throw new IllegalArgumentException(teacher.logits.length + " teacher logits but "
                    + student.logits().length + " student logits");
        }
        if (rows == 0) {
            return 0;
        }
        double[] logS = new double[classes];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += rowKl(teacher, student, r, logS);
        }
        return sum / rows;
    }

    /**
     * Row {@code r}'s KL(teacher ‖ student), at least 0 (rounding can make a tiny negative); {@code logS} is scratch.
     * A method of its own, called once a row, so the JIT compiles it within the first epoch (see
     * {@link Predictions.Rows}).
     */
    private static double rowKl(Teacher teacher, Predictions.Rows student, int r, double[] logS) {
        int classes = teacher.classes;
        student.logSoftmax(r, logS);
        double kl = 0;
        for (int c = 0; c < classes; c++) {
            double p = teacher.softmax[r * classes + c];
            if (p > 0) {
                kl += p * (teacher.logSoftmax[r * classes + c] - logS[c]);
            }
        }
        return Math.max(0, kl);
    }
}
