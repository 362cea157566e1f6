package org.kdplayground.training.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.Range;
import org.kdplayground.engine.SweepAxis;
import org.kdplayground.engine.SweepValue;
import org.kdplayground.engine.SweepValueException;
import org.kdplayground.engine.SweptSetting;
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

    /**
     * A sweep's list of values for the setting {@code setting} gives when the text is parsed, e.g. "1, 2, 4, 8" for T
     * or "16, 64, 256-256" for hidden layers: each valid for the setting, no repeats, at most
     * {@value SweepAxis#MAX_VALUES}.
     */
    public static Parser<SweepAxis> sweepValues(Supplier<SweptSetting> setting) {
        return text -> {
            try {
                return SweepAxis.parse(setting.get(), text);
            } catch (SweepValueException e) {
                throw switch (e.problem()) {
                    case NOT_A_NUMBER -> new Invalid("setup_error_number", e.value());
                    case OUT_OF_RANGE -> new Invalid("sweep_error_range", e.value(),
                            e.setting().numericSetting().range().describe());
                    case NOT_A_LOSS -> new Invalid("sweep_error_loss", e.value());
                    case NOT_LAYERS -> new Invalid("sweep_error_layers", e.value(), SweepValue.MAX_LAYERS,
                            SweepValue.MAX_UNITS);
                    case REPEATED -> new Invalid("sweep_error_repeat", e.value());
                    case EMPTY_LIST, TOO_MANY -> new Invalid("sweep_error_count", SweepAxis.MAX_VALUES);
                };
            }
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
