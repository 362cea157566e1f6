package org.kdplayground.training;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LiveLineChart;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.SweepChart;

/** Binds the live distillation screen to its {@link TrainingModel}; builds the repetitive field rows. */
public final class TrainingController {

    private final TrainingModel model;
    private final I18n i18n;
    private final ValidationSupport validation = new ValidationSupport();
    private final Map<ModelRole, BoundaryView> boundaryViews = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, ConfusionView> confusionViews = new EnumMap<>(ModelRole.class);
    private final DatasetPreview preview = new DatasetPreview();

    @FXML private BorderPane distillationScreen;
    @FXML private VBox setupPanel;
    @FXML private ComboBox<TrainingPreset> presetBox;
    @FXML private ComboBox<DatasetCatalog> datasetBox;
    @FXML private StackPane previewHolder;
    @FXML private HBox folderRow;
    @FXML private Label folderLabel;
    @FXML private Label previewProblem;
    @FXML private GridPane dataGrid;
    @FXML private GridPane networkGrid;
    @FXML private GridPane lossGrid;
    @FXML private GridPane trainingGrid;
    @FXML private Label teacherSummary;
    @FXML private Label studentSummary;
    @FXML private Label compressionSummary;
    @FXML private ChoiceBox<TransferSet> transferBox;
    @FXML private CheckBox teacherAllLabelsBox;
    @FXML private Label omittedClassLabel;
    @FXML private ComboBox<Integer> omittedClassBox;
    @FXML private VBox resultsBox;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private ToggleButton logScaleToggle;
    @FXML private LiveLineChart lossChart;
    @FXML private LiveLineChart accuracyChart;
    @FXML private HBox learnedBox;
    @FXML private TableView<RunRecord> historyTable;
    @FXML private TabPane resultTabs;
    @FXML private StackPane stripHolder;
    @FXML private Label examplesNote;
    @FXML private HBox exampleDetail;
    @FXML private Label exampleTeacherTitle;
    @FXML private Label exampleStudentTitle;
    @FXML private ProbabilityBarChart exampleTeacherChart;
    @FXML private ProbabilityBarChart exampleStudentChart;
    @FXML private Button openInExplorerButton;
    private final ExampleStrip strip = new ExampleStrip();
    @FXML private TextField sweepTemperaturesField;
    @FXML private TextField sweepSeedsField;
    @FXML private Button sweepStartButton;
    @FXML private Button sweepCancelButton;
    @FXML private Label sweepStatus;
    @FXML private SweepChart sweepChart;
    @FXML private Button exportCsvButton;
    @FXML private Button exportMarkdownButton;
    @FXML private Button exportPngButton;

    public TrainingController(TrainingModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
    }

    @FXML
    private void initialize() {
        buildSetupPanel();
        bindRunControls();
        buildCharts();
        buildLearnedViews();
        buildExamples();
        buildSweep();
        bindResultTab();
        HistoryTable.configure(historyTable, model.history(), i18n);
        buildOmittedClassResults();
        exportCsvButton.disableProperty().bind(Bindings.isEmpty(model.history()));
        exportMarkdownButton.disableProperty().bind(Bindings.isEmpty(model.history()));
        model.live().revisionProperty().addListener((obs, old, now) -> refreshLive());
        model.setOnQuietFrame(this::showLearnedIfPending);
        Runnable pulseLaidOut = model::pulseLaidOut;
        distillationScreen.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(pulseLaidOut);
            }
            if (scene != null) {
                installShortcuts();
                scene.addPostLayoutPulseListener(pulseLaidOut);
            }
        });
    }

    // ---- set-up panel

    private void buildSetupPanel() {
        RunSetup setup = model.setup();
        presetBox.getItems().setAll(TrainingPreset.values());
        datasetBox.getItems().setAll(DatasetCatalog.values());
        transferBox.getItems().setAll(TransferSet.values());
        relabelChoices();
        presetBox.valueProperty().bindBidirectional(setup.presetProperty());
        datasetBox.valueProperty().bindBidirectional(setup.datasetProperty());
        transferBox.valueProperty().bindBidirectional(setup.transferSetProperty());
        teacherAllLabelsBox.selectedProperty().bindBidirectional(setup.teacherSeesAllLabelsProperty());
        bindOmittedClass(setup);
        // once per language switch (the table itself changes key by key, hundreds of times)
        i18n.languageProperty().addListener((obs, old, now) -> relabelChoices());

        folderRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> setup.datasetProperty().get() != null
                && setup.datasetProperty().get().kind() == DatasetCatalog.Kind.IDX_FOLDER, setup.datasetProperty()));
        folderRow.managedProperty().bind(folderRow.visibleProperty());
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetCatalog data = setup.datasetProperty().get();
            Path folder = setup.folderProperty().get();
            return i18n.formatNow("setup_folder", folder != null ? folder
                    : data == null || data.defaultFolder() == null ? "" : data.defaultFolder());
        }, setup.datasetProperty(), setup.folderProperty(), i18n.table()));
        previewHolder.getChildren().add(preview);
        model.previewProperty().addListener((obs, old, now) -> preview.show(now));
        preview.show(model.previewProperty().get());
        previewProblem.textProperty().bind(model.previewProblemProperty());
        previewProblem.visibleProperty().bind(model.previewProblemProperty().isNotEmpty());
        previewProblem.managedProperty().bind(previewProblem.visibleProperty());

        addRow(dataGrid, 0, "setup_size", setup.size);
        TextField noise = addRow(dataGrid, 1, "setup_noise", setup.noise);
        TextField classes = addRow(dataGrid, 2, "setup_classes", setup.classes);
        var data = setup.datasetProperty();
        noise.disableProperty().bind(Bindings.createBooleanBinding(
                () -> data.get() == null || data.get().isImage(), data));
        classes.disableProperty().bind(Bindings.createBooleanBinding(
                () -> data.get() == null || !data.get().hasVariableK(), data));
        addRow(networkGrid, 0, "setup_teacher_layers", setup.teacherLayers);
        addRow(networkGrid, 1, "setup_student_layers", setup.studentLayers);
        int lossRows = 0;
        int trainingRows = 0;
        for (NumericSetting setting : NumericSetting.values()) {
            boolean ofTheLoss = setting == NumericSetting.TEMPERATURE || setting == NumericSetting.ALPHA;
            addRow(ofTheLoss ? lossGrid : trainingGrid, ofTheLoss ? lossRows++ : trainingRows++, labelKey(setting),
                    setup.field(setting));
        }
        addRow(trainingGrid, trainingRows, "setup_seed", setup.seed);
        teacherSummary.textProperty().bind(model.networkSummary(setup.teacherLayers));
        studentSummary.textProperty().bind(model.networkSummary(setup.studentLayers));
        compressionSummary.textProperty().bind(model.compressionSummary());
        i18n.languageProperty().addListener((obs, old, now) -> validation.revalidate());

        setupPanel.disableProperty().bind(model.setupLockedProperty());
    }

    /** Each run setting's name on the set-up panel. */
    private static String labelKey(NumericSetting setting) {
        return switch (setting) {
            case TEMPERATURE -> "setup_temperature";
            case ALPHA -> "setup_alpha";
            case LEARNING_RATE -> "setup_learning_rate";
            case TEACHER_EPOCHS -> "setup_teacher_epochs";
            case STUDENT_EPOCHS -> "setup_student_epochs";
            case BATCH_SIZE -> "setup_batch_size";
            case LABELLED_FRACTION -> "setup_labelled_fraction";
        };
    }

    /** The class left out of the students' training: none or one of the data set's classes, checked like a field. */
    private void bindOmittedClass(RunSetup setup) {
        omittedClassLabel.setLabelFor(omittedClassBox);
        omittedClassBox.setItems(model.omittedClassChoices());
        // not a bidirectional binding: a combo box clears its value while its items are replaced, and that null
        // must not reach the set-up
        omittedClassBox.setValue(setup.omittedClassProperty().get());
        setup.omittedClassProperty().addListener((obs, old, now) -> omittedClassBox.setValue(now));
        omittedClassBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setup.omittedClassProperty().set(now);
            }
        });
        model.omittedClassChoices().addListener((ListChangeListener<Integer>) change ->
                omittedClassBox.setValue(setup.omittedClassProperty().get()));
        validation.registerValidator(omittedClassBox, false, (control, value) -> {
            SetupField.Problem problem = setup.omittedClassProblemProperty().get();
            return ValidationResult.fromErrorIf(control,
                    problem == null ? "" : i18n.formatNow(problem.key(), problem.args()), problem != null);
        });
        setup.omittedClassProblemProperty().addListener((obs, old, now) -> {
            omittedClassBox.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), now != null);
            omittedClassBox.setTooltip(now == null ? null : new Tooltip(i18n.formatNow(now.key(), now.args())));
            validation.revalidate(omittedClassBox);
        });
        // class names arrive with the data preview: name the choices anew
        model.previewProperty().addListener((obs, old, now) -> relabelOmittedClass());
    }

    private void relabelOmittedClass() {
        Integer value = omittedClassBox.getValue();
        omittedClassBox.setConverter(converter(c -> {
            if (c == RunSettings.NO_OMITTED_CLASS) {
                return i18n.get("setup_omitted_none");
            }
            String name = model.className(c);
            return name.equals(Integer.toString(c)) ? name : i18n.formatNow("setup_omitted_choice", name, c);
        }));
        omittedClassBox.setValue(value);
    }

    /** The omitted-class results of the run selected in the history, or of the latest run. */
    private void buildOmittedClassResults() {
        OmittedClassPanel panel = new OmittedClassPanel(i18n);
        resultsBox.getChildren().add(0, panel);
        Runnable refresh = () -> {
            RunRecord selected = historyTable.getSelectionModel().getSelectedItem();
            panel.show(selected != null ? selected
                    : model.history().isEmpty() ? null : model.history().get(model.history().size() - 1));
        };
        historyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> refresh.run());
        model.history().addListener((ListChangeListener<RunRecord>) change -> refresh.run());
    }

    private TextField addRow(GridPane grid, int row, String labelKey, SetupField<?> field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(labelKey));
        label.setWrapText(true);
        TextField text = new TextField();
        label.setLabelFor(text);
        grid.addRow(row, label, text);
        GridPane.setHgrow(text, Priority.ALWAYS);
        bindField(text, field);
        return text;
    }

    /** Binds a text field to a set-up field, with the field's problem shown in place. */
    private void bindField(TextField text, SetupField<?> field) {
        text.setId("field-" + field.id());
        text.textProperty().bindBidirectional(field.textProperty());
        validation.registerValidator(text, false, (control, value) -> {
            SetupField.Problem problem = field.problemProperty().get();
            return ValidationResult.fromErrorIf(control,
                    problem == null ? "" : i18n.formatNow(problem.key(), problem.args()), problem != null);
        });
        field.problemProperty().addListener((obs, old, now) -> {
            text.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), now != null);
            Tooltip tip = now == null ? null : new Tooltip(i18n.formatNow(now.key(), now.args()));
            text.setTooltip(tip);
        });
    }

    /** Converters that name the choices in the current language; set anew so closed boxes redraw their text. */
    private void relabelChoices() {
        TrainingPreset preset = presetBox.getValue();
        presetBox.setConverter(converter(p -> i18n.get(p.labelKey())));
        presetBox.setValue(preset);
        datasetBox.setConverter(converter(data -> i18n.get(DatasetNames.key(data))));
        transferBox.setConverter(converter(t -> i18n.get(t == TransferSet.ALL ? "setup_transfer_all"
                : "setup_transfer_labelled")));
        relabelOmittedClass();
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("setup_folder_choose"));
        File folder = chooser.showDialog(distillationScreen.getScene().getWindow());
        if (folder != null) {
            model.setup().folderProperty().set(folder.toPath());
        }
    }

    // ---- run controls

    private void bindRunControls() {
        var state = model.stateProperty();
        startButton.disableProperty().bind(model.canStartProperty().not());
        Tooltip startTip = new Tooltip();
        startTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String blocked = model.startBlockedReason().get();
            return blocked.isEmpty() ? i18n.get("training_start_tooltip") : blocked;
        }, model.startBlockedReason(), i18n.table()));
        startButton.setTooltip(startTip);
        pauseButton.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                state.get() == RunState.PAUSED ? "training_resume" : "training_pause"), state, i18n.table()));
        pauseButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get() != RunState.TRAINING && state.get() != RunState.PAUSED, state));
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !state.get().busy() || state.get() == RunState.STOPPING, state));
        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        messageLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String msg = model.messageProperty().get();
            String blocked = model.startBlockedReason().get();
            return msg.isEmpty() && !state.get().busy() ? blocked : msg;
        }, model.messageProperty(), model.startBlockedReason(), state));
        model.messageIsErrorProperty().addListener((obs, old, now) ->
                messageLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), now));
    }

    private void installShortcuts() {
        var accelerators = distillationScreen.getScene().getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), whenShown(model::start));
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                whenShown(model::togglePause));
        accelerators.put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN),
                whenShown(model::stop));
    }

    private Runnable whenShown(Runnable action) {
        return () -> {
            if (distillationScreen.isVisible()) {
                action.run();
            }
        };
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void togglePause() {
        model.togglePause();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    // ---- charts

    private void buildCharts() {
        LiveMetrics live = model.live();
        lossChart.addSeries(new LiveLineChart.Series(live.teacherLoss, ChartRole.TEACHER,
                i18n.text("series_teacher_ce"), 1.5, false));
        lossChart.addSeries(new LiveLineChart.Series(live.hardLoss, ChartRole.HARD,
                i18n.text("series_distilled_hard"), 1.5, false));
        lossChart.addSeries(new LiveLineChart.Series(live.softLoss, ChartRole.SOFT,
                i18n.text("series_distilled_soft"), 1.5, false));
        lossChart.addSeries(new LiveLineChart.Series(live.totalLoss, ChartRole.TOTAL,
                i18n.text("series_distilled_total"), 2.5, false));
        lossChart.addSeries(new LiveLineChart.Series(live.baselineLoss, ChartRole.BASELINE,
                i18n.text("series_baseline_ce"), 1.5, false));
        lossChart.xLabelProperty().bind(i18n.text("chart_step"));
        lossChart.logScaleProperty().bind(logScaleToggle.selectedProperty());

        for (ModelRole role : ModelRole.values()) {
            accuracyChart.addSeries(new LiveLineChart.Series(live.trainAccuracy.get(role), Roles.chartRole(role),
                    i18n.text(Roles.nameKey(role)), 1.2, true));
            accuracyChart.addSeries(new LiveLineChart.Series(live.testAccuracy.get(role), Roles.chartRole(role),
                    i18n.text(Roles.nameKey(role)), 2.2, false));
        }
        accuracyChart.setFixedRange(0, 1, true);
        accuracyChart.xLabelProperty().bind(i18n.text("chart_epoch_note"));
    }

    private void buildLearnedViews() {
        for (ModelRole role : ModelRole.values()) {
            BoundaryView boundary = new BoundaryView(Roles.chartRole(role));
            boundary.setId("boundary-" + role.name().toLowerCase(Locale.ROOT));
            boundary.titleProperty().bind(i18n.text(Roles.nameKey(role)));
            ConfusionView confusion = new ConfusionView(Roles.chartRole(role));
            confusion.setId("confusion-" + role.name().toLowerCase(Locale.ROOT));
            confusion.titleProperty().bind(i18n.text(Roles.nameKey(role)));
            boundaryViews.put(role, boundary);
            confusionViews.put(role, confusion);
            HBox.setHgrow(boundary, Priority.ALWAYS);
            HBox.setHgrow(confusion, Priority.ALWAYS);
        }
        // before a run has data, the views are empty: show the kind the chosen data set will fill (its CSS and layout
        // then happen here, not in a running training's frames); a finished run's pictures stay until the next run
        Runnable followDataset = () -> {
            if (model.live().points() == null) {
                showLearnedKind(boundariesForSetup());
            }
        };
        model.setup().datasetProperty().addListener((obs, old, now) -> followDataset.run());
        followDataset.run();
    }

    /**
     * Whether the set-up's data set is drawn as decision boundaries (2-D points) rather than confusion matrices; with no
     * data set chosen yet, boundaries (the two-moons look).
     */
    private boolean boundariesForSetup() {
        DatasetCatalog dataset = model.setup().datasetProperty().get();
        return dataset == null || !dataset.isImage();
    }

    private void showLearnedKind(boolean boundaries) {
        List<? extends Node> views = boundaries
                ? List.copyOf(boundaryViews.values()) : List.copyOf(confusionViews.values());
        if (!learnedBox.getChildren().equals(views)) {
            learnedBox.getChildren().setAll(views);
        }
    }

    private void buildExamples() {
        strip.setId("exampleStrip");
        stripHolder.getChildren().add(strip);
        strip.setOnSelect(index -> model.selectedExampleProperty().set(index));
        model.selectedExampleProperty().addListener((obs, old, now) -> refreshExamples());
        examplesNote.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                model.live().strip().length == 0 ? "training_examples_none" : "training_examples_note"),
                model.live().revisionProperty(), i18n.table()));
        var temperature = model.runTemperatureProperty();
        exampleTeacherTitle.textProperty().bind(i18n.format("training_example_teacher", temperature));
        exampleStudentTitle.textProperty().bind(i18n.format("training_example_student", temperature));
        exampleDetail.visibleProperty().bind(model.selectedExampleProperty().greaterThanOrEqualTo(0));
        openInExplorerButton.disableProperty().bind(model.selectedExampleProperty().lessThan(0));
    }

    private void refreshExamples() {
        LiveMetrics live = model.live();
        strip.show(live.testExamples(), live.strip(), live.stripLogits, model.selectedExampleProperty().get());
        double[] teacher = model.exampleProbabilities(ModelRole.TEACHER);
        double[] student = model.exampleProbabilities(ModelRole.DISTILLED);
        if (teacher != null && student != null) {
            int label = live.testExamples().labels()[live.strip()[model.selectedExampleProperty().get()]];
            exampleTeacherChart.labelsProperty().set(live.classNames());
            exampleStudentChart.labelsProperty().set(live.classNames());
            exampleTeacherChart.markedIndexProperty().set(label);
            exampleStudentChart.markedIndexProperty().set(label);
            exampleTeacherChart.setValues(teacher);
            exampleStudentChart.setValues(student);
        }
    }

    private void bindResultTab() {
        var selection = resultTabs.getSelectionModel();
        selection.select(model.resultTabProperty().get().ordinal());
        selection.selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.resultTabProperty().set(TrainingModel.ResultTab.values()[now.intValue()]);
            }
        });
        model.resultTabProperty().addListener((obs, old, now) -> selection.select(now.ordinal()));
    }

    private void buildSweep() {
        SweepModel sweep = model.sweep();
        bindField(sweepTemperaturesField, sweep.temperatures);
        bindField(sweepSeedsField, sweep.seeds);
        sweepStartButton.disableProperty().bind(sweep.canStartProperty().not());
        sweepCancelButton.disableProperty().bind(sweep.busyProperty().not());
        sweepStatus.textProperty().bind(sweep.statusProperty());
        sweepChart.distilledLabelProperty().bind(i18n.text("series_distilled"));
        sweepChart.baselineLabelProperty().bind(i18n.text("series_baseline"));
        sweepChart.teacherLabelProperty().bind(i18n.text("series_teacher"));
        sweepChart.xLabelProperty().bind(i18n.text("sweep_x_label"));
        sweep.rows().addListener((ListChangeListener<SweepRow>) c ->
                sweepChart.setRows(List.copyOf(sweep.rows())));
        sweep.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                sweepChart.setResult(now);
            }
        });
    }

    @FXML
    private void startSweep() {
        model.sweep().start();
    }

    @FXML
    private void cancelSweep() {
        model.sweep().cancel();
    }

    @FXML
    private void openInExplorer() {
        model.openSelectedInExplorer();
    }

    private static final long LEARNED_PERIOD_NANOS = 250_000_000;
    private long shownEpochs = -1;
    private long accuracyShownRevision = -1;
    private long learnedShownAt;
    private boolean learnedPending;

    private void refreshLive() {
        LiveMetrics live = model.live();
        lossChart.invalidate();
        if (live.epochRevision() != accuracyShownRevision) { // accuracies arrive once an epoch
            accuracyShownRevision = live.epochRevision();
            accuracyChart.invalidate();
        }
        long now = System.nanoTime();
        boolean running = model.stateProperty().get().busy();
        if (live.epochRevision() == shownEpochs
                || running && now - learnedShownAt < LEARNED_PERIOD_NANOS && shownEpochs >= 0) {
            return; // what the models learned changes per epoch, and is redrawn at most four times a second
        }
        shownEpochs = live.epochRevision();
        learnedShownAt = now;
        if (running) {
            learnedPending = true;
        } else {
            learnedPending = false;
            showLearned(false);
        }
    }

    /**
     * During a run, what the models learned is drawn in the next frame in which the charts do not redraw, so the two
     * never share one: a frame that drew the charts and three heatmaps took 21–36 ms on the reference machine, most
     * of it the renderer's.
     */
    private void showLearnedIfPending() {
        if (learnedPending) {
            learnedPending = showLearned(true);
        }
    }

    /**
     * Shows what the models learned: all of it, or during a run one changed view a call, so a frame redraws at most
     * one heatmap or matrix (the screen calls again in its next quiet frame); the example strip follows the views.
     *
     * @return whether pictures may remain to show
     */
    private boolean showLearned(boolean onePicture) {
        LiveMetrics live = model.live();
        // until the run's data arrives (a frame or two after Start) the set-up's data set tells the kind: a digits
        // run after a digits run keeps its (now empty) confusion matrices instead of flashing the boundary views
        boolean twoD = live.points() == null ? boundariesForSetup() : live.bounds() != null;
        showLearnedKind(twoD);
        for (ModelRole role : ModelRole.values()) {
            boolean changed = twoD
                    ? boundaryViews.get(role).show(live.boundaries.get(role), live.points(), live.bounds())
                    : confusionViews.get(role).show(live.confusion.get(role), live.classNames());
            if (changed && onePicture) {
                return true;
            }
        }
        if (live.strip().length > 0) {
            refreshExamples();
        }
        return false;
    }

    // ---- exports

    @FXML
    private void exportCsv() {
        File file = chooseFile("training_export_csv", "runs.csv", "*.csv");
        if (file != null) {
            report(() -> model.exportHistory(file.toPath()));
        }
    }

    @FXML
    private void exportMarkdown() {
        File file = chooseFile("training_export_markdown", "runs.md", "*.md");
        if (file != null) {
            report(() -> model.exportHistoryMarkdown(file.toPath()));
        }
    }

    @FXML
    private void exportPng() {
        File file = chooseFile("training_export_png", "distillation.png", "*.png");
        if (file != null) {
            report(() -> ChartExport.writePng(distillationScreen.lookup("#runArea"), file.toPath(), 2));
        }
    }

    private File chooseFile(String titleKey, String name, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return chooser.showSaveDialog(distillationScreen.getScene().getWindow());
    }

    private void report(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            model.reportError(i18n.formatNow("training_export_failed", e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
