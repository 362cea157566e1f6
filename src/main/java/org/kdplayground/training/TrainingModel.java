package org.kdplayground.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetException;
import org.kdplayground.data.Datasets;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.io.Workspace;
import org.kdplayground.math.Softmax;
import org.kdplayground.ui.EngineStatusModel;
import org.kdplayground.ui.FrameStats;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogitsExample;

/**
 * The live distillation screen's model: the set-up, the run's state and progress, the live metrics and the run
 * history. Training runs on the engine's worker; its events queue up and are applied here once per frame.
 */
public final class TrainingModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingModel.class);

    private final I18n i18n;
    private final EngineService engine;
    private final EngineStatusModel engineStatus;
    private final RunSetup setup = new RunSetup();
    private final LiveMetrics live = new LiveMetrics();
    private final Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final ObservableList<Integer> omittedClassChoices = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    /** T of the latest run (the set-up's until a run starts): what the example strip's probabilities were computed at. */
    private final ReadOnlyDoubleWrapper runTemperature = new ReadOnlyDoubleWrapper(this, "runTemperature",
            NumericSetting.TEMPERATURE.valueIn(RunSettings.DEFAULTS));
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Boolean> messageIsError = new ReadOnlyObjectWrapper<>(this, "error", false);
    private final ObjectProperty<Dataset> preview = new SimpleObjectProperty<>(this, "preview");
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem", "");
    private final BooleanBinding canStart;
    /** True only within {@link #withSetupLocked}: the set-up is locked as during a run. */
    private final BooleanProperty lockRehearsed = new SimpleBooleanProperty(this, "lockRehearsed");
    /** False from Start until the run's second frame: the set-up greys out in a frame of its own. */
    private final BooleanProperty runLockShown = new SimpleBooleanProperty(this, "runLockShown", true);
    private final BooleanBinding setupLocked;
    private final SweepModel sweep;
    private final StringBinding startBlockedReason;
    private final ExecutorService previewLoader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataset-preview");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong previewRequest = new AtomicLong();
    private final FrameStats frames = new FrameStats(1 << 16);
    /** The FX thread's work on each pulse of a run: from the pulse's start to the end of its layout pass. */
    private final FrameStats pulseWork = new FrameStats(1 << 16);
    private long pulseStartedAt = -1;
    /**
     * Charts follow steps and epochs at most every second frame at 60 Hz (25 ms is more than one frame and less
     * than two; small data sets end dozens of epochs a second); starts and ends show at once.
     */
    private final RedrawThrottle redraws = new RedrawThrottle(25_000_000);
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames.frame(now);
            pulseStartedAt = now;
            drain();
        }
    };

    /**
     * A run's preparation (data, a cached teacher) mostly ends within a frame or two; the progress bar moves back and
     * forth only when it takes longer than this, so short ones don't flash it (an indeterminate bar also costs the
     * software renderer about 20 ms of CPU to start, in the frames where Start is drawn).
     */
    static final Duration PREPARING_HINT_DELAY = Duration.millis(400);
    private final PauseTransition preparingHint = new PauseTransition(PREPARING_HINT_DELAY);

    /**
     * A run's garbage is collected this long after it ends, while nothing on the screen moves (the end is drawn by
     * then), so that the next run starts with an empty young generation: a two-moons run allocates about 40 MB, about
     * what G1's young generation held here, and a collection during a run was one frame of 20–36 ms on the
     * reference machine. The app's JVMs run with {@code -Xmn128m -XX:+ExplicitGCInvokesConcurrent} (a young
     * generation that holds such a run; a young collection of 4–10 ms, its old-generation marking concurrent).
     * {@code -Dkdplayground.collectAfterRun=false} leaves it out.
     */
    static final Duration COLLECT_AFTER_RUN_DELAY = Duration.millis(300);
    static final String COLLECT_AFTER_RUN_PROPERTY = "kdplayground.collectAfterRun";
    private final PauseTransition collectAfterRun = new PauseTransition(COLLECT_AFTER_RUN_DELAY);
    private Runnable collector = Boolean.parseBoolean(System.getProperty(COLLECT_AFTER_RUN_PROPERTY, "true"))
            ? System::gc : () -> { };
    /** Besides this screen's own run and sweep, what must be idle for the collection after a run (a second screen's). */
    private BooleanSupplier othersIdle = () -> true;

    private final ObjectProperty<ResultTab> resultTab = new SimpleObjectProperty<>(this, "resultTab", ResultTab.LEARNED);

    private RunControl control;
    private StepMetrics lastStep;
    private Experiment running;
    private long totalSteps;
    private long doneSteps;
    private long startedAt;

    private final Consumer<LogitsExample> openInExplorer;
    private Runnable quietFrame = () -> { };
    /** The frames of a run's start still to come that draw one part of it each (see {@link #drain}). */
    private int startFramesLeft;
    private boolean runCleared;
    /** How the log names this model's runs ("Run 3 ended ..."). */
    private String logName = "Run";
    private final IntegerProperty selectedExample =
            new SimpleIntegerProperty(this, "selectedExample", -1);

    /**
     * @param openInExplorer shows a test example's logits in the explorer (the app switches screens)
     */
    public TrainingModel(I18n i18n, EngineService engine, EngineStatusModel engineStatus,
                         Consumer<LogitsExample> openInExplorer) {
        this.openInExplorer = Objects.requireNonNull(openInExplorer);
        preparingHint.setOnFinished(e -> showPreparingIfStill());
        this.i18n = Objects.requireNonNull(i18n);
        this.engine = Objects.requireNonNull(engine);
        this.engineStatus = Objects.requireNonNull(engineStatus);
        BooleanBinding readyForSweep = Bindings.createBooleanBinding(() -> setup.validProperty().get()
                        && !state.get().busy() && engineStatus.getStatus().isReady(),
                setup.validProperty(), state, engineStatus.statusProperty());
        sweep = new SweepModel(i18n, engine, setup::toExperiment, readyForSweep);
        collectAfterRun.setOnFinished(e -> {
            if (!state.get().busy() && !sweep.busyProperty().get() && othersIdle.getAsBoolean()) {
                collector.run();
            }
        });
        setupLocked = Bindings.createBooleanBinding(
                () -> state.get().busy() && runLockShown.get() || sweep.busyProperty().get() || lockRehearsed.get(),
                state, runLockShown, sweep.busyProperty(), lockRehearsed);
        canStart = Bindings.createBooleanBinding(() -> setup.validProperty().get() && !state.get().busy()
                        && engineStatus.getStatus().isReady() && !sweep.busyProperty().get(),
                setup.validProperty(), state, engineStatus.statusProperty(), sweep.busyProperty());
        startBlockedReason = blockedReason();
        for (SetupField<?> dataField : List.of(setup.size, setup.noise, setup.classes, setup.seed)) {
            dataField.valueProperty().addListener((obs, old, now) -> refreshPreview());
        }
        setup.datasetProperty().addListener((obs, old, now) -> refreshPreview());
        setup.folderProperty().addListener((obs, old, now) -> refreshPreview());
        refreshPreview();
        setup.classCountProperty().addListener((obs, old, now) -> refreshOmittedClassChoices());
        refreshOmittedClassChoices();
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
        List<Observable> inputs = new ArrayList<>(
                List.of(setup.observables()));
        inputs.addAll(List.of(sweep.observables()));
        return inputs;
    }
    /** The tabs under the live charts, in their order there. */
    public enum ResultTab { LEARNED, EXAMPLES, SWEEP, RESULTS }

    // ---- properties

    /** The tab shown under the live charts (lessons pick it; the view follows both ways). */
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
        if ("transferSet".equals(fieldId)) {
            return setup.transferSetProperty().get() == null ? "" : setup.transferSetProperty().get().name();
        }
        if ("omittedClass".equals(fieldId)) {
            int omitted = setup.omittedClassProperty().get();
            return omitted == RunSettings.NO_OMITTED_CLASS ? "none" : Integer.toString(omitted);
        }
        return field(fieldId).textProperty().get();
    }

    /** The omitted-class choices for the set-up's data set: none, then every class. */
    ObservableList<Integer> omittedClassChoices() {
        return omittedClassChoices;
    }

    /** A class's name on the previewed data, or its number while the data is not loaded. */
    String className(int index) {
        Dataset data = preview.get();
        return data != null && index >= 0 && index < data.classCount() ? data.classNames().get(index)
                : Integer.toString(index);
    }

    private void refreshOmittedClassChoices() {
        List<Integer> choices = new ArrayList<>();
        choices.add(RunSettings.NO_OMITTED_CLASS);
        for (int c = 0; c < setup.classCountProperty().get(); c++) {
            choices.add(c);
        }
        if (!choices.equals(omittedClassChoices)) {
            omittedClassChoices.setAll(choices);
        }
    }

    RunSetup setup() {
        return setup;
    }

    SweepModel sweep() {
        return sweep;
    }

    LiveMetrics live() {
        return live;
    }

    ObservableList<RunRecord> history() {
        return history;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** T of the latest run, which the example strip's probabilities were computed at. */
    ReadOnlyDoubleProperty runTemperatureProperty() {
        return runTemperature.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Boolean> messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    ObjectProperty<Dataset> previewProperty() {
        return preview;
    }

    ReadOnlyStringProperty previewProblemProperty() {
        return previewProblem.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** Why Start is disabled, or empty when it is not. */
    StringBinding startBlockedReason() {
        return startBlockedReason;
    }

    private StringBinding blockedReason() {
        return Bindings.createStringBinding(() -> {
            if (!setup.validProperty().get()) {
                return i18n.get("training_blocked_invalid");
            }
            if (!engineStatus.getStatus().isReady()) {
                return i18n.get("training_blocked_engine");
            }
            return "";
        }, setup.validProperty(), engineStatus.statusProperty(), i18n.table());
    }

    /** Parameters of a network on the previewed data, e.g. "2-64-64-2 · 4,482 parameters". */
    StringBinding networkSummary(SetupField<List<Integer>> layers) {
        return Bindings.createStringBinding(() -> {
            Dataset data = preview.get();
            if (data == null || layers.value() == null) {
                return "";
            }
            MlpSpec spec = new MlpSpec(layers.value(), MlpSpec.Activation.RELU, 0f);
            return i18n.formatNow("setup_parameters", spec.describe(data.featureCount(), data.classCount())
                    .replace(" relu", ""), spec.parameterCount(data.featureCount(), data.classCount()));
        }, preview, layers.valueProperty(), i18n.table());
    }

    StringBinding compressionSummary() {
        return Bindings.createStringBinding(() -> {
            Dataset data = preview.get();
            if (data == null || setup.teacherLayers.value() == null || setup.studentLayers.value() == null) {
                return "";
            }
            long teacher = new MlpSpec(setup.teacherLayers.value(), MlpSpec.Activation.RELU, 0f)
                    .parameterCount(data.featureCount(), data.classCount());
            long student = new MlpSpec(setup.studentLayers.value(), MlpSpec.Activation.RELU, 0f)
                    .parameterCount(data.featureCount(), data.classCount());
            return i18n.formatNow("setup_compression", (double) teacher / student);
        }, preview, setup.teacherLayers.valueProperty(), setup.studentLayers.valueProperty(), i18n.table());
    }

    /** The strip example the learner clicked (an index into the strip), or -1. */
    IntegerProperty selectedExampleProperty() {
        return selectedExample;
    }

    /** A model's probabilities at the run's T for the selected strip example, or null before it exists. */
    double[] exampleProbabilities(ModelRole role) {
        float[] logits = exampleLogits(role);
        if (logits == null || running == null) {
            return null;
        }
        return Softmax.softmax(toDoubles(logits), running.settings().temperature());
    }

    /** The selected example as the explorer takes it, or null when there is none yet. */
    LogitsExample selectedAsExample() {
        float[] teacher = exampleLogits(ModelRole.TEACHER);
        float[] student = exampleLogits(ModelRole.DISTILLED);
        if (teacher == null || student == null) {
            return null;
        }
        int label = live.testExamples().labels()[live.strip()[selectedExample.get()]];
        return new LogitsExample(live.classNames(), toDoubles(teacher), toDoubles(student),
                label, running.settings().temperature(), running.settings().alpha());
    }

    private float[] exampleLogits(ModelRole role) {
        int index = selectedExample.get();
        float[][] rows = live.stripLogits.get(role);
        return rows == null || index < 0 || index >= rows.length ? null : rows[index];
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Fills the set-up panel from an experiment, as picking a preset does (the smoke test's tiny run). */
    public void load(Experiment experiment) {
        setup.load(Objects.requireNonNull(experiment));
    }

    /** The result of the latest finished run (completed, cancelled or diverged), if any. */
    public Optional<RunResult> lastResult() {
        return history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1).result());
    }

    // ---- commands

    /**
     * Loads a preset by its name ({@code DIGITS_FEW_LABELS}, ...), afresh even when it is already selected, so
     * fields typed since are reset.
     */
    public void usePreset(String presetId) {
        TrainingPreset preset = TrainingPreset.valueOf(presetId);
        if (setup.presetProperty().get() == preset) {
            setup.load(preset.experiment());
        } else {
            setup.presetProperty().set(preset);
        }
    }

    /** Types a text into a set-up field by its id (see {@link #getSetupText}); as if the learner had typed it. */
    public void setSetupText(String fieldId, String text) {
        if ("transferSet".equals(fieldId)) {
            setup.transferSetProperty().set(TransferSet.valueOf(text));
        } else if ("omittedClass".equals(fieldId)) {
            setup.omittedClassProperty().set("none".equals(text) ? RunSettings.NO_OMITTED_CLASS
                    : Integer.parseInt(text));
        } else {
            field(fieldId).textProperty().set(text);
        }
    }

    /** Starts a temperature sweep of the current set-up, when one can start. */
    public void startSweep() {
        if (sweep.canStartProperty().get()) {
            sweep.start();
        }
    }

    private SetupField<?> field(String fieldId) {
        return Stream.concat(setup.fields(), Stream.of(sweep.temperatures, sweep.seeds))
                .filter(candidate -> candidate.id().equals(fieldId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no set-up field " + fieldId));
    }

    /** Opens the selected test example in the explorer, where its logits can be taken apart. */
    void openSelectedInExplorer() {
        LogitsExample example = selectedAsExample();
        if (example != null) {
            openInExplorer.accept(example);
        }
    }

    /** Starts a run of the current set-up on the engine's worker. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        running = setup.toExperiment();
        runTemperature.set(NumericSetting.TEMPERATURE.valueIn(running.settings()));
        control = new RunControl();
        inbox.clear();
        selectedExample.set(-1);
        totalSteps = 0;
        doneSteps = 0;
        startedAt = System.nanoTime();
        progress.set(0);
        progressText.set(i18n.get("training_preparing"));
        message.set("");
        messageIsError.set(false);
        state.set(RunState.PREPARING);
        live.clear(); // shown in the pump's second frame (drain)
        runCleared = true;
        startFramesLeft = 2;
        runLockShown.set(false);
        engine.submit(new RunWorker(running, control, inbox));
        preparingHint.playFromStart();
        frames.reset();
        pulseWork.reset();
        pulseStartedAt = -1;
        pump.start();
    }

    /**
     * True while the set-up cannot change: a run (from its second frame, {@link #drain}) or a sweep is busy (the
     * screen greys the set-up panel out).
     */
    BooleanBinding setupLockedProperty() {
        return setupLocked;
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
        logName = Objects.requireNonNull(name);
    }

    /**
     * Lets go of what this model holds outside itself (its preview thread, its frame timer) for a model thrown away
     * before the app ends; a run it started must have ended. The app's own model lives as long as the app.
     */
    void close() {
        pump.stop();
        preparingHint.stop();
        previewLoader.shutdownNow();
    }

    /** A preparation still going on after {@link #PREPARING_HINT_DELAY}: the progress bar shows work of unknown length. */
    void showPreparingIfStill() {
        if (state.get() == RunState.PREPARING) {
            progress.set(-1);
        }
    }

    /**
     * The scene ended a pulse's layout pass (the screen calls this after every pulse): while a run streams, the time
     * since the pulse began is the FX thread's work on it (animation timers, this screen's drain, CSS, layout); the
     * renderer draws the pulse on its own thread after that.
     */
    void pulseLaidOut() {
        if (pulseStartedAt >= 0) {
            pulseWork.duration(System.nanoTime() - pulseStartedAt);
            pulseStartedAt = -1;
        }
    }

    /** What collects a run's garbage after it ends ({@link #COLLECT_AFTER_RUN_DELAY}); tests count the calls. */
    void setCollector(Runnable collector) {
        this.collector = Objects.requireNonNull(collector);
    }

    /**
     * Leaves the collection after a run out while {@code othersIdle} is false as well: the rehearsal's screen must not
     * collect in the middle of the user's run, which may start within the delay after the rehearsal's end.
     */
    void collectOnlyWhen(BooleanSupplier othersIdle) {
        this.othersIdle = Objects.requireNonNull(othersIdle);
    }

    /** The last run's pulse durations (see {@link #pulseLaidOut}). */
    FrameStats pulseWork() {
        return pulseWork;
    }

    /** Pauses a training run, or resumes a paused one. */
    public void togglePause() {
        if (state.get() == RunState.TRAINING) {
            control.pause();
            state.set(RunState.PAUSED);
        } else if (state.get() == RunState.PAUSED) {
            control.resume();
            state.set(RunState.TRAINING);
        }
    }

    /** Stops the run at the next step; it ends as cancelled and its partial result joins the history. */
    public void stop() {
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

    /** Writes the run history as CSV (one row per run; the columns of the results table, unformatted). */
    void exportHistory(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("run,dataset,temperature,alpha,labelled_fraction,transfer_set,seed,"
                + "teacher_test_accuracy,distilled_test_accuracy,baseline_test_accuracy,distilled_final_loss,"
                + "baseline_final_loss,teacher_parameters,student_parameters,student_ms_per_epoch,device,outcome,"
                + "omitted_class,class_test_rows,distilled_bias_shift,distilled_test_errors_before,"
                + "distilled_class_errors_before,distilled_test_errors_after,distilled_class_errors_after,"
                + "baseline_bias_shift,baseline_test_errors_before,baseline_class_errors_before,"
                + "baseline_test_errors_after,baseline_class_errors_after\n");
        for (RunRecord r : history) {
            Experiment e = r.experiment();
            RunResult res = r.result();
            csv.append(String.join(",", List.of(
                    Integer.toString(r.number()), e.dataset().name(), Float.toString(e.settings().temperature()),
                    Float.toString(e.settings().alpha()), Double.toString(e.settings().labelledFraction()),
                    e.settings().transferSet().name().toLowerCase(Locale.ROOT), Long.toString(e.settings().seed()),
                    value(res.testAccuracy().get(ModelRole.TEACHER)),
                    value(res.testAccuracy().get(ModelRole.DISTILLED)),
                    value(res.testAccuracy().get(ModelRole.BASELINE)),
                    value(res.finalLosses().get(ModelRole.DISTILLED)),
                    value(res.finalLosses().get(ModelRole.BASELINE)),
                    Long.toString(res.teacherParameters()), Long.toString(res.studentParameters()),
                    Double.toString(res.studentMsPerEpoch()), res.device(),
                    res.stopReason().name().toLowerCase(Locale.ROOT), omittedCells(res)))).append('\n');
        }
        Files.writeString(file, csv);
    }

    /** The omitted-class columns of a run: empty cells when it left no class out. */
    private static String omittedCells(RunResult result) {
        if (result.omittedClass().isEmpty()) {
            return ",".repeat(11);
        }
        OmittedClassResult o = result.omittedClass().get();
        List<String> cells = new ArrayList<>(List.of(Integer.toString(o.omittedClass()),
                Integer.toString(o.testClassRows())));
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            cells.addAll(List.of(Double.toString(c.biasShift()), Integer.toString(c.testErrorsBefore()),
                    Integer.toString(c.classErrorsBefore()), Integer.toString(c.testErrorsAfter()),
                    Integer.toString(c.classErrorsAfter())));
        }
        return String.join(",", cells);
    }

    /** DJL names devices like "cpu()" or "gpu(0)"; the screen says "CPU" or "GPU 0". */
    String deviceName(String device) {
        String d = device.toLowerCase(Locale.ROOT);
        if (d.startsWith("cpu")) {
            return i18n.get("device_cpu");
        }
        return d.startsWith("gpu") ? "GPU " + d.replaceAll("\\D", "") : device;
    }

    /** Writes the run history as a Markdown table, as the results tab shows it. */
    void exportHistoryMarkdown(Path file) throws IOException {
        Files.writeString(file, HistoryTable.markdown(history, i18n));
    }

    private static String value(Double v) {
        return v == null ? "" : Double.toString(v);
    }

    /**
     * Applies every queued event; runs once per frame while a run is active (tests may call it directly). A run's
     * start is drawn over four frames, so that none draws all of it (one that did took 22–31 ms on the reference
     * machine): the first draws Start (the run buttons, the message), the second greys out the set-up, the third
     * shows the emptied charts and the run's first events, and what the models learned follows in the next frame
     * in which the charts do not redraw. The run's set-up was taken at Start: the set-up panel locks a frame later.
     */
    void drain() {
        if (startFramesLeft > 0) {
            if (--startFramesLeft == 0) {
                runLockShown.set(true);
            }
            return; // the run's events wait
        }
        boolean changed = runCleared;
        boolean milestone = runCleared;
        runCleared = false;
        RunEvent event;
        while ((event = inbox.poll()) != null) {
            changed = true;
            milestone |= !(event instanceof RunEvent.Step || event instanceof RunEvent.Epoch);
            apply(event);
        }
        if (redraws.redraw(System.nanoTime(), changed, milestone)) {
            live.touch();
            updateProgressText();
        } else {
            quietFrame.run();
        }
    }

    /**
     * Called in each frame of a run in which the live charts do not redraw (they redraw at most every second frame):
     * the screen draws its other pictures then, so no frame draws both.
     */
    void setOnQuietFrame(Runnable action) {
        quietFrame = Objects.requireNonNull(action);
    }

    private void apply(RunEvent event) {
        if (event instanceof RunEvent.Prepared p) {
            live.prepared(p);
        } else if (event instanceof RunEvent.Started s) {
            var start = s.start();
            totalSteps = (long) running.settings().teacherEpochs() * start.teacherStepsPerEpoch()
                    + (long) running.settings().studentEpochs() * start.studentStepsPerEpoch();
            if (state.get() == RunState.PREPARING) {
                state.set(RunState.TRAINING);
            }
            message.set(i18n.formatNow("training_started", deviceName(start.device()), start.teacherParameters(),
                    start.studentParameters()));
        } else if (event instanceof RunEvent.Step s) {
            live.step(s.metrics());
            doneSteps = s.metrics().globalStep();
            lastStep = s.metrics();
        } else if (event instanceof RunEvent.Epoch e) {
            live.epoch(e);
        } else if (event instanceof RunEvent.Ended e) {
            finish(e.result());
        } else if (event instanceof RunEvent.Failed f) {
            pump.stop();
            state.set(RunState.IDLE);
            progress.set(0);
            progressText.set("");
            message.set(i18n.formatNow("training_failed", f.message()));
            messageIsError.set(true);
        }
    }


    private void finish(RunResult result) {
        pump.stop();
        LOG.info("{} {} ended ({}): {} ms per student step; frames during the run: {}; FX thread: {}",
                logName, history.size() + 1, result.stopReason(), String.format(Locale.ROOT, "%.3f", result.studentMsPerStep()),
                frames.summary(), pulseWork.durationSummary());
        history.add(new RunRecord(history.size() + 1, running, result));
        state.set(RunState.IDLE);
        collectAfterRun.playFromStart();
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
        double fraction = Math.min(1, doneSteps / (double) totalSteps);
        progress.set(fraction);
        double elapsed = (System.nanoTime() - startedAt) / 1e9;
        long left = fraction > 0.01 ? Math.round(elapsed * (1 - fraction) / fraction) : -1;
        String phase = i18n.get(lastStep.phase() == Phase.TEACHER
                ? "training_phase_teacher" : "training_phase_students");
        int epochs = lastStep.phase() == Phase.TEACHER ? running.settings().teacherEpochs()
                : running.settings().studentEpochs();
        progressText.set(left < 0
                ? i18n.formatNow("training_progress", phase, lastStep.epoch(), epochs, doneSteps, totalSteps)
                : i18n.formatNow("training_progress_eta", phase, lastStep.epoch(), epochs, doneSteps, totalSteps,
                left));
    }

    private void refreshPreview() {
        if (!setup.validProperty().get() || previewLoader.isShutdown()) {
            return;
        }
        var spec = setup.toExperiment().dataset();
        long request = previewRequest.incrementAndGet();
        previewLoader.execute(() -> {
            if (request != previewRequest.get()) {
                return; // a newer request supersedes this one
            }
            Dataset data;
            String problem;
            try {
                data = Datasets.load(spec);
                problem = "";
            } catch (DatasetException | IllegalArgumentException e) {
                data = null;
                problem = e.getMessage();
            }
            Dataset loaded = data;
            String why = problem;
            Platform.runLater(() -> {
                if (request == previewRequest.get()) {
                    preview.set(loaded);
                    previewProblem.set(why);
                }
            });
        });
    }
}
