package org.kdplayground.lessons;

import java.util.List;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.kdplayground.ui.I18n;

/**
 * The lesson panel's state: which lesson and step is shown, whether the panel is open, and the step's texts in the
 * current language. Showing a step applies its set-up to the screens through the {@link LessonStage}.
 */
public final class LessonsModel {

    // ---- properties
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", 0);
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    private final ObjectBinding<LessonStep> step;
    private final StringBinding title;
    private final StringBinding text;
    private final StringBinding counter;
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    private final I18n i18n;
    private final LessonStage stage;
    private final List<Lesson> lessons;

    public LessonsModel(I18n i18n, LessonStage stage, List<Lesson> lessons) {
        this.i18n = Objects.requireNonNull(i18n);
        this.stage = Objects.requireNonNull(stage);
        this.lessons = List.copyOf(lessons);
        lesson.set(this.lessons.get(0));
        step = Bindings.createObjectBinding(() -> lesson.get().steps().get(stepIndex.get()), lesson, stepIndex);
        title = Bindings.createStringBinding(() -> i18n.get(step.get().titleKey()), step, i18n.table());
        text = Bindings.createStringBinding(() -> i18n.get(step.get().textKey()), step, i18n.table());
        counter = Bindings.createStringBinding(() -> i18n.formatNow("lessons_counter", stepIndex.get() + 1,
                lesson.get().steps().size()), lesson, stepIndex, i18n.table());
        canGoBack = stepIndex.greaterThan(0);
        canGoNext = Bindings.createBooleanBinding(() -> stepIndex.get() < lesson.get().steps().size() - 1,
                lesson, stepIndex);
    }

    /** The five lessons of the app, acting on the given stage. */
    public static LessonsModel withAllLessons(I18n i18n, LessonStage stage) {
        return new LessonsModel(i18n, stage, LessonCatalog.all());
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public Lesson getLesson() {
        return lesson.get();
    }

    /** The step shown, 0-based. */
    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public int getStepIndex() {
        return stepIndex.get();
    }

    /** Whether the lesson panel is shown. */
    public BooleanProperty openProperty() {
        return open;
    }

    public boolean isOpen() {
        return open.get();
    }

    public ObjectBinding<LessonStep> stepProperty() {
        return step;
    }

    public LessonStep getStep() {
        return step.get();
    }

    /** The step's title in the current language. */
    public StringBinding titleProperty() {
        return title;
    }

    /** The step's text in the current language. */
    public StringBinding textProperty() {
        return text;
    }

    /** "3 / 7". */
    public StringBinding counterProperty() {
        return counter;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    // ---- commands

    /** Opens the panel on a lesson's first step and sets the screens up for it. */
    public void open(Lesson target) {
        if (!lessons.contains(target)) {
            throw new IllegalArgumentException("unknown lesson " + target.id());
        }
        lesson.set(target);
        stepIndex.set(0);
        open.set(true);
        applyStep();
    }

    /** Opens the panel on the lesson shown last, at its step, setting the screens up again. */
    public void show() {
        open.set(true);
        applyStep();
    }

    /** Opens the panel, or closes it when it is open. */
    public void toggle() {
        if (open.get()) {
            close();
        } else {
            show();
        }
    }

    public void close() {
        open.set(false);
    }

    /** The next step, when there is one. */
    public void next() {
        if (open.get() && canGoNext.get()) {
            stepIndex.set(stepIndex.get() + 1);
            applyStep();
        }
    }

    /** The step before, when there is one. */
    public void back() {
        if (open.get() && canGoBack.get()) {
            stepIndex.set(stepIndex.get() - 1);
            applyStep();
        }
    }

    /** Starts the run the step offers (a training run or a sweep); does nothing for steps without one. */
    public void startRun() {
        switch (step.get().run()) {
            case TRAINING -> stage.startTraining();
            case SWEEP -> stage.startSweep();
            case NONE -> { }
        }
    }

    private void applyStep() {
        step.get().setUp().accept(stage);
    }
}
