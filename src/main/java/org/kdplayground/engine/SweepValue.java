package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.kdplayground.engine.loss.LossMethod;

/**
 * One value a sweep gives its setting: a number (T, α, β, ε, the labelled fraction), a loss or hidden layer sizes.
 * Values compare by what they set, so a list can refuse repeats.
 *
 * @param setting the setting it is a value of
 * @param number  the value of a numeric setting (NaN otherwise)
 * @param loss    the loss of a {@link SweptSetting#LOSS} value (null otherwise)
 * @param hidden  the hidden layer sizes of a network value (empty otherwise)
 */
public record SweepValue(SweptSetting setting, double number, LossMethod loss, List<Integer> hidden) {

    /** Most layers a swept network may have, as on the set-up. */
    public static final int MAX_LAYERS = 8;
    /** Most units a swept layer may have, as on the set-up. */
    public static final int MAX_UNITS = 4096;

    public SweepValue {
        Objects.requireNonNull(setting, "setting");
        hidden = List.copyOf(hidden);
    }

    /** A value of a numeric setting, checked against its range. */
    public static SweepValue of(SweptSetting setting, double value) {
        if (!setting.isNumeric()) {
            throw new IllegalArgumentException(setting.key() + " does not take numbers");
        }
        if (!setting.numericSetting().range().contains(value)) {
            throw new SweepValueException(SweepValueException.Problem.OUT_OF_RANGE, setting, Range.plain(value));
        }
        return new SweepValue(setting, typed(value), null, List.of());
    }

    public static SweepValue of(LossMethod loss) {
        return new SweepValue(SweptSetting.LOSS, Double.NaN, Objects.requireNonNull(loss), List.of());
    }

    /** Hidden layer sizes for the teacher or the student, at least one layer. */
    public static SweepValue ofLayers(SweptSetting network, List<Integer> hidden) {
        if (network != SweptSetting.TEACHER_HIDDEN && network != SweptSetting.STUDENT_HIDDEN) {
            throw new IllegalArgumentException(network.key() + " does not take layer sizes");
        }
        String text = hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
        if (hidden.isEmpty() || hidden.size() > MAX_LAYERS
                || hidden.stream().anyMatch(units -> units < 1 || units > MAX_UNITS)) {
            throw new SweepValueException(SweepValueException.Problem.NOT_LAYERS, network, text);
        }
        return new SweepValue(network, Double.NaN, null, hidden);
    }

    /**
     * Reads one value as a person writes it: {@code 4}, {@code 0.25}, {@code dkd}, {@code 256-256} (layers joined by
     * "-", "x" or spaces).
     *
     * @throws SweepValueException naming the value and what is wrong with it
     */
    public static SweepValue parse(SweptSetting setting, String text) {
        String value = text.strip();
        if (setting.isNumeric()) {
            double number;
            try {
                number = Double.parseDouble(value.replace('\u2212', '-').replace('\uFF0D', '-'));
            } catch (NumberFormatException e) {
                throw new SweepValueException(SweepValueException.Problem.NOT_A_NUMBER, setting, value);
            }
            return of(setting, number);
        }
        if (setting == SweptSetting.LOSS) {
            try {
                return of(LossMethod.fromId(value));
            } catch (IllegalArgumentException e) {
                throw new SweepValueException(SweepValueException.Problem.NOT_A_LOSS, setting, value);
            }
        }
        if (!value.matches("\\d+([-xX×*,\\s]+\\d+)*")) {
            throw new SweepValueException(SweepValueException.Problem.NOT_LAYERS, setting, value);
        }
        List<Integer> layers = new ArrayList<>();
        for (String part : value.split("[-xX×*,\\s]+")) {
            try {
                layers.add(Integer.parseInt(part));
            } catch (NumberFormatException e) { // more digits than an int holds
                throw new SweepValueException(SweepValueException.Problem.NOT_LAYERS, setting, value);
            }
        }
        return ofLayers(setting, layers);
    }

    /** How the value reads in a CSV cell, a chart's tick and a progress line: {@code 4}, {@code dkd}, {@code 64-64}. */
    public String label() {
        if (setting.isNumeric()) {
            return Range.plain(number);
        }
        if (loss != null) {
            return loss.id();
        }
        return hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /** The run configuration with this value set. */
    public RunConfig.Builder applyTo(RunConfig.Builder b, RunConfig base) {
        return switch (setting) {
            case TEMPERATURE -> b.settings(s -> s.withTemperature((float) number));
            case ALPHA -> b.settings(s -> s.withAlpha((float) number));
            case LOSS -> b.settings(s -> s.withLoss(loss));
            case DKD_BETA -> b.settings(s -> s.withLoss(LossMethod.DKD).withDkdBeta((float) number));
            case TEACHER_LABEL_SMOOTHING -> b.settings(s -> s.withTeacherLabelSmoothing((float) number));
            case TEACHER_HIDDEN -> b.teacher(new MlpSpec(hidden, base.teacher().activation(),
                    base.teacher().dropout()));
            case STUDENT_HIDDEN -> b.student(new MlpSpec(hidden, base.student().activation(),
                    base.student().dropout()));
            case LABELLED_FRACTION -> b.labelledFraction(number);
        };
    }

    /** A float setting's value as typed, so 0.1 is the float 0.1 (not its widening to double). */
    private static double typed(double value) {
        return Double.parseDouble(Float.toString((float) value));
    }

    @Override
    public String toString() {
        return setting.key() + "=" + label();
    }
}
