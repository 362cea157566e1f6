package org.kdplayground.lessons;

import java.util.List;
import java.util.Objects;

/** A lesson: its title (an i18n key) and its steps, in order. */
public record Lesson(String id, String titleKey, List<LessonStep> steps) {

    public Lesson {
        Objects.requireNonNull(id);
        Objects.requireNonNull(titleKey);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs steps: " + id);
        }
    }
}
