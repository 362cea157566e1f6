package org.kdplayground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at "nice" values (1, 2, 5 times a power of ten), and their labels. */
public final class Ticks {

    private Ticks() {
    }

    /** About {@code count} ticks within [min, max]; decades for a log axis. */
    public static List<Double> of(double min, double max, int count, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || count < 1) {
            return ticks;
        }
        if (log) {
            for (double decade = Math.pow(10, Math.ceil(Math.log10(min) - 1e-9)); decade <= max * (1 + 1e-9);
                 decade *= 10) {
                ticks.add(decade);
            }
            return ticks;
        }
        double step = niceStep((max - min) / count);
        for (double tick = Math.ceil(min / step - 1e-9) * step; tick <= max + step * 1e-9; tick += step) {
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
        }
        return ticks;
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** A fraction's tick as a percentage, e.g. 0.05 as "5%" and 0.025 as "2.5%" (rounded to 1e-4 %, so no 4.999…). */
    public static String percent(double fraction) {
        return format(Math.rint(fraction * 1e6) / 1e4) + "%";
    }

    /** A short label: whole numbers plainly, small or large values in scientific notation. */
    public static String format(double value) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0";
        }
        if (abs >= 1e5 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%,d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceFirst("\\.?0+$", "");
    }
}
