package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One setting a sweep varies and the values it takes, in order, none twice.
 *
 * @param setting the setting
 * @param values  its values, each a value of {@code setting}
 */
public record SweepAxis(SweptSetting setting, List<SweepValue> values) {

    /** Most values one axis may take: each is a run per seed. */
    public static final int MAX_VALUES = 12;

    public SweepAxis {
        Objects.requireNonNull(setting, "setting");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new SweepValueException(SweepValueException.Problem.EMPTY_LIST, setting, "");
        }
        if (values.size() > MAX_VALUES) {
            throw new SweepValueException(SweepValueException.Problem.TOO_MANY, setting,
                    Integer.toString(MAX_VALUES));
        }
        HashSet<SweepValue> seen = new HashSet<>();
        for (SweepValue v : values) {
            if (v.setting() != setting) {
                throw new IllegalArgumentException(v + " is not a value of " + setting.key());
            }
            if (!seen.add(v)) {
                throw new SweepValueException(SweepValueException.Problem.REPEATED, setting, v.label());
            }
        }
    }

    /** Numbers for a numeric setting, e.g. temperatures. */
    public static SweepAxis of(SweptSetting setting, List<? extends Number> numbers) {
        List<SweepValue> values = new ArrayList<>();
        for (Number n : numbers) {
            // a float as typed: 0.1f is 0.1, not its widening 0.10000000149011612
            values.add(SweepValue.of(setting, n instanceof Float f ? Double.parseDouble(Float.toString(f))
                    : n.doubleValue()));
        }
        return new SweepAxis(setting, values);
    }

    /**
     * Reads a list as a person writes it: values separated by commas ({@code 1, 2, 4}), or by semicolons when one
     * is there ({@code 64, 64; 256, 256}); full-width separators count too, blank entries are skipped.
     *
     * @throws SweepValueException naming the first bad value
     */
    public static SweepAxis parse(SweptSetting setting, String text) {
        String cleaned = text == null ? "" : text.replace('\uFF0C', ',').replace('\uFF1B', ';').strip();
        if (cleaned.startsWith("[") && cleaned.endsWith("]")) {
            cleaned = cleaned.substring(1, cleaned.length() - 1);
        }
        String separator = cleaned.contains(";") ? ";" : ",";
        List<SweepValue> values = new ArrayList<>();
        for (String part : cleaned.split(separator, -1)) {
            if (!part.isBlank()) {
                values.add(SweepValue.parse(setting, part));
            }
        }
        return new SweepAxis(setting, values);
    }

    /** The values as a person would type them back, e.g. {@code 1, 2, 4} or {@code 16, 64-64}. */
    public String text() {
        return String.join(", ", values.stream().map(SweepValue::label).toList());
    }
}
