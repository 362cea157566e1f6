package org.kdplayground.training;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.kdplayground.engine.EngineStatus;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.ViewLoader;

/**
 * A small two-moons run trained once, early in a session, on a training screen of its own that nobody sees (an
 * off-screen scene, drawn into a snapshot each frame), then thrown away; and the user's screen's locked set-up styles
 * computed once, within one FX task, so nothing of them is ever drawn.
 *
 * <p>Why: a session's first run is drawn cold. The JIT compiles the screen's and the engine's code while the run
 * streams, classes load, glyphs are rasterized, the set-up panel meets its greyed-out styles for the first time, so
 * the first run's frames are late where later runs' are not. A teacher's first Start in front of a class is the one
 * that matters, so the rehearsal pays that cost before it (docs/performance.md has the figures).
 *
 * <p>The rehearsal shares nothing a user sees: its own model (no run joins the history), its own view and
 * {@link I18n}, and the engine's worker only while it trains (about a second). It gives way to the user: it does not
 * start while the user's screen trains or sweeps, and stops at its next step as soon as it does.
 */
public final class TrainingRehearsal {

    /** Where a rehearsal is. */
    public enum State { NOT_STARTED, RUNNING, DONE, CANCELLED }

    /**
     * The rehearsal's set-up: the two-moons preset (short, yet every phase and chart of a run), with a seed of its own
     * so the teacher it leaves in the cache is not the user's.
     */
    static final TrainingPreset PRESET = TrainingPreset.TWO_MOONS;
    static final String SEED = "1000";

    private final TrainingModel model;
    private final Scene scene;
    private final TrainingModel userModel;
    private final Node userScreen;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NOT_STARTED);
    private final InvalidationListener userWorks = obs -> {
        if (userBusy()) {
            cancel();
        }
    };
    private WritableImage frame;
    private final AnimationTimer drawer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame = scene.snapshot(frame);
        }
    };

    /**
     * @param language   the app's language (the rehearsal draws the same glyphs)
     * @param style      styles a scene as the app's window is styled (theme, fonts)
     * @param userModel  the user's training screen's model, and
     * @param userScreen that screen: its locked set-up's styles are computed once, unseen
     * @param width      the size the rehearsal's screen is laid out at (the window's)
     */
    public TrainingRehearsal(Language language, TaskExecutor engine, ObservableValue<EngineStatus> engineStatus,
                             Consumer<Scene> style, TrainingModel userModel, Node userScreen,
                             double width, double height) {
        this.userModel = Objects.requireNonNull(userModel);
        this.userScreen = Objects.requireNonNull(userScreen);
        I18n i18n = new I18n(language);
        model = new TrainingModel(i18n, engine, engineStatus, example -> { });
        model.setLogName("Rehearsal run");
        model.speedProperty().set(RunSpeed.FASTEST); // warms code, not a show
        model.collectOnlyWhen(() -> !userBusy());
        Parent root = new ViewLoader(i18n, type -> new TrainingController(model, i18n))
                .load(TrainingController.class).root();
        scene = new Scene(root, width, height);
        style.accept(scene);
        model.stateProperty().addListener((obs, was, now) -> {
            if (was.busy() && !now.busy()) {
                end();
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /**
     * Trains the rehearsal run (once: later calls do nothing); ends it at once, cancelled, if the user's screen is
     * training or sweeping or has trained already (its code is warm), or the engine cannot take a run now.
     */
    public void start() {
        if (state.get() != State.NOT_STARTED) {
            return;
        }
        model.usePreset(PRESET.name());
        model.setSetupText("seed", SEED);
        if (userBusy() || !userModel.history().isEmpty() || !model.canStartProperty().get()) {
            cancel();
            return;
        }
        state.set(State.RUNNING);
        userModel.stateProperty().addListener(userWorks);
        userModel.sweepBusyProperty().addListener(userWorks);
        drawer.start();
        model.start();
    }

    /** Stops a rehearsal that is training (at its next step); one not started yet never starts. */
    public void cancel() {
        if (state.get() == State.NOT_STARTED) {
            state.set(State.CANCELLED);
            model.close();
        } else if (state.get() == State.RUNNING) {
            state.set(State.CANCELLED);
            model.stop();
        }
    }

    /** The rehearsal's run, for tests. */
    TrainingModel model() {
        return model;
    }

    private boolean userBusy() {
        return userModel.stateProperty().get().busy() || userModel.sweepBusyProperty().get();
    }

    private void end() {
        drawer.stop();
        frame = null;
        userModel.stateProperty().removeListener(userWorks);
        userModel.sweepBusyProperty().removeListener(userWorks);
        model.close();
        if (state.get() == State.RUNNING) {
            warmLockedStyles(userModel, userScreen);
            state.set(State.DONE);
        }
    }

    /**
     * Computes the styles a screen has while a run locks its set-up, and puts it back as it was, within one FX task:
     * the next pulse sees no change, and the first real Start finds the styles cached (greying out the set-up panel is
     * costly the first time, and would land in Start's frame). Does nothing while a run is busy.
     */
    static void warmLockedStyles(TrainingModel model, Node screen) {
        if (screen.getScene() == null || model.stateProperty().get().busy()) {
            return;
        }
        model.withSetupLocked(screen::applyCss);
        screen.applyCss();
    }
}
