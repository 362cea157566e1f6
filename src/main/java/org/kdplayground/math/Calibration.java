package org.kdplayground.math;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a classifier's confidence matches how often it is right (Guo et al., 2017). Predictions are binned by
 * confidence, the probability of the predicted class, into equal-width bins over (0, 1]: bin {@code b} of {@code B}
 * holds confidences in ((b)/B, (b + 1)/B]. The expected calibration error is the row-weighted mean gap between each
 * bin's accuracy and its mean confidence: ECE = Σ_b (n_b / n)·|acc_b − conf_b|.
 */
public final class Calibration {

    /** The bin count the app reports ECE with, as most papers do. */
    public static final int BINS = 15;

    private Calibration() {
    }

    /**
     * One confidence bin.
     *
     * @param lower          the bin's lower edge (excluded)
     * @param upper          its upper edge (included)
     * @param count          how many rows fell in it
     * @param meanConfidence their mean confidence (NaN for an empty bin)
     * @param accuracy       the share of them predicted correctly (NaN for an empty bin)
     */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {

        public boolean isEmpty() {
            return count == 0;
        }
    }

    /** The bins of a reliability diagram and the ECE they give, over {@code rows} rows. */
    public record Reliability(List<Bin> bins, int rows, double ece) {

        public Reliability {
            bins = List.copyOf(bins);
        }
    }

    /**
     * Bins rows by confidence.
     *
     * @param confidence each row's confidence in [0, 1]
     * @param correct    whether each row's prediction was right
     * @param bins       how many equal-width bins (at least 1)
     */
    public static Reliability reliability(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException(confidence.length + " confidences but " + correct.length + " outcomes");
        }
        Tally tally = new Tally(bins);
        for (int i = 0; i < confidence.length; i++) {
            tally.add(i, confidence[i], correct[i]);
        }
        return tally.reliability();
    }

    /**
     * Rows counted into bins one by one, each a call of its own so the JIT compiles it soon (see
     * {@link Predictions.Rows}).
     */
    private static final class Tally {

        private final int bins;
        private final int[] count;
        private final double[] confidenceSum;
        private final int[] right;
        private int rows;

        Tally(int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1: " + bins);
            }
            this.bins = bins;
            this.count = new int[bins];
            this.confidenceSum = new double[bins];
            this.right = new int[bins];
        }

        /** Counts row {@code i} (its index only names it in an error). */
        void add(int i, double c, boolean correct) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("confidence[" + i + "] is not in [0, 1]: " + c);
            }
            int b = bin(c, bins);
            count[b]++;
            confidenceSum[b] += c;
            if (correct) {
                right[b]++;
            }
            rows++;
        }

        /** Row {@code r} of a classifier's logits, its label {@code label}. */
        void add(Predictions.Rows logits, int r, int label) {
            add(r, logits.topProbability(r), logits.predicted(r) == label);
        }

        Reliability reliability() {
            List<Bin> out = new ArrayList<>(bins);
            double ece = 0;
            int n = rows;
            for (int b = 0; b < bins; b++) {
                double meanConfidence = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
                double accuracy = count[b] == 0 ? Double.NaN : right[b] / (double) count[b];
                if (count[b] > 0) {
                    ece += count[b] / (double) n * Math.abs(accuracy - meanConfidence);
                }
                out.add(new Bin(b / (double) bins, (b + 1) / (double) bins, count[b], meanConfidence, accuracy));
            }
            return new Reliability(out, n, ece);
        }
    }

    /**
     * Bins a classifier's predictions from its logits at T = 1.
     *
     * @param flatLogits row after row, {@code classes} logits each
     * @param labels     each row's true class
     */
    public static Reliability ofLogits(float[] flatLogits, int classes, int[] labels, int bins) {
        return of(Predictions.Rows.of(flatLogits, classes), labels, bins);
    }

    /** Bins a classifier's predictions from its logits' rows, summarised once ({@link Predictions.Rows}). */
    public static Reliability of(Predictions.Rows logits, int[] labels, int bins) {
        int rows = logits.count();
        if (labels.length != rows) {
            throw new IllegalArgumentException(rows + " rows of logits but " + labels.length + " labels");
        }
        Tally tally = new Tally(bins);
        for (int r = 0; r < rows; r++) {
            tally.add(logits, r, labels[r]);
        }
        return tally.reliability();
    }

    /** The bin of a confidence: (b/B, (b+1)/B] is bin b, and 0 goes to the first bin. */
    static int bin(double confidence, int bins) {
        int b = (int) Math.ceil(confidence * bins) - 1;
        return Math.max(0, Math.min(bins - 1, b));
    }
}
