package org.kdplayground.engine;

import org.kdplayground.engine.loss.LossMethod;

/**
 * A sweep value or list that cannot be used, with what is wrong, so the command line can say it in a line and a
 * screen in the learner's language.
 */
public final class SweepValueException extends IllegalArgumentException {

    /** What is wrong. */
    public enum Problem {
        NOT_A_NUMBER, OUT_OF_RANGE, NOT_A_LOSS, NOT_LAYERS, REPEATED, EMPTY_LIST, TOO_MANY
    }

    private final Problem problem;
    private final SweptSetting setting;
    private final String value;

    public SweepValueException(Problem problem, SweptSetting setting, String value) {
        super(message(problem, setting, value));
        this.problem = problem;
        this.setting = setting;
        this.value = value;
    }

    public Problem problem() {
        return problem;
    }

    public SweptSetting setting() {
        return setting;
    }

    /** The value as written (empty for an empty list). */
    public String value() {
        return value;
    }

    private static String message(Problem problem, SweptSetting setting, String value) {
        String key = setting.key();
        return switch (problem) {
            case NOT_A_NUMBER -> "\"" + value + "\" is not a number (" + key + ")";
            case OUT_OF_RANGE -> key + " " + value + " is outside " + setting.numericSetting().range().describe();
            case NOT_A_LOSS -> "\"" + value + "\" is not a loss: give " + LossMethod.ids();
            case NOT_LAYERS -> "\"" + value + "\" is not hidden layer sizes (" + key + "): give 1 to "
                    + SweepValue.MAX_LAYERS + " whole numbers from 1 to " + SweepValue.MAX_UNITS
                    + " joined by \"-\", e.g. 256-256";
            case REPEATED -> key + " " + value + " appears twice";
            case EMPTY_LIST -> "no " + key + " value to sweep: give at least one";
            case TOO_MANY -> "too many " + key + " values: at most " + value;
        };
    }
}
