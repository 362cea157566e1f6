package org.kdplayground.training;

import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.PaceClock;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.training.learned.ExampleSelection;
import org.kdplayground.training.live.CollectionAfterRun;
import org.kdplayground.training.live.FramePacer;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.live.RunEta;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.training.live.RunWorker;
import org.kdplayground.training.results.RunRecord;
import org.kdplayground.training.timeline.RunRecording;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.training.timeline.RunTimeline;
import org.kdplayground.training.timeline.SessionReplays;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TaskExecutor;

/**
 * One run at a time, from Start to its end: it hands the run to the engine's worker, applies the worker's events as
 * the frame pacer lets them through, and keeps the state, progress and message the screen shows. A finished run joins
 * the history.
 */
final class RunLifecycle {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLifecycle.class);

    /**
     * A run's preparation (data, a cached teacher) mostly ends within a frame or two; the progress bar moves back and
     * forth only when it takes longer than this, so short ones don't flash it (starting an indeterminate bar is itself
     * costly to draw in the frames where Start is drawn).
     */
    static final Duration PREPARING_HINT_DELAY = Duration.millis(400);

    private final I18n i18n;
    private final TaskExecutor engineTasks;
    private final LiveMetrics live;
    private final ExampleSelection examples;
    private final CollectionAfterRun collection;
    private final ObservableList<RunRecord> history;
    private final Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private final FramePacer pacer = new FramePacer(inbox, this::apply, this::redraw);
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final PauseTransition preparingHint = new PauseTransition(PREPARING_HINT_DELAY);
    private final RunTimeline timeline;
    private final ObjectProperty<RunSpeed> speed;
    private final SessionReplays replays;
    private PaceClock clock = PaceClock.SYSTEM;
    private RunRecording recording;

    private RunControl control;
    private StepMetrics lastStep;
    private Experiment running;
    private long totalSteps;
    private RunEta eta;
    /** How the log names these runs ("Run 3 ended ..."). */
    private String logName = "Run";

    RunLifecycle(I18n i18n, TaskExecutor engineTasks, LiveMetrics live, ExampleSelection examples,
                 CollectionAfterRun collection, ObservableList<RunRecord> history, RunTimeline timeline,
                 ObjectProperty<RunSpeed> speed, SessionReplays replays) {
        this.i18n = Objects.requireNonNull(i18n);
        this.engineTasks = Objects.requireNonNull(engineTasks);
        this.live = Objects.requireNonNull(live);
        this.examples = Objects.requireNonNull(examples);
        this.collection = Objects.requireNonNull(collection);
        this.history = Objects.requireNonNull(history);
        this.timeline = Objects.requireNonNull(timeline);
        this.speed = Objects.requireNonNull(speed);
        this.replays = Objects.requireNonNull(replays);
        preparingHint.setOnFinished(e -> showPreparingIfStill());
        speed.addListener((obs, old, now) -> applyPace());
    }

    ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    FramePacer pacer() {
        return pacer;
    }

    /** Starts a run of {@code experiment} on the engine's worker. */
    void start(Experiment experiment) {
        running = experiment;
        control = new RunControl(clock);
        applyPace();
        recording = new RunRecording();
        timeline.show(recording);
        inbox.clear();
        examples.runStarted(running.settings());
        totalSteps = 0;
        lastStep = null;
        eta = null;
        progress.set(0);
        progressText.set(i18n.get("training_preparing"));
        message.set("");
        messageIsError.set(false);
        state.set(RunState.PREPARING);
        live.clear(experiment.settings().loss().parts()); // drawn in a later frame of the start (FramePacer)
        RunWorker worker = new RunWorker(running, control, inbox);
        engineTasks.execute(worker, done -> { }, failure -> inbox.add(new RunEvent.Failed(failure.getMessage())));
        preparingHint.playFromStart();
        pacer.start();
    }

    /** Pauses a training run, or resumes a paused one. */
    void togglePause() {
        if (state.get() == RunState.TRAINING) {
            control.pause();
            state.set(RunState.PAUSED);
        } else if (state.get() == RunState.PAUSED) {
            control.resume();
            state.set(RunState.TRAINING);
        }
    }

    /** While paused: the rest of the epoch in progress (or one batch) runs, then the run holds again. */
    void step(boolean oneBatch) {
        if (state.get() == RunState.PAUSED && oneBatch) {
            control.stepBatch();
        } else if (state.get() == RunState.PAUSED) {
            control.stepEpoch();
        }
    }

    /** Whether the run's worker is held in a pause now (a test knows a pause or a Step took effect). */
    boolean runHeld() {
        return control != null && control.isHeld();
    }

    /** The clock runs are paced by (tests inject one); from the next run on. */
    void setPaceClock(PaceClock paceClock) {
        clock = Objects.requireNonNull(paceClock);
    }

    /** Tells the running run's control the pace of the chosen speed (at once, also mid-wait). */
    private void applyPace() {
        if (control != null && running != null) {
            int studentEpochs = running.settings().studentEpochs();
            control.setEpochNanos(speed.get().epochNanos(Phase.TEACHER, studentEpochs),
                    speed.get().epochNanos(Phase.STUDENTS, studentEpochs));
        }
    }

    /** Stops the run at the next step; it ends as cancelled and its partial result joins the history. */
    void stop() {
        if (state.get().busy() && state.get() != RunState.STOPPING) {
            control.cancel();
            state.set(RunState.STOPPING);
        }
    }

    /** Shows a problem the screen met outside a run (an export that could not be written). */
    void reportError(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    /** Names this runs in the log (a rehearsal's runs are not the user's). */
    void setLogName(String name) {
        logName = Objects.requireNonNull(name);
    }

    /** Stops the frame timer and the preparation hint of a lifecycle thrown away. */
    void close() {
        pacer.stop();
        preparingHint.stop();
    }

    /** A preparation still going on after {@link #PREPARING_HINT_DELAY}: the progress bar shows work of unknown length. */
    void showPreparingIfStill() {
        if (state.get() == RunState.PREPARING) {
            progress.set(-1);
        }
    }

    // ---- a run's events, applied by the frame pacer

    private void apply(RunEvent event) {
        live.apply(recording.record(event));
        if (event instanceof RunEvent.Epoch) {
            timeline.epochRecorded();
        }
        if (event instanceof RunEvent.Started s) {
            var start = s.start();
            eta = new RunEta(start, running.settings().teacherEpochs(), running.settings().studentEpochs(),
                    running.settings().batchSize());
            totalSteps = eta.totalSteps();
            if (state.get() == RunState.PREPARING) {
                state.set(RunState.TRAINING);
            }
            message.set(i18n.formatNow("training_started", deviceName(start.device()), start.teacherParameters(),
                    start.studentParameters()));
        } else if (event instanceof RunEvent.Step s) {
            lastStep = s.metrics();
            if (eta != null) {
                eta.step(lastStep.phase(), lastStep.globalStep(), System.nanoTime());
            }
        } else if (event instanceof RunEvent.Ended e) {
            finish(e.result());
        } else if (event instanceof RunEvent.Failed f) {
            pacer.stop();
            state.set(RunState.IDLE);
            progress.set(0);
            progressText.set("");
            message.set(i18n.formatNow("training_failed", f.message()));
            messageIsError.set(true);
        }
    }

    /** A frame in which the charts redraw. */
    private void redraw() {
        live.touch();
        updateProgressText();
    }

    private void finish(RunResult result) {
        pacer.stop();
        LOG.info("{} {} ended ({}): {} ms per student step; frames during the run: {}; FX thread: {}", logName,
                history.size() + 1, result.stopReason(), String.format(Locale.ROOT, "%.3f", result.studentMsPerStep()),
                pacer.frames().summary(), pacer.pulseWork().durationSummary());
        replays.add(history.size() + 1, recording);
        history.add(new RunRecord(history.size() + 1, running, result));
        state.set(RunState.IDLE);
        collection.runEnded();
        progressText.set("");
        progress.set(result.completed() ? 1 : progress.get());
        switch (result.stopReason()) {
            case COMPLETED -> {
                message.set(i18n.formatNow("training_completed", result.totalMillis() / 1000));
                messageIsError.set(false);
            }
            case CANCELLED -> {
                message.set(i18n.get("training_cancelled"));
                messageIsError.set(false);
            }
            case DIVERGED -> {
                message.set(i18n.formatNow("training_diverged", result.message()));
                messageIsError.set(true);
            }
        }
    }

    private void updateProgressText() {
        if (totalSteps <= 0 || lastStep == null || !state.get().busy()) {
            return;
        }
        long doneSteps = lastStep.globalStep();
        double fraction = Math.min(1, doneSteps / (double) totalSteps);
        progress.set(fraction);
        long left = eta == null ? -1 : eta.secondsLeft(System.nanoTime());
        boolean teacher = lastStep.phase() == Phase.TEACHER;
        String phase = i18n.get(teacher ? "training_phase_teacher" : "training_phase_students");
        int epochs = teacher ? running.settings().teacherEpochs() : running.settings().studentEpochs();
        progressText.set(left < 0
                ? i18n.formatNow("training_progress", phase, lastStep.epoch(), epochs, doneSteps, totalSteps)
                : i18n.formatNow("training_progress_eta", phase, lastStep.epoch(), epochs, doneSteps, totalSteps,
                left));
    }

    /** DJL names devices like "cpu()" or "gpu(0)"; the screen says "CPU" or "GPU 0". */
    String deviceName(String device) {
        String d = device.toLowerCase(Locale.ROOT);
        if (d.startsWith("cpu")) {
            return i18n.get("device_cpu");
        }
        return d.startsWith("gpu") ? "GPU " + d.replaceAll("\\D", "") : device;
    }
}
