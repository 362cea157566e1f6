package org.kdplayground.explorer;

import java.util.Random;

/** Ready-made logits that show one idea each; the label key names the preset in the menu. */
public enum Preset {
    /** The notebook's figure: teacher [2.0, 1.0, 0.5, 0.1, −0.5]; a student that prefers the wrong class. */
    NOTEBOOK("explorer_preset_notebook"),
    /** A teacher sure of the true class: 10 there, 0 down to −2 elsewhere. */
    CONFIDENT_TEACHER("explorer_preset_confident"),
    /** A teacher that hesitates: 0.5 at the true class, 0.3 down to 0 elsewhere. */
    UNCERTAIN_TEACHER("explorer_preset_uncertain"),
    /** The student copies the teacher: KL and the soft gradient vanish. */
    STUDENT_EQUALS_TEACHER("explorer_preset_student_equals_teacher"),
    /** Both sides drawn from N(0, 2²) with a seed, reproducibly. */
    RANDOM("explorer_preset_random");

    static final double[] NOTEBOOK_TEACHER = {2.0, 1.0, 0.5, 0.1, -0.5};
    static final double[] NOTEBOOK_STUDENT = {1.0, 1.5, 0.2, 0.3, -0.5};

    private final String labelKey;

    Preset(String labelKey) {
        this.labelKey = labelKey;
    }

    /** The i18n key of the preset's name. */
    public String labelKey() {
        return labelKey;
    }

    /** A confident teacher's logits for {@code classes} classes with the true class {@code label}. */
    static double[] confidentTeacher(int classes, int label) {
        return ramp(classes, label, 10.0, 0.0, -2.0);
    }

    /** An uncertain teacher's logits for {@code classes} classes with the true class {@code label}. */
    static double[] uncertainTeacher(int classes, int label) {
        return ramp(classes, label, 0.5, 0.3, 0.0);
    }

    /** Logits drawn from N(0, 2²), the same for the same seed. */
    static double[] random(int classes, Random random) {
        double[] logits = new double[classes];
        for (int i = 0; i < classes; i++) {
            logits[i] = Math.round(random.nextGaussian() * 2.0 * 100.0) / 100.0;
        }
        return logits;
    }

    private static double[] ramp(int classes, int label, double top, double from, double to) {
        double[] logits = new double[classes];
        int others = classes - 1;
        int k = 0;
        for (int i = 0; i < classes; i++) {
            if (i == label) {
                logits[i] = top;
            } else {
                logits[i] = others == 1 ? from : from + (to - from) * k / (others - 1.0);
                k++;
            }
        }
        return logits;
    }
}
