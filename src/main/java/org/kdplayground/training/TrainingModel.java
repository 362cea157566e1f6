package org.kdplayground.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.RunResult;
import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.io.Workspace;
import org.kdplayground.training.learned.ExampleSelection;
import org.kdplayground.training.live.CollectionAfterRun;
import org.kdplayground.training.live.EpochMeasure;
import org.kdplayground.training.live.FramePacer;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.results.RunRecord;
import org.kdplayground.training.setup.DataDownload;
import org.kdplayground.training.setup.DataPreview;
import org.kdplayground.training.setup.TableOpener;
import org.kdplayground.training.setup.RunSetup;
import org.kdplayground.training.setup.SetupParts;
import org.kdplayground.training.setup.SetupSummaries;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.training.sweep.SweepModel;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.training.timeline.RunTimeline;
import org.kdplayground.training.timeline.SessionReplays;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogitsExample;
import org.kdplayground.ui.TaskExecutor;

/**
 * The live distillation screen's model. It composes the screen's parts (the set-up and its data preview, the live
 * metrics and their frame pacing, the selected example, the sweep, the run history) and runs the lifecycle of a run:
 * Start, its progress, Pause, Stop and its end. Training runs on the engine's worker; its events queue up and are
 * applied once per frame.
 */
public final class TrainingModel {

    /** The tabs under the live charts, in their order there. */
    public enum ResultTab { LEARNED, EXAMPLES, CALIBRATION, SWEEP, RESULTS }

    private final SetupParts setupParts;
    private final RunSetup setup;
    private final LiveMetrics live = new LiveMetrics();
    private final ExampleSelection examples;
    private final SweepModel sweep;
    private final CollectionAfterRun collection;
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final RunLifecycle runs;
    private final ObjectProperty<RunSpeed> speed = new SimpleObjectProperty<>(this, "speed", RunSpeed.NORMAL);
    private final RunTimeline timeline = new RunTimeline(live, live::touch, speed);
    private final SessionReplays replays;
    private final ObjectProperty<ResultTab> resultTab = new SimpleObjectProperty<>(this, "resultTab",
            ResultTab.LEARNED);
    private final ObjectProperty<EpochMeasure> epochMeasure = new SimpleObjectProperty<>(this, "epochMeasure",
            EpochMeasure.ACCURACY);
    /** True only within {@link #withSetupLocked}: the set-up is locked as during a run. */
    private final BooleanProperty lockRehearsed = new SimpleBooleanProperty(this, "lockRehearsed");
    private final BooleanBinding setupLocked;
    private final BooleanBinding canStart;
    private final StringBinding startBlockedReason;

    /**
     * @param engine         runs training on the engine's one worker thread
     * @param engineStatus   the engine's status on the FX thread (Start waits until it is ready)
     * @param openInExplorer shows a test example's logits in the explorer (the app switches screens)
     */
    public TrainingModel(I18n i18n, TaskExecutor engine, ObservableValue<EngineStatus> engineStatus,
                         Consumer<LogitsExample> openInExplorer) {
        this(i18n, engine, engineStatus, openInExplorer, new DatasetDownloader());
    }

    /**
     * @param downloader fetches a missing IDX data set when the user asks (its HTTP client is made only then); tests
     *                   point it at a local server
     */
    public TrainingModel(I18n i18n, TaskExecutor engine, ObservableValue<EngineStatus> engineStatus,
                         Consumer<LogitsExample> openInExplorer, DatasetDownloader downloader) {
        setupParts = new SetupParts(Objects.requireNonNull(i18n), downloader);
        setup = setupParts.setup();
        Objects.requireNonNull(engine);
        Objects.requireNonNull(engineStatus);
        examples = new ExampleSelection(live, openInExplorer);
        collection = new CollectionAfterRun(() -> !busy());
        replays = new SessionReplays(live, timeline, examples::runStarted);
        runs = new RunLifecycle(i18n, engine, live, examples, collection, history, timeline, speed, replays);
        var state = runs.stateProperty();
        BooleanBinding readyForSweep = Bindings.createBooleanBinding(() -> setup.validProperty().get()
                        && !state.get().busy() && engineStatus.getValue().isReady(), setup.validProperty(), state,
                engineStatus);
        sweep = new SweepModel(i18n, engine, setup::toExperiment, readyForSweep);
        var startShown = runs.pacer().startShownProperty();
        setupLocked = Bindings.createBooleanBinding(() -> state.get().busy() && startShown.get()
                        || sweep.busyProperty().get() || lockRehearsed.get(),
                state, startShown, sweep.busyProperty(), lockRehearsed);
        canStart = Bindings.createBooleanBinding(() -> setup.validProperty().get() && !state.get().busy()
                        && engineStatus.getValue().isReady() && !sweep.busyProperty().get(),
                setup.validProperty(), state, engineStatus, sweep.busyProperty());
        startBlockedReason = setupParts.startBlockedReason(engineStatus);
    }

    // ---- workspace files

    /** The set-up panel's state, for a workspace file. */
    public Workspace.Training setupSnapshot() {
        return setup.snapshot();
    }

    /** The sweep tab's settings, for a workspace file. */
    public Workspace.Sweep sweepSnapshot() {
        return sweep.snapshot();
    }

    /** @throws IllegalArgumentException naming the first value this screen would reject; nothing changes */
    public void check(Workspace.Training training, Workspace.Sweep sweepSettings) {
        setup.check(training);
        sweep.check(sweepSettings);
    }

    /** Replaces the set-up and the sweep's settings with checked ones from a file. */
    public void restore(Workspace.Training training, Workspace.Sweep sweepSettings) {
        check(training, sweepSettings);
        setup.restore(training);
        sweep.restore(sweepSettings);
    }

    /** Everything a workspace file holds of this screen, to notice unsaved changes. */
    public List<Observable> workspaceInputs() {
        return Stream.concat(Stream.of(setup.observables()), Stream.of(sweep.observables())).toList();
    }

    // ---- what lessons read and type

    /** What the per-epoch chart beside the loss shows. */
    public ObjectProperty<EpochMeasure> epochMeasureProperty() {
        return epochMeasure;
    }

    /** What the sweep's chart plots against the swept setting. */
    public ObjectProperty<SweepMeasure> sweepMeasureProperty() {
        return sweep.measureProperty();
    }

    public ObjectProperty<ResultTab> resultTabProperty() {
        return resultTab;
    }

    /** The selected preset's name ({@code DIGITS_FEW_LABELS}, ...), or null. */
    public String getPresetId() {
        TrainingPreset preset = setup.presetProperty().get();
        return preset == null ? null : preset.name();
    }

    /**
     * The text of a set-up field by its id ({@code temperature}, {@code labelledFraction}, {@code sweepTemperatures},
     * ..., {@code transferSet}: {@code ALL} or {@code LABELLED}, and {@code omittedClass}: a class number or
     * {@code none}).
     */
    public String getSetupText(String fieldId) {
        return sweep.hasField(fieldId) ? sweep.text(fieldId) : setup.text(fieldId);
    }

    /** Types a text into a set-up field by its id (see {@link #getSetupText}); as if the learner had typed it. */
    public void setSetupText(String fieldId, String text) {
        if (sweep.hasField(fieldId)) {
            sweep.type(fieldId, text);
        } else {
            setup.type(fieldId, text);
        }
    }

    /**
     * Loads a preset by its name ({@code DIGITS_FEW_LABELS}, ...), afresh even when it is already selected, so
     * fields typed since are reset.
     */
    public void usePreset(String presetId) {
        setup.usePreset(TrainingPreset.valueOf(presetId));
    }

    /** Fills the set-up panel from an experiment, as picking a preset does (the smoke test's tiny run). */
    public void load(Experiment experiment) {
        setup.load(Objects.requireNonNull(experiment));
    }

    // ---- parts and state

    RunSetup setup() {
        return setup;
    }

    DataPreview preview() {
        return setupParts.preview();
    }

    /** Open CSV and the Draw tool's way into the set-up (the controller calls it after its file chooser). */
    public TableOpener opener() {
        return setupParts.opener();
    }

    /** The offer to download a missing IDX data set. */
    public DataDownload download() {
        return setupParts.download();
    }

    SetupSummaries summaries() {
        return setupParts.summaries();
    }

    LiveMetrics live() {
        return live;
    }

    FramePacer pacer() {
        return runs.pacer();
    }

    ExampleSelection examples() {
        return examples;
    }

    SweepModel sweep() {
        return sweep;
    }

    CollectionAfterRun collection() {
        return collection;
    }

    /** The runs of this session, oldest first. */
    public ObservableList<RunRecord> history() {
        return history;
    }

    /** How fast runs are shown (a display choice: the numbers are the same at every speed). */
    public ObjectProperty<RunSpeed> speedProperty() {
        return speed;
    }

    /** The timeline of the run on screen: its chosen epoch, the charts' cursor, a playback. */
    public RunTimeline timeline() {
        return timeline;
    }

    /** The session's finished runs as replays; one is shown again only while no run or sweep is busy. */
    public SessionReplays replays() {
        return replays;
    }

    /** The run's lifecycle (tests pace runs by their own clock and see a pause take hold). */
    RunLifecycle lifecycle() {
        return runs;
    }

    /** Whether the sweep is training. */
    public ReadOnlyBooleanProperty sweepBusyProperty() {
        return sweep.busyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return runs.stateProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return runs.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return runs.progressTextProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return runs.messageProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return runs.messageIsErrorProperty();
    }

    /** A preparation still going on after its hint's delay: the progress bar shows work of unknown length. */
    void showPreparingIfStill() {
        runs.showPreparingIfStill();
    }

    /** Whether a run or the sweep is training. */
    private boolean busy() {
        return runs.stateProperty().get().busy() || sweep.busyProperty().get();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Why Start is disabled, or empty when it is not. */
    StringBinding startBlockedReason() {
        return startBlockedReason;
    }

    /**
     * True while the set-up cannot change: a run (from the frame that greys it out, {@link FramePacer}) or a sweep is
     * busy (the screen greys the set-up panel out).
     */
    BooleanBinding setupLockedProperty() {
        return setupLocked;
    }

    /** The result of the latest finished run (completed, cancelled or diverged), if any. */
    public Optional<RunResult> lastResult() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).result());
    }

    // ---- commands

    /** Starts a run of the current set-up on the engine's worker. */
    public void start() {
        if (canStart.get()) {
            runs.start(setup.toExperiment());
        }
    }

    /** Starts a temperature sweep of the current set-up, when one can start. */
    public void startSweep() {
        if (sweep.canStartProperty().get()) {
            sweep.start();
        }
    }

    /** Pauses a training run, or resumes a paused one. */
    public void togglePause() {
        runs.togglePause();
    }

    /** While paused: advances the run by the rest of the epoch in progress (or one batch), then holds again. */
    public void step(boolean oneBatch) {
        runs.step(oneBatch);
    }

    /** Stops the run at the next step; it ends as cancelled and its partial result joins the history. */
    public void stop() {
        runs.stop();
    }

    /** Shows a problem the screen met outside a run (an export that could not be written). */
    void reportError(String text) {
        runs.reportError(text);
    }

    /**
     * Runs {@code action} with the set-up locked as during a run, then unlocks it, all in the caller's FX task: a
     * screen can compute its locked styles without a pulse ever drawing them ({@link TrainingRehearsal}).
     */
    void withSetupLocked(Runnable action) {
        lockRehearsed.set(true);
        try {
            action.run();
        } finally {
            lockRehearsed.set(false);
        }
    }

    /** Names this model's runs in the log (a rehearsal's runs are not the user's). */
    void setLogName(String name) {
        runs.setLogName(name);
    }

    /** Leaves the collection after a run out while {@code othersIdle} is false (the user's screen, for a rehearsal). */
    void collectOnlyWhen(BooleanSupplier othersIdle) {
        collection.alsoWaitFor(othersIdle);
    }

    /**
     * Lets go of what this model holds outside itself (its preview thread, its frame timer) for a model thrown away
     * before the app ends; a run it started must have ended. The app's own model lives as long as the app.
     */
    void close() {
        runs.close();
        setupParts.close();
    }
}
