package org.kdplayground.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers look everywhere (design.md): the same digits in every language. */
public final class NumberFormats {

    private NumberFormats() {
    }

    /** A probability as a percentage with 1 decimal ("12.3%"), or scientific below 0.001% ("2.1e-7%"). */
    public static String percent(double probability) {
        double percent = probability * 100.0;
        if (percent != 0.0 && Math.abs(percent) < 0.001) {
            return String.format(Locale.ROOT, "%.1e%%", percent);
        }
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A value with 4 significant digits ("0.7160", "12.35", "1.235e-5"); infinite values as "∞". */
    public static String significant(double value) {
        return significant(value, 4);
    }

    /** A value with the given number of significant digits. */
    public static String significant(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value).replace('-', '−');
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
        String text = rounded.scale() > 0 ? rounded.toPlainString() : rounded.setScale(0).toPlainString();
        return text.replace('-', '−');
    }

    /** A temperature with 2 decimals ("4.00"). */
    public static String temperature(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A plain number for an input field: up to 4 decimals, no trailing zeros ("2", "-0.5", "0.1235"). */
    public static String editable(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
