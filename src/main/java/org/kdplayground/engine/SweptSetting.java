package org.kdplayground.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A setting a sweep can vary: its name in the sweep's CSV and on the command line, and the numeric setting whose
 * range its values must keep (none for the loss and the networks). Sweeping DKD's β trains with DKD whatever the
 * experiment's loss, since β means nothing to the others.
 */
public enum SweptSetting {
    TEMPERATURE("T", NumericSetting.TEMPERATURE),
    ALPHA("alpha", NumericSetting.ALPHA),
    LOSS("loss", null),
    DKD_BETA("dkd_beta", NumericSetting.DKD_BETA),
    TEACHER_LABEL_SMOOTHING("teacher_label_smoothing", NumericSetting.TEACHER_LABEL_SMOOTHING),
    /** The teacher's hidden layers: the capacity gap between teacher and student. */
    TEACHER_HIDDEN("teacher_hidden", null),
    STUDENT_HIDDEN("student_hidden", null),
    LABELLED_FRACTION("labelled_fraction", NumericSetting.LABELLED_FRACTION);

    private final String key;
    private final NumericSetting numeric;

    SweptSetting(String key, NumericSetting numeric) {
        this.key = key;
        this.numeric = numeric;
    }

    /** The name in the sweep's CSV and on the command line, e.g. {@code teacher_hidden}. */
    public String key() {
        return key;
    }

    /** Whether its values are numbers (then {@link #numericSetting()} gives their range). */
    public boolean isNumeric() {
        return numeric != null;
    }

    /** The numeric setting whose range the values keep; null for the loss and the networks. */
    public NumericSetting numericSetting() {
        return numeric;
    }

    /** Whether the teacher depends on it, so each of its values trains a teacher of its own. */
    public boolean changesTheTeacher() {
        return this == TEACHER_HIDDEN || this == TEACHER_LABEL_SMOOTHING || this == LABELLED_FRACTION;
    }

    /**
     * The setting named {@code name}: its key, or its numeric setting's key ({@code temperature}, {@code dkdBeta}),
     * in any case.
     *
     * @throws IllegalArgumentException naming the known keys
     */
    public static SweptSetting fromKey(String name) {
        String wanted = name == null ? "" : name.strip();
        return Arrays.stream(values())
                .filter(s -> s.key.equalsIgnoreCase(wanted)
                        || s.numeric != null && s.numeric.key().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a sweep can vary " + keys() + ", not \"" + name
                        + "\""));
    }

    /** The keys, e.g. {@code T, alpha, loss, ...}. */
    public static String keys() {
        return Arrays.stream(values()).map(SweptSetting::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
