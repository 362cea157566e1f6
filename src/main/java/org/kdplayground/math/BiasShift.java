package org.kdplayground.math;

import java.util.Arrays;

/**
 * The arithmetic of Hinton et al.'s bias correction for a class left out of the transfer set (2015, section 3):
 * a shift {@code b} added to one class's output logit, chosen without labels so that the student predicts that
 * class as often as the teacher does, and the errors a model makes with such a shift.
 *
 * <p>Predictions are the arg max of the shifted logits with ties going to the lowest class index (as
 * {@code torch.argmax} does), computed in double precision. The number of rows predicted as the shifted class never
 * falls as the shift grows, which is what makes the choice of the smallest sufficient shift well defined.
 */
public final class BiasShift {

    private BiasShift() {
    }

    /** The class predicted for one row of logits after adding {@code shift} to class {@code shifted}'s logit. */
    public static int predicted(float[] logits, int shifted, double shift) {
        int best = 0;
        double bestValue = value(logits, 0, shifted, shift);
        for (int c = 1; c < logits.length; c++) {
            double v = value(logits, c, shifted, shift);
            if (v > bestValue) {
                best = c;
                bestValue = v;
            }
        }
        return best;
    }

    private static double value(float[] logits, int c, int shifted, double shift) {
        return c == shifted ? logits[c] + shift : logits[c];
    }

    /** How many rows are predicted as class {@code shifted} once {@code shift} is added to its logit. */
    public static int predictions(float[][] logits, int shifted, double shift) {
        int count = 0;
        for (float[] row : logits) {
            if (predicted(row, shifted, shift) == shifted) {
                count++;
            }
        }
        return count;
    }

    /** How many rows are predicted as class {@code cls} without a shift (e.g. by the teacher). */
    public static int predictions(float[][] logits, int cls) {
        return predictions(logits, cls, 0);
    }

    /**
     * The smallest shift {@code b >= 0} of class {@code shifted}'s logit after which at least {@code target} rows
     * (at most all of them) are predicted as that class; 0 when the rows already reach it. Exact: each row's
     * needed margin is sorted and the {@code target}-th smallest is the answer; a bisection over doubles then
     * settles the last ulps of rounding, so that the result is the smallest double for which {@link #predictions}
     * reaches the target.
     *
     * @throws IllegalArgumentException when a logit is not finite or {@code shifted} is not a class of the rows
     */
    public static double choose(float[][] logits, int shifted, int target) {
        for (int r = 0; r < logits.length; r++) {
            if (shifted < 0 || shifted >= logits[r].length) {
                throw new IllegalArgumentException("class " + shifted + " is not in row " + r + " of "
                        + logits[r].length + " logits");
            }
            for (float v : logits[r]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("logit " + v + " in row " + r + " is not finite");
                }
            }
        }
        int wanted = Math.min(target, logits.length);
        if (wanted <= 0 || predictions(logits, shifted, 0) >= wanted) {
            return 0;
        }
        double[] margins = new double[logits.length];
        for (int r = 0; r < logits.length; r++) {
            float[] row = logits[r];
            double needed = 0;
            for (int c = 0; c < row.length; c++) {
                if (c != shifted) {
                    double gap = (double) row[c] - row[shifted];
                    // a class below the shifted one wins ties, so it must be passed, not just reached
                    needed = Math.max(needed, c < shifted ? Math.nextUp(gap) : gap);
                }
            }
            margins[r] = needed;
        }
        Arrays.sort(margins);
        // the sorted margins give the answer up to rounding; make it exact for predictions() by bisection
        double hi = Math.max(0, margins[wanted - 1]);
        double step = Math.max(Math.ulp(hi), Double.MIN_NORMAL);
        while (predictions(logits, shifted, hi) < wanted) {
            hi += step;
            step *= 2;
        }
        double lo = 0; // reaches fewer than wanted, checked above
        while (true) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return hi;
            }
            if (predictions(logits, shifted, mid) >= wanted) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }

    /**
     * Errors of a model on labelled rows once {@code shift} is added to class {@code shifted}'s logit.
     *
     * @param logits  one row per example
     * @param labels  the true class of each row
     */
    public static Errors errors(float[][] logits, int[] labels, int shifted, double shift) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException(logits.length + " rows of logits but " + labels.length + " labels");
        }
        int total = 0;
        int onClass = 0;
        int classRows = 0;
        for (int r = 0; r < logits.length; r++) {
            boolean wrong = predicted(logits[r], shifted, shift) != labels[r];
            if (wrong) {
                total++;
            }
            if (labels[r] == shifted) {
                classRows++;
                if (wrong) {
                    onClass++;
                }
            }
        }
        return new Errors(total, onClass, logits.length, classRows);
    }

    /**
     * Errors on a labelled set.
     *
     * @param total     wrong predictions over all rows
     * @param onClass   wrong predictions on the rows of the shifted class
     * @param rows      all rows
     * @param classRows rows of the shifted class
     */
    public record Errors(int total, int onClass, int rows, int classRows) {

        /** Share of the rows predicted right, in [0, 1]; 0 for no rows. */
        public double accuracy() {
            return rows == 0 ? 0 : (rows - total) / (double) rows;
        }
    }
}
