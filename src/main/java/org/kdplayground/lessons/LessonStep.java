package org.kdplayground.lessons;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One step of a lesson: its title and text (i18n keys), an optional formula in LaTeX (the same in every language),
 * the set-up applied when the step is shown, and an optional run the learner may start from the step.
 */
public record LessonStep(String titleKey, String textKey, String tex, Consumer<LessonStage> setUp, Run run) {

    /** A run a step offers to start: it is never started just by showing the step. */
    public enum Run { NONE, TRAINING, SWEEP }

    public LessonStep {
        Objects.requireNonNull(titleKey);
        Objects.requireNonNull(textKey);
        tex = tex == null ? "" : tex;
        Objects.requireNonNull(setUp);
        Objects.requireNonNull(run);
    }

    static LessonStep of(String titleKey, String textKey, String tex, Consumer<LessonStage> setUp) {
        return new LessonStep(titleKey, textKey, tex, setUp, Run.NONE);
    }

    static LessonStep withRun(String titleKey, String textKey, String tex, Consumer<LessonStage> setUp, Run run) {
        return new LessonStep(titleKey, textKey, tex, setUp, run);
    }
}
