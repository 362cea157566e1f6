package org.kdplayground.training.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.Range;
import org.kdplayground.training.setup.SetupField.Invalid;
import org.kdplayground.training.setup.SetupField.Parser;
import org.kdplayground.ui.NumberText;

/** The parsers of the set-up panel's fields, each with the range a classroom run can use. */
public final class Parsers {

    static final int MAX_LAYERS = 6;
    static final int MAX_UNITS = 4096;

    private Parsers() {
    }

    public static Parser<Double> decimal(double min, double max, boolean minInclusive) {
        return text -> {
            double v = number(text);
            if ((minInclusive ? v < min : v <= min) || v > max) {
                throw new Invalid(minInclusive ? "setup_error_range" : "setup_error_range_open", fmt(min), fmt(max));
            }
            return v;
        };
    }

    /** A run setting's number, within its range: the range is the setting's, the same everywhere in the app. */
    public static Parser<Double> setting(NumericSetting setting) {
        Range range = setting.range();
        return text -> {
            double v = number(text);
            if (range.wholeOnly() && v != Math.rint(v)) {
                throw new Invalid("setup_error_whole");
            }
            if (!range.contains(v)) {
                throw new Invalid(!range.maxIncluded() ? "setup_error_range_below"
                        : range.minIncluded() ? "setup_error_range" : "setup_error_range_open",
                        fmt(range.min()), fmt(range.max()));
            }
            return v;
        };
    }

    public static Parser<Integer> whole(int min, int max) {
        return text -> {
            double v = number(text);
            if (v != Math.rint(v)) {
                throw new Invalid("setup_error_whole");
            }
            if (v < min || v > max) {
                throw new Invalid("setup_error_range", fmt(min), fmt(max));
            }
            return (int) v;
        };
    }

    public static Parser<Long> seed() {
        return text -> {
            try {
                return Long.parseLong(text.replace('\u2212', '-').replace('\uFF0D', '-'));
            } catch (NumberFormatException e) {
                throw new Invalid("setup_error_seed");
            }
        };
    }

    /** Hidden layer sizes such as "64, 64"; empty means no hidden layer (a linear classifier). */
    public static Parser<List<Integer>> layers() {
        return text -> {
            List<Integer> sizes = new ArrayList<>();
            if (text.isBlank()) {
                return sizes;
            }
            for (String part : NumberText.splitList(text)) {
                if (part.isBlank()) {
                    continue;
                }
                OptionalDouble parsed = NumberText.parse(part);
                if (parsed.isEmpty() || parsed.getAsDouble() != Math.rint(parsed.getAsDouble())) {
                    throw new Invalid("setup_error_layers");
                }
                double units = parsed.getAsDouble();
                if (units < 1 || units > MAX_UNITS) {
                    throw new Invalid("setup_error_units", MAX_UNITS);
                }
                sizes.add((int) units);
            }
            if (sizes.size() > MAX_LAYERS) {
                throw new Invalid("setup_error_depth", MAX_LAYERS);
            }
            return sizes;
        };
    }

    /** A list of temperatures for a sweep, e.g. "1, 2, 4, 8": each in T's range, no repeats. */
    public static Parser<List<Float>> temperatures() {
        return text -> {
            List<Float> values = new ArrayList<>();
            for (String part : NumberText.splitList(text)) {
                if (part.isBlank()) {
                    continue;
                }
                double v = setting(NumericSetting.TEMPERATURE).parse(part);
                if (values.contains((float) v)) {
                    throw new Invalid("sweep_error_repeat", part);
                }
                values.add((float) v);
            }
            if (values.isEmpty() || values.size() > 12) {
                throw new Invalid("sweep_error_count", 12);
            }
            return values;
        };
    }

    static String layersText(List<Integer> layers) {
        return String.join(", ", layers.stream().map(String::valueOf).toList());
    }

    private static double number(String text) throws Invalid {
        if (text.isEmpty()) {
            throw new Invalid("setup_error_empty");
        }
        OptionalDouble value = NumberText.parse(text);
        if (value.isEmpty()) {
            throw new Invalid("setup_error_number", text);
        }
        return value.getAsDouble();
    }

    /**
     * A float as the user typed it: its shortest decimal ("0.005"), not the decimal expansion of its widening to
     * double ("0.004999999888241291").
     */
    public static String fmt(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
    }

    public static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
