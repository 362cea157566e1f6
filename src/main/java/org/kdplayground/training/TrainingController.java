package org.kdplayground.training;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.training.calibration.CalibrationTab;
import org.kdplayground.training.learned.ExamplesTab;
import org.kdplayground.training.learned.LearnedViews;
import org.kdplayground.training.live.LiveCharts;
import org.kdplayground.training.results.ResultsTab;
import org.kdplayground.training.results.RunRecord;
import org.kdplayground.training.setup.DownloadRow;
import org.kdplayground.training.setup.FieldBinding;
import org.kdplayground.training.setup.SetupPanel;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.training.setup.drawing.DrawingDialog;
import org.kdplayground.training.sweep.SweepChart;
import org.kdplayground.training.sweep.SweepTab;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.training.timeline.TimelineBar;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LiveLineChart;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.ToggleChoice;
import org.kdplayground.ui.Tooltips;

import org.controlsfx.validation.ValidationSupport;

/**
 * Binds the live distillation screen's FXML to its {@link TrainingModel}: each area of the screen is bound by its own
 * part (set-up panel, run bar, live charts, learned views, examples, sweep, results); this class holds the controls,
 * the buttons' actions, the set-up column's folding and the keyboard shortcuts.
 */
public final class TrainingController {

    private final TrainingModel model;
    private final I18n i18n;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private BorderPane distillationScreen;
    @FXML private VBox setupPanel;
    @FXML private ScrollPane setupScroll;
    @FXML private ToggleButton setupToggle;
    @FXML private ComboBox<TrainingPreset> presetBox;
    @FXML private ComboBox<DatasetCatalog> datasetBox;
    @FXML private StackPane previewHolder;
    @FXML private HBox folderRow;
    @FXML private Label folderLabel;
    @FXML private VBox downloadBox;
    @FXML private Label downloadOffer;
    @FXML private ProgressBar downloadBar;
    @FXML private Button downloadButton;
    @FXML private Button downloadCancelButton;
    @FXML private Label downloadStatus;
    @FXML private Label downloadProblem;
    @FXML private Label previewProblem;
    @FXML private Label dataSummary;
    @FXML private HBox labelColumnRow;
    @FXML private Label labelColumnLabel;
    @FXML private ComboBox<Integer> labelColumnBox;
    @FXML private GridPane dataGrid;
    @FXML private GridPane networkGrid;
    @FXML private GridPane lossGrid;
    @FXML private GridPane trainingGrid;
    @FXML private Label teacherSummary;
    @FXML private Label studentSummary;
    @FXML private Label compressionSummary;
    @FXML private ChoiceBox<LossMethod> lossBox;
    @FXML private Label lossNote;
    @FXML private ChoiceBox<TransferSet> transferBox;
    @FXML private CheckBox teacherAllLabelsBox;
    @FXML private Label omittedClassLabel;
    @FXML private ComboBox<Integer> omittedClassBox;
    @FXML private VBox runArea;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button stopButton;
    @FXML private Button stepButton;
    @FXML private ToggleButton speedSlowToggle;
    @FXML private ToggleButton speedNormalToggle;
    @FXML private ToggleButton speedFastestToggle;
    @FXML private Button timelinePlayButton;
    @FXML private Slider timelineScrubber;
    @FXML private Label timelinePosition;
    @FXML private Button timelineLiveButton;
    @FXML private Button replayRunButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private ToggleButton logScaleToggle;
    @FXML private LiveLineChart lossChart;
    @FXML private LiveLineChart accuracyChart;
    @FXML private Label epochChartNote;
    @FXML private ToggleButton accuracyMeasureToggle;
    @FXML private ToggleButton agreementMeasureToggle;
    @FXML private ToggleButton eceMeasureToggle;
    @FXML private HBox learnedBox;
    @FXML private HBox reliabilityBox;
    @FXML private Label calibrationNote;
    @FXML private HBox disagreementBar;
    @FXML private ToggleButton disagreementToggle;
    @FXML private TabPane resultTabs;
    @FXML private StackPane stripHolder;
    @FXML private Label examplesNote;
    @FXML private HBox exampleDetail;
    @FXML private Label exampleTeacherTitle;
    @FXML private Label exampleStudentTitle;
    @FXML private ProbabilityBarChart exampleTeacherChart;
    @FXML private ProbabilityBarChart exampleStudentChart;
    @FXML private Button openInExplorerButton;
    @FXML private ChoiceBox<SweptSetting> sweepSettingBox;
    @FXML private TextField sweepValuesField;
    @FXML private ToggleButton sweepAccuracyToggle;
    @FXML private ToggleButton sweepAgreementToggle;
    @FXML private ToggleButton sweepEceToggle;
    @FXML private Label sweepVaryLabel;
    @FXML private TextField sweepSeedsField;
    @FXML private Button sweepStartButton;
    @FXML private Button sweepCancelButton;
    @FXML private Label sweepStatus;
    @FXML private SweepChart sweepChart;
    @FXML private VBox resultsBox;
    @FXML private TableView<RunRecord> historyTable;
    @FXML private Button exportCsvButton;
    @FXML private Button exportMarkdownButton;
    @FXML private Button exportPngButton;

    public TrainingController(TrainingModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
    }

    @FXML
    private void initialize() {
        bindSetupPanel();
        RunBar.bind(model, i18n, new RunBar.Controls(startButton, pauseButton, stopButton, progressBar,
                progressLabel, messageLabel));
        LiveCharts charts = new LiveCharts(model.live(), i18n, model.epochMeasureProperty(),
                new LiveCharts.Controls(lossChart, logScaleToggle, accuracyChart, epochChartNote,
                        List.of(accuracyMeasureToggle, agreementMeasureToggle, eceMeasureToggle)));
        installMeasureTips();
        ExamplesTab examples = new ExamplesTab(model.examples(), model.live(), i18n, new ExamplesTab.Controls(
                stripHolder, examplesNote, exampleDetail, exampleTeacherTitle, exampleStudentTitle,
                exampleTeacherChart, exampleStudentChart, openInExplorerButton));
        LearnedViews learned = new LearnedViews(model.live(), i18n, learnedBox, model.setup().datasetProperty(),
                () -> model.stateProperty().get().busy(), examples::refresh);
        learned.showDisagreementProperty().bind(disagreementToggle.selectedProperty());
        disagreementBar.visibleProperty().bind(learned.showingBoundariesProperty());
        disagreementBar.managedProperty().bind(learned.showingBoundariesProperty());
        CalibrationTab calibration = new CalibrationTab(model.live(), i18n, reliabilityBox);
        model.live().revisionProperty().addListener((obs, old, now) -> {
            charts.refresh();
            learned.refresh();
            calibration.refresh();
        });
        model.pacer().setOnQuietFrame(learned::quietFrame);
        model.resultTabProperty().addListener((obs, old, now) -> {
            if (now == TrainingModel.ResultTab.CALIBRATION) {
                javafx.application.Platform.runLater(calibration::refresh); // once its tab is visible
            } else if (now == TrainingModel.ResultTab.EXAMPLES) {
                javafx.application.Platform.runLater(examples::refresh);
            }
        });
        model.timeline().setOnPicturesChanged(() -> {
            learned.refresh();
            calibration.refresh();
        });
        new SweepTab(model.sweep(), i18n, new FieldBinding(i18n, validation), new SweepTab.Controls(
                sweepSettingBox, sweepValuesField, sweepSeedsField, sweepStartButton, sweepCancelButton, sweepStatus,
                sweepVaryLabel, List.of(sweepAccuracyToggle, sweepAgreementToggle, sweepEceToggle), sweepChart));
        new ResultsTab(model.history(), i18n, model::reportError, new ResultsTab.Controls(resultsBox, historyTable,
                exportCsvButton, exportMarkdownButton, exportPngButton), () -> runArea, distillationScreen);
        bindResultTab();
        bindTimeline(charts);
        Runnable pulseLaidOut = model.pacer()::pulseLaidOut;
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

    /** What each measure of the per-epoch chart and the reliability diagrams mean, on hover. */
    private void installMeasureTips() {
        List<Map.Entry<Control, String>> tips = List.of(Map.entry(accuracyMeasureToggle, "chart_show_accuracy_tip"),
                Map.entry(agreementMeasureToggle, "chart_show_agreement_tip"),
                Map.entry(eceMeasureToggle, "chart_show_ece_tip"), Map.entry(calibrationNote, "calibration_note_tip"));
        tips.forEach(tip -> tip.getKey().setTooltip(Tooltips.wrapping(i18n.text(tip.getValue()))));
    }

    private void bindSetupPanel() {
        SetupPanel panel = new SetupPanel(model.setup(), model.preview(), i18n, validation);
        panel.bindChoices(presetBox, datasetBox, lossBox, transferBox, teacherAllLabelsBox);
        panel.bindLossNote(lossNote);
        panel.bindFolder(folderRow, folderLabel);
        DownloadRow.bind(model.download(), model.setup(), i18n, new DownloadRow.Controls(downloadBox, downloadOffer,
                downloadBar, downloadButton, downloadCancelButton, downloadStatus, downloadProblem));
        panel.bindPreview(previewHolder, previewProblem, dataSummary, model.opener().problemProperty(),
                model.download().offeredProperty());
        panel.bindLabelColumn(labelColumnRow, labelColumnLabel, labelColumnBox, model.opener());
        panel.addFieldRows(dataGrid, networkGrid, lossGrid, trainingGrid);
        panel.bindOmittedClass(omittedClassLabel, omittedClassBox);
        teacherSummary.textProperty().bind(model.summaries().network(model.setup().teacherLayers));
        studentSummary.textProperty().bind(model.summaries().network(model.setup().studentLayers));
        compressionSummary.textProperty().bind(model.summaries().compression());
        setupPanel.disableProperty().bind(model.setupLockedProperty());
        foldSetupWhenNarrow();
    }

    /**
     * Below this width of the screen (a lesson open beside it at 1024 px) the set-up column would leave the charts a
     * third of the screen: it folds away, and the Set-up toggle at the head of the run bar shows it again.
     */
    static final double SETUP_BESIDE_MIN_WIDTH = 760;

    private void foldSetupWhenNarrow() {
        var narrow = distillationScreen.widthProperty().lessThan(SETUP_BESIDE_MIN_WIDTH)
                .and(distillationScreen.widthProperty().greaterThan(0));
        setupToggle.visibleProperty().bind(narrow);
        setupToggle.managedProperty().bind(narrow);
        setupScroll.visibleProperty().bind(narrow.not().or(setupToggle.selectedProperty()));
        setupScroll.managedProperty().bind(setupScroll.visibleProperty());
    }

    /** The Draw tool, starting from the points drawn so far. */
    @FXML
    private void openDrawing() {
        new DrawingDialog(i18n, model.setup().users().drawnProperty().get(), model.opener()::useDrawing)
                .show(distillationScreen.getScene().getWindow());
    }

    @FXML
    private void openCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("setup_open_csv_title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("setup_csv_files"), "*.csv",
                "*.tsv", "*.txt", "*.csv.gz"));
        File file = chooser.showOpenDialog(distillationScreen.getScene().getWindow());
        if (file != null) {
            model.opener().openCsv(file.toPath());
        }
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

    /** The speed choice, Step, the timeline under the charts and the results' Replay. */
    private void bindTimeline(LiveCharts charts) {
        var state = model.stateProperty();
        ToggleChoice.bind(List.of(speedSlowToggle, speedNormalToggle, speedFastestToggle),
                List.of(RunSpeed.values()), model.speedProperty());
        List<Map.Entry<Control, String>> tips = List.of(Map.entry(speedSlowToggle, "speed_one_per_second_tip"),
                Map.entry(speedNormalToggle, "speed_normal_tip"), Map.entry(speedFastestToggle, "speed_fastest_tip"),
                Map.entry(stepButton, "training_step_tip"), Map.entry(replayRunButton, "training_replay_run_tip"));
        tips.forEach(tip -> tip.getKey().setTooltip(Tooltips.wrapping(i18n.text(tip.getValue()))));
        stepButton.disableProperty().bind(Bindings.createBooleanBinding(() -> state.get() != RunState.PAUSED,
                state));
        stepButton.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isShiftDown()) {
                model.step(true);
                e.consume();
            }
        });
        var busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
        new TimelineBar(model.timeline(), i18n, new TimelineBar.Controls(timelineScrubber, timelinePlayButton,
                timelineLiveButton, timelinePosition), new TimelineBar.RunActions(busy,
                () -> state.get() == RunState.PAUSED, model::togglePause, () -> model.step(false), () -> model.step(true)));
        charts.epochMarkerProperty().bind(model.timeline().epochCursorProperty());
        charts.stepMarkerProperty().bind(model.timeline().stepCursorProperty());
        var selected = historyTable.getSelectionModel().selectedItemProperty();
        replayRunButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || state.get().busy() || model.sweepBusyProperty().get()
                        || model.replays().of(selected.get()).isEmpty(), selected, state,
                model.sweepBusyProperty(), model.history()));
        replayRunButton.setOnAction(e -> model.replays().reopen(selected.get())); // disabled while busy
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

    @FXML
    private void stepEpoch() {
        model.step(false);
    }
}
