package org.kdplayground.ui;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads the numbers a learner types, the same on every screen: plain decimals with an optional exponent (no NaN,
 * Infinity, hex or type suffixes), the typographic and full-width minus too; lists split at commas (full-width ones
 * too), semicolons or spaces.
 */
public final class NumberText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** The number in {@code text}, or empty when it is not a plain finite decimal. */
    public static OptionalDouble parse(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String cleaned = text.strip().replace('\u2212', '-').replace('\uFF0D', '-');
        if (!DECIMAL.matcher(cleaned).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(cleaned);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The items of a comma-separated list (the full-width comma and semicolons count as commas too). */
    public static String[] splitList(String text) {
        String cleaned = text == null ? ""
                : text.strip().replace('\uFF0C', ',').replace(';', ',').replace('\uFF1B', ',');
        if (cleaned.startsWith("[") && cleaned.endsWith("]")) {
            cleaned = cleaned.substring(1, cleaned.length() - 1);
        }
        return cleaned.isBlank() ? new String[0] : cleaned.split("\\s*,\\s*|\\s+", -1);
    }
}
