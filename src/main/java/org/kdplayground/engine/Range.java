package org.kdplayground.engine;

import java.util.Locale;

/**
 * The values a setting accepts: the numbers from {@code min} to {@code max}, each end included or not, whole numbers
 * only or not. Never NaN or infinite.
 */
public record Range(double min, double max, boolean minIncluded, boolean maxIncluded, boolean wholeOnly) {

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
        return new Range(min, max, true, true, false);
    }

    /** {@code (min, max]}. */
    public static Range aboveUpTo(double min, double max) {
        return new Range(min, max, false, true, false);
    }

    /** {@code [min, max)}. */
    public static Range fromBelow(double min, double max) {
        return new Range(min, max, true, false, false);
    }

    /** The whole numbers from {@code min} to {@code max}. */
    public static Range wholes(long min, long max) {
        return new Range(min, max, true, true, true);
    }

    public boolean contains(double value) {
        return Double.isFinite(value) && (!wholeOnly || value == Math.rint(value))
                && (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
    }

    /** The range in interval notation, e.g. {@code [0.1, 100]}, {@code (0, 1]} or {@code 1 to 10000}. */
    public String describe() {
        if (wholeOnly) {
            return plain(min) + " to " + plain(max);
        }
        return (minIncluded ? "[" : "(") + plain(min) + ", " + plain(max) + (maxIncluded ? "]" : ")");
    }

    /** A number as a person writes it: no trailing ".0", no exponent for the ranges we use. */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
