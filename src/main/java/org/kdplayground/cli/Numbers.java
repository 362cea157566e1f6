package org.kdplayground.cli;

import java.math.BigDecimal;
import java.util.Locale;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.Range;

/**
 * Parses the numbers users type on the command line, naming the option in every error. Strict on purpose:
 * plain decimal notation only (no NaN, Infinity, hex or type suffixes), so a typo never becomes a number.
 */
final class Numbers {

    private Numbers() {
    }

    /** A comma-separated list such as {@code 2,1,0.5,-0.5}; at least one finite number. */
    static double[] parseList(String text, String option) {
        if (text == null || text.isBlank()) {
            throw usage(option + " needs at least one number, e.g. " + option + " 2,1,0.5");
        }
        String[] tokens = text.split(",", -1);
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].trim();
            if (token.isEmpty()) {
                throw usage("empty value at position " + (i + 1) + " in " + option + " (stray comma?)");
            }
            values[i] = parse(token, option);
        }
        return values;
    }

    /** One finite number. */
    static double parse(String text, String option) {
        String token = text == null ? "" : text.trim();
        double value;
        try {
            value = new BigDecimal(token).doubleValue();
        } catch (NumberFormatException e) {
            throw usage("'" + token + "' is not a number in " + option);
        }
        if (!Double.isFinite(value)) {
            throw usage("'" + token + "' is too large in " + option);
        }
        return value;
    }

    /** A whole number. */
    static int parseInt(String text, String option) {
        String token = text == null ? "" : text.trim();
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw usage("'" + token + "' is not a whole number in " + option);
        }
    }

    /** The shortest text that reads back as the same number, without a needless ".0". */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Fixed-point with {@code digits} decimals, never "-0.000". */
    static String fixed(double value, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", value);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            s = s.substring(1);
        }
        return s;
    }

    /** {@code value} when it is in {@code setting}'s range, else a usage error naming {@code option} and the range. */
    static double inRange(NumericSetting setting, String option, double value) {
        Range range = setting.range();
        if (!range.contains(value)) {
            throw usage(option + " must be " + (range.wholeOnly() ? "a whole number from " : "in ") + range.describe()
                    + ", got " + plain(value));
        }
        return value;
    }

    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }
}
