package org.kdplayground.engine;

import java.util.List;

/**
 * Mean and <em>sample</em> standard deviation (n − 1 in the denominator) of a few values, such as one accuracy over
 * seeds: with three to five seeds the population formula would understate the spread a learner should expect.
 *
 * @param n    how many values
 * @param mean their mean; NaN when there are none
 * @param sd   their sample standard deviation; NaN when {@code n < 2} (one seed says nothing about the spread)
 */
public record Spread(int n, double mean, double sd) {

    /** The spread of these values. */
    public static Spread of(double... values) {
        int n = values.length;
        if (n == 0) {
            return new Spread(0, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Spread(1, mean, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Spread(n, mean, Math.sqrt(squares / (n - 1)));
    }

    /** The spread of these values. */
    public static Spread of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Whether a spread is known (two values or more). */
    public boolean hasSd() {
        return !Double.isNaN(sd);
    }
}
