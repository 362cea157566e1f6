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
        return new Measure(agreement(Predictions.argMax(teacherLogits, classes),
                Predictions.argMax(studentLogits, classes)), meanKl(teacherLogits, studentLogits, classes));
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
        int rows = Predictions.rows(teacherLogits, classes);
        if (studentLogits.length != teacherLogits.length) {
            throw new IllegalArgumentException(teacherLogits.length + " teacher logits but " + studentLogits.length
                    + " student logits");
        }
        if (rows == 0) {
            return 0;
        }
        double[] logT = new double[classes];
        double[] logS = new double[classes];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            Predictions.logSoftmax(teacherLogits, r, classes, logT);
            Predictions.logSoftmax(studentLogits, r, classes, logS);
            double kl = 0;
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(logT[c]);
                if (p > 0) {
                    kl += p * (logT[c] - logS[c]);
                }
            }
            sum += Math.max(0, kl);
        }
        return sum / rows;
    }
}
