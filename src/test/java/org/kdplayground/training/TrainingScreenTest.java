package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.training.calibration.ReliabilityDiagram;
import org.kdplayground.training.learned.BoundaryView;
import org.kdplayground.training.learned.ConfusionView;
import org.kdplayground.training.learned.ExampleStrip;
import org.kdplayground.training.live.CollectionAfterRun;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.live.RunWorker;
import org.kdplayground.training.results.HistoryExport;
import org.kdplayground.training.results.HistoryTable;
import org.kdplayground.training.results.RunRecord;
import org.kdplayground.training.setup.RunSetup;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.training.sweep.SweepChart;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.LiveLineChart;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live distillation screen with the real engine: short runs on a small two-moons set. */
@ExtendWith(ApplicationExtension.class)
class TrainingScreenTest {

    private static EngineService engine;

    private TrainingModel model;
    private final java.util.List<org.kdplayground.ui.LogitsExample> opened = new java.util.ArrayList<>();
    private Stage stage;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = TestEngines.started();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Start
    void start(Stage primaryStage) {
        I18n i18n = new I18n(Language.ENGLISH);
        LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
        engine.addStatusListener(status::publish);
        model = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), opened::add);
        model.speedProperty().set(org.kdplayground.training.timeline.RunSpeed.FASTEST);
        ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
        stage = TestWindows.show(new Stage(), loader.load(TrainingController.class).root(), 1280, 800,
                new FontPolicy(java.util.List.of()));
    }

    @AfterEach
    void stopAndClose(FxRobot robot) throws Exception {
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.stateProperty().get().busy());
        robot.interact(stage::close);
    }

    private void smallRun(FxRobot robot, int teacherEpochs, int studentEpochs) {
        robot.interact(() -> {
            RunSetup setup = model.setup();
            setup.presetProperty().set(TrainingPreset.TWO_MOONS); // the screen opens on spirals with 200 epochs
            setup.size.textProperty().set("200");
            setup.field(NumericSetting.TEACHER_EPOCHS).textProperty().set(Integer.toString(teacherEpochs));
            setup.field(NumericSetting.STUDENT_EPOCHS).textProperty().set(Integer.toString(studentEpochs));
            setup.field(NumericSetting.BATCH_SIZE).textProperty().set("32");
        });
    }

    @Test
    void aRunsDrawingIsSpreadOverFramesTheSetUpChartsAndHeatmapsEachInItsOwn(FxRobot robot) throws Exception {
        smallRun(robot, 3, 150); // long enough for the heatmaps to be redrawn during the run (4 times a second)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        org.kdplayground.ui.CanvasChart loss = robot.lookup("#lossChart").queryAs(org.kdplayground.ui.CanvasChart.class);
        org.kdplayground.ui.CanvasChart accuracy =
                robot.lookup("#accuracyChart").queryAs(org.kdplayground.ui.CanvasChart.class);
        List<BoundaryView> views = List.of(robot.lookup("#boundary-teacher").queryAs(BoundaryView.class),
                robot.lookup("#boundary-distilled").queryAs(BoundaryView.class),
                robot.lookup("#boundary-baseline").queryAs(BoundaryView.class));
        Node setupPanel = robot.lookup("#setupPanel").query();
        List<String> shared = new java.util.ArrayList<>();
        List<String> lockFrame = new java.util.ArrayList<>();
        List<String> crowded = new java.util.ArrayList<>();
        List<String> startFrame = new java.util.ArrayList<>();
        int[] learnedFrames = new int[1];
        long[] last = new long[2];
        Runnable perPulse = () -> {
            long charts = loss.redraws() + accuracy.redraws();
            long learned = views.stream().mapToLong(BoundaryView::redraws).sum();
            if (model.stateProperty().get().busy() && learned != last[1]) {
                learnedFrames[0]++;
                if (learned - last[1] > 1) {
                    crowded.add(model.progressTextProperty().get());
                }
                if (charts != last[0]) {
                    shared.add(model.progressTextProperty().get());
                }
            }
            if (model.stateProperty().get().busy() && startFrame.isEmpty()) {
                startFrame.add((setupPanel.isDisabled() ? "set-up " : "") + (charts != last[0] ? "charts " : "")
                        + (learned != last[1] ? "heatmaps" : ""));
            }
            if (setupPanel.isDisabled() && lockFrame.isEmpty()) {
                lockFrame.add((charts != last[0] ? "charts " : "") + (learned != last[1] ? "heatmaps" : ""));
            }
            last[0] = charts;
            last[1] = learned;
        };
        robot.interact(() -> {
            last[0] = loss.redraws() + accuracy.redraws();
            last[1] = views.stream().mapToLong(BoundaryView::redraws).sum();
            stage.getScene().addPostLayoutPulseListener(perPulse);
        });
        robot.interact(model::start);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 1);
        robot.interact(() -> stage.getScene().removePostLayoutPulseListener(perPulse));

        assertThat(learnedFrames[0]).as("frames that redrew a heatmap during the run").isPositive();
        assertThat(shared).as("frames that redrew charts and heatmaps together").isEmpty();
        assertThat(crowded).as("frames that redrew more than one heatmap").isEmpty();
        // the frame that drew Start drew nothing else of the run, nor did the one that greyed out the set-up
        assertThat(startFrame).containsExactly("");
        assertThat(lockFrame).containsExactly("");
        // and the run's last boundaries are on screen once it ended
        assertThat(views).allSatisfy(view -> assertThat(view.hasBoundary()).isTrue());
    }

    @Test
    void shortRunFillsTheChartsHeatmapsAndResults(FxRobot robot) throws Exception {
        smallRun(robot, 2, 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        // the screen timed the FX thread's work on the run's pulses (the scene's layout passes reach the model)
        assertThat(model.pacer().pulseWork().count()).isPositive();
        assertThat(model.pacer().pulseWork().quantileMillis(0.5)).isPositive();

        LiveMetrics live = model.live();
        assertThat(live.teacherLoss().size()).isPositive();
        assertThat(live.distilledLoss().size()).isPositive();
        assertThat(live.distilledPart(LossPart.SOFT).size()).isPositive();
        assertThat(live.baselineLoss().size()).isPositive();
        assertThat(live.testAccuracy(ModelRole.DISTILLED).size()).isEqualTo(3);
        assertThat(live.testAccuracy(ModelRole.TEACHER).size()).isEqualTo(2 + 3);
        for (String id : new String[] {"#boundary-teacher", "#boundary-distilled", "#boundary-baseline"}) {
            BoundaryView view = robot.lookup(id).queryAs(BoundaryView.class);
            assertThat(view.hasBoundary()).as(id).isTrue();
            assertThat(view.isVisible()).isTrue();
        }
        // beyond accuracy: agreement per student epoch, ECE per epoch of every model, the last epoch's bins
        assertThat(live.agreement(ModelRole.DISTILLED).size()).isEqualTo(3);
        assertThat(live.agreement(ModelRole.TEACHER).size()).isZero();
        assertThat(live.ece(ModelRole.TEACHER).size()).isEqualTo(2 + 3);
        assertThat(live.ece(ModelRole.BASELINE).size()).isEqualTo(3);
        LiveLineChart epochChart = robot.lookup("#accuracyChart").queryAs(LiveLineChart.class);
        Label note = robot.lookup("#epochChartNote").queryAs(Label.class);
        assertThat(note.getText()).isEqualTo("solid: test, faint: labelled training rows");
        robot.clickOn("#agreementMeasureToggle");
        assertThat(epochChart.series()).extracting(LiveLineChart.Series::data)
                .contains(live.agreement(ModelRole.DISTILLED), live.agreement(ModelRole.BASELINE))
                .doesNotContain(live.testAccuracy(ModelRole.TEACHER));
        assertThat(note.getText()).startsWith("solid: agreement with the teacher");
        robot.clickOn("#agreementMeasureToggle"); // clicking the chosen measure again keeps it
        assertThat(robot.lookup("#agreementMeasureToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#eceMeasureToggle");
        assertThat(epochChart.series()).extracting(LiveLineChart.Series::data)
                .containsExactly(live.ece(ModelRole.TEACHER), live.ece(ModelRole.DISTILLED),
                        live.ece(ModelRole.BASELINE));
        robot.clickOn("#accuracyMeasureToggle");
        assertThat(epochChart.series()).hasSize(6);

        robot.interact(() -> model.resultTabProperty().set(TrainingModel.ResultTab.CALIBRATION));
        WaitForAsyncUtils.waitForFxEvents();
        for (ModelRole role : ModelRole.values()) {
            ReliabilityDiagram diagram = robot.lookup("#reliability-" + role.name().toLowerCase(java.util.Locale.ROOT))
                    .queryAs(ReliabilityDiagram.class);
            assertThat(diagram.reliability()).as(role.name())
                    .isSameAs(live.reliability().get(role))
                    .isEqualTo(model.history().get(0).result().quality(role).orElseThrow().reliability());
            assertThat(diagram.isVisible()).isTrue();
        }

        // the disagreement view: the students' heatmaps against the teacher's, with the share of the plane
        robot.interact(() -> model.resultTabProperty().set(TrainingModel.ResultTab.LEARNED));
        BoundaryView distilledView = robot.lookup("#boundary-distilled").queryAs(BoundaryView.class);
        assertThat(distilledView.disagreement()).isNaN();
        robot.clickOn("#disagreementToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(distilledView.disagreement()).isBetween(0.0, 1.0);
        assertThat(robot.lookup("#boundary-teacher").queryAs(BoundaryView.class).disagreement()).isNaN();
        robot.clickOn("#disagreementToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(distilledView.disagreement()).isNaN();

        RunRecord record = model.history().get(0);
        assertThat(record.result().stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        assertThat(record.result().device()).containsIgnoringCase("cpu");
        TableView<?> table = robot.lookup("#historyTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText()).startsWith("Done in");
        // every heading and value fits its column: nothing is cut to "…"
        javafx.scene.text.Text probe = new javafx.scene.text.Text("two-moons");
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), 14));
        assertThat(table.getColumns().get(1).getWidth()).as("the Data column")
                .isGreaterThanOrEqualTo(probe.getLayoutBounds().getWidth());
        assertThat(table.getColumns().get(3).getWidth()).as("the T column holds \"4.00\", not just \"T\"")
                .isGreaterThan(40);

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kd-export");
        HistoryExport.writeCsv(dir.resolve("runs.csv"), model.history());
        java.util.List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).startsWith("run,dataset,temperature,alpha");
        assertThat(csv.get(1)).startsWith("1,two-moons,4.0,0.5");
        java.util.List<String> header = java.util.List.of(csv.get(0).split(","));
        String[] cells = csv.get(1).split(",", -1);
        assertThat(cells).hasSize(header.size());
        assertThat(cells[header.indexOf("loss")]).isEqualTo("hinton");
        assertThat(Double.parseDouble(cells[header.indexOf("distilled_agreement")]))
                .isEqualTo(record.agreement(ModelRole.DISTILLED));
        assertThat(Double.parseDouble(cells[header.indexOf("teacher_test_ece")])).isEqualTo(record.ece(ModelRole.TEACHER));
        HistoryExport.writeMarkdown(dir.resolve("runs.md"), model.history(), new I18n(Language.ENGLISH));
        java.util.List<String> md = java.nio.file.Files.readAllLines(dir.resolve("runs.md"));
        assertThat(md).hasSize(3);
        assertThat(md.get(0)).startsWith("| Run | Data | Loss | T | α |");
        assertThat(md.get(1)).startsWith("|---|");
        assertThat(md.get(2)).startsWith("| 1 | two-moons | Hinton | 4.00 | 0.50 |").contains("completed");
    }

    @Test
    void aRunsGarbageIsCollectedOnceAMomentAfterItEndsUnlessTheNextRunHasStarted(FxRobot robot) throws Exception {
        smallRun(robot, 2, 150); // runs that outlast the delay
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        AtomicLong collectedAt = new AtomicLong();
        AtomicInteger collections = new AtomicInteger();
        long[] endedAt = new long[1];
        robot.interact(() -> {
            model.collection().setCollector(() -> {
                collections.incrementAndGet();
                collectedAt.set(System.nanoTime());
            });
            model.stateProperty().addListener((obs, was, now) -> {
                if (was.busy() && !now.busy()) {
                    endedAt[0] = System.nanoTime();
                }
            });
            model.start();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> collections.get() == 1);
        assertThat(model.history()).hasSize(1);
        // not at once: the delay, less a frame (the timer counts from the pulse's start, a little before the end)
        assertThat(collectedAt.get() - endedAt[0]).as("nanoseconds after the end")
                .isGreaterThanOrEqualTo((long) ((CollectionAfterRun.DELAY.toMillis() - 17) * 1e6));
        Thread.sleep(500);
        assertThat(collections).as("once a run").hasValue(1);

        // a run that starts before the delay is over (in the FX task after the end): its predecessor's collection
        // is left out
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.interact(() -> {
            model.history().addListener((ListChangeListener<RunRecord>) change -> {
                if (model.history().size() == 2) {
                    Platform.runLater(model::start);
                }
            });
            model.start();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 3);
        assertThat(model.history().get(2).result().totalMillis()).as("the third run outlasted the second's delay")
                .isGreaterThan(CollectionAfterRun.DELAY.toMillis());
        Thread.sleep((long) CollectionAfterRun.DELAY.toMillis() + 500);
        assertThat(collections).as("the first run's, then only the last run's").hasValue(2);
    }

    @Test
    void theProgressBarMovesBackAndForthOnlyWhenAPreparationTakesLong(FxRobot robot) throws Exception {
        smallRun(robot, 1, 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        double[] seen = new double[2];
        robot.interact(() -> {
            model.start(); // the worker's first event reaches the screen on a later pulse, not within this call
            assertThat(model.stateProperty().get()).isEqualTo(RunState.PREPARING);
            seen[0] = model.progressProperty().get();
            model.showPreparingIfStill(); // what the hint's timer does once the preparation outlasts its delay
            seen[1] = model.progressProperty().get();
        });
        assertThat(seen[0]).as("a fresh preparation: an empty bar, not a moving one").isZero();
        assertThat(seen[1]).as("a long preparation: indeterminate").isEqualTo(ProgressBar.INDETERMINATE_PROGRESS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.history().size() == 1);
        robot.interact(model::showPreparingIfStill);
        assertThat(model.progressProperty().get()).as("a hint after the run leaves the finished bar").isEqualTo(1.0);
        assertThat(RunLifecycle.PREPARING_HINT_DELAY.toMillis()).isBetween(200.0, 1000.0);
    }

    @Test
    void pauseHoldsTheStepCountAndStopEndsTheRunSoANewOneWorks(FxRobot robot) throws Exception {
        smallRun(robot, 200, 200);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.live().teacherLoss().size() > 20);

        robot.clickOn("#pauseButton");
        assertThat(model.stateProperty().get()).isEqualTo(RunState.PAUSED);
        Thread.sleep(300); // let steps already queued arrive
        WaitForAsyncUtils.waitForFxEvents();
        long held = stepsSoFar();
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stepsSoFar()).isEqualTo(held);
        assertThat(robot.lookup("#pauseButton").queryAs(Button.class).getText()).isEqualTo("Resume");

        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stepsSoFar() > held);
        robot.clickOn("#stopButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.history().size() == 1);
        assertThat(model.history().get(0).result().stopReason()).isEqualTo(RunResult.StopReason.CANCELLED);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.IDLE);

        smallRun(robot, 1, 1);
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.history().size() == 2);
        assertThat(model.history().get(1).result().stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
    }

    @Test
    void invalidHyperParametersDisableStartWithAMessage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        TextField temperature = robot.lookup("#field-temperature").queryAs(TextField.class);
        // the field may lie below the set-up's fold at 1280x800: focus it and select its text as a double click does
        robot.interact(() -> {
            temperature.requestFocus();
            temperature.selectAll();
        });
        robot.eraseText(1).write("abc");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(temperature.getText()).isEqualTo("abc");
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText())
                .isEqualTo("Fix the marked fields to start.");
        assertThat(temperature.getTooltip().getText()).isEqualTo("“abc” is not a number.");
        assertThat(temperature.getPseudoClassStates().toString()).contains("danger");
        assertThat(model.setup().field(NumericSetting.TEMPERATURE).value()).isEqualTo(4.0);

        robot.interact(() -> temperature.setText("2"));
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void aCsvTableOfFourFeaturesTrainsWithConfusionMatricesAndNoExampleStrip(FxRobot robot) throws Exception {
        StringBuilder iris = new StringBuilder("a;b;c;d;species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < 60; i++) {
            iris.append(5 + i % 3).append(';').append(3 - 0.2 * (i % 3)).append(';').append(1.4 + 2 * (i % 3))
                    .append(';').append(0.01 * i).append(';').append(species[i % 3]).append('\n');
        }
        java.nio.file.Path table = java.nio.file.Files.createTempFile("iris", ".csv");
        java.nio.file.Files.writeString(table, iris);
        robot.interact(() -> model.opener().openCsv(table));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.preview().dataProperty().get() != null
                && model.preview().dataProperty().get().featureCount() == 4);
        robot.interact(() -> {
            model.setup().field(NumericSetting.TEACHER_EPOCHS).textProperty().set("2");
            model.setup().field(NumericSetting.STUDENT_EPOCHS).textProperty().set("2");
            model.setup().field(NumericSetting.LABELLED_FRACTION).textProperty().set("1");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.live().classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(model.live().strip()).isEmpty();
        int[][] counts = robot.lookup("#confusion-teacher").queryAs(ConfusionView.class).counts();
        assertThat(counts).hasDimensions(3, 3);
        java.nio.file.Files.delete(table);
    }

    @Test
    void imageRunShowsConfusionMatricesAndExamplesThatOpenInTheExplorer(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.setup().presetProperty().set(TrainingPreset.DIGITS);
            model.setup().field(NumericSetting.TEACHER_EPOCHS).textProperty().set("1");
            model.setup().field(NumericSetting.STUDENT_EPOCHS).textProperty().set("2");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : new String[] {"#confusion-teacher", "#confusion-distilled", "#confusion-baseline"}) {
            int[][] counts = robot.lookup(id).queryAs(ConfusionView.class).counts();
            assertThat(counts).as(id).hasDimensions(10, 10);
            assertThat(java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).sum())
                    .isEqualTo(model.history().get(0).result().testAccuracy().isEmpty() ? 0
                            : model.live().testExamples().size());
        }
        robot.clickOn("#examplesTab .tab-label");
        ExampleStrip strip = robot.lookup("#exampleStrip").queryAs(ExampleStrip.class);
        assertThat(strip.size()).isEqualTo(RunWorker.STRIP);
        robot.clickOn(robot.point(strip).atPosition(javafx.geometry.Pos.TOP_LEFT).atOffset(new javafx.geometry.Point2D(20, 20)));
        assertThat(model.examples().selectedProperty().get()).isZero();
        double[] teacher = model.examples().probabilities(ModelRole.TEACHER);
        assertThat(java.util.Arrays.stream(teacher).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));

        robot.clickOn("#openInExplorerButton");
        assertThat(opened).hasSize(1);
        var example = opened.get(0);
        assertThat(example.classNames()).hasSize(10);
        assertThat(example.label()).isEqualTo(model.live().testExamples().labels()[model.live().strip()[0]]);
        assertThat(example.temperature()).isEqualTo(4.0);

        // the bars were computed at the run's T: editing the set-up's T afterwards must not relabel them
        Label teacherTitle = robot.lookup("#exampleTeacherTitle").queryAs(Label.class);
        Label studentTitle = robot.lookup("#exampleStudentTitle").queryAs(Label.class);
        assertThat(teacherTitle.getText()).isEqualTo("Teacher, T = 4");
        robot.interact(() -> model.setup().field(NumericSetting.TEMPERATURE).textProperty().set("8"));
        assertThat(teacherTitle.getText()).isEqualTo("Teacher, T = 4");
        assertThat(studentTitle.getText()).isEqualTo("Distilled student, T = 4");
        assertThat(model.examples().probabilities(ModelRole.TEACHER)).containsExactly(teacher);

        // a second digits run starts on empty confusion matrices, not on the boundary views of a 2-D run
        javafx.scene.layout.HBox learned = robot.lookup("#learnedBox").queryAs(javafx.scene.layout.HBox.class);
        java.util.List<javafx.scene.Node> atStart = new java.util.ArrayList<>();
        ConfusionView teacherView = robot.lookup("#confusion-teacher").queryAs(ConfusionView.class);
        int[][] previous = teacherView.counts();
        robot.interact(() -> {
            model.start(); // the live pictures are emptied a frame or two later; the run's data on a later pulse
            atStart.addAll(learned.getChildren());
        });
        assertThat(atStart).extracting(javafx.scene.Node::getId)
                .containsExactly("confusion-teacher", "confusion-distilled", "confusion-baseline");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> teacherView.counts() != previous);
        assertThat(learned.getChildren()).extracting(javafx.scene.Node::getId)
                .containsExactly("confusion-teacher", "confusion-distilled", "confusion-baseline");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 2);

        // a finished run's pictures stay when the set-up moves on to 2-D data, until the next run
        robot.interact(() -> model.setup().presetProperty().set(TrainingPreset.TWO_MOONS));
        assertThat(learned.getChildren()).extracting(javafx.scene.Node::getId).first().isEqualTo("confusion-teacher");
        assertThat(robot.lookup("#confusion-teacher").queryAs(ConfusionView.class).counts()).isNotNull();
    }

    @Test
    void beforeAnyRunTheLearnedTabShowsTheKindOfPictureTheChosenDataWillGet(FxRobot robot) {
        javafx.scene.layout.HBox learned = robot.lookup("#learnedBox").queryAs(javafx.scene.layout.HBox.class);
        robot.interact(() -> model.setup().presetProperty().set(TrainingPreset.DIGITS));
        assertThat(learned.getChildren()).extracting(javafx.scene.Node::getId)
                .containsExactly("confusion-teacher", "confusion-distilled", "confusion-baseline");
        robot.interact(() -> model.setup().presetProperty().set(TrainingPreset.TWO_MOONS));
        assertThat(learned.getChildren()).extracting(javafx.scene.Node::getId)
                .containsExactly("boundary-teacher", "boundary-distilled", "boundary-baseline");
    }

    @Test
    void temperatureSweepDrawsOneRowPerTemperatureAndSeed(FxRobot robot) throws Exception {
        smallRun(robot, 1, 1);
        robot.clickOn("#sweepTab .tab-label");
        robot.interact(() -> {
            model.sweep().values.textProperty().set("1, 4, abc");
        });
        assertThat(robot.lookup("#sweepStartButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> {
            model.sweep().values.textProperty().set("1, 4");
            model.sweep().seeds.textProperty().set("2");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.sweep().canStartProperty().get());
        // Start is disabled while the sweep runs (a sweep on a cached teacher may end before the click returns,
        // so the state is read when the sweep starts, not after the click)
        Button start = robot.lookup("#startButton").queryAs(Button.class);
        AtomicBoolean startDisabledWhileBusy = new AtomicBoolean();
        robot.interact(() -> model.sweep().busyProperty().addListener((obs, was, busy) -> {
            if (busy) {
                startDisabledWhileBusy.set(start.isDisabled());
            }
        }));
        robot.clickOn("#sweepStartButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.sweep().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.sweep().rows()).hasSize(4);
        assertThat(model.sweep().rows()).extracting(r -> r.temperature()).containsExactlyInAnyOrder(1f, 4f, 1f, 4f);
        assertThat(model.sweep().resultProperty().get().completed()).isTrue();
        assertThat(model.sweep().statusProperty().get()).startsWith("Done in");
        assertThat(startDisabledWhileBusy).isTrue();
        assertThat(start.isDisabled()).isFalse();
        SweepChart chart = robot.lookup("#sweepChart").queryAs(SweepChart.class);
        assertThat(chart.xLabelProperty().get()).isEqualTo("Temperature T");
    }

    /** The capacity gap: a sweep of the teacher's layers trains a teacher per value and plots against them. */
    @Test
    @SuppressWarnings("unchecked")
    void aTeacherSizeSweepTrainsATeacherPerValueAndTheChartFollowsTheChosenMeasure(FxRobot robot) throws Exception {
        smallRun(robot, 1, 1);
        robot.interact(() -> model.resultTabProperty().set(TrainingModel.ResultTab.SWEEP));
        ChoiceBox<SweptSetting> settings = robot.lookup("#sweepSettingBox").queryAs(ChoiceBox.class);
        TextField values = robot.lookup("#field-sweepValues").queryAs(TextField.class);
        assertThat(values.getText()).isEqualTo("1, 2, 4, 8, 16");
        robot.interact(() -> values.setText("1, 4"));
        robot.interact(() -> settings.setValue(SweptSetting.TEACHER_HIDDEN));
        assertThat(values.getText()).as("each setting has its own list").isEqualTo("8, 32, 128, 256-256");
        assertThat(settings.getTooltip().getText()).contains("each value trains a teacher of its own");
        robot.interact(() -> values.setText("4, 16, -4"));
        assertThat(model.sweep().values.isValid()).isFalse();
        assertThat(robot.lookup("#sweepStartButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(values.getTooltip().getText()).contains("“-4” is not hidden layer sizes");
        assertThat(robot.lookup("#sweepStatus").queryAs(Label.class).getText()).as("the reason, on screen")
                .startsWith("“-4” is not hidden layer sizes");
        robot.interact(() -> {
            values.setText("4, 16-16");
            model.sweep().seeds.textProperty().set("1");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.sweep().canStartProperty().get());
        robot.clickOn("#sweepStartButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.sweep().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.sweep().rows()).hasSize(2).allSatisfy(r -> assertThat(r.teacherTrained()).isTrue());
        assertThat(model.sweep().rows()).extracting(r -> r.point().get(0).label()).containsExactly("4", "16-16");
        assertThat(model.sweep().statusProperty().get()).contains("Teacher size = ");
        SweepChart chart = robot.lookup("#sweepChart").queryAs(SweepChart.class);
        assertThat(chart.xLabelProperty().get()).isEqualTo("Teacher size");
        robot.clickOn("#sweepAgreementToggle");
        assertThat(model.sweep().measureProperty().get()).isEqualTo(SweepMeasure.AGREEMENT);
        robot.clickOn("#sweepEceToggle");
        assertThat(model.sweep().measureProperty().get()).isEqualTo(SweepMeasure.ECE);
        robot.clickOn("#sweepEceToggle");
        assertThat(model.sweep().measureProperty().get()).as("clicking the chosen measure keeps it")
                .isEqualTo(SweepMeasure.ECE);
        // back to T: its list is as the learner left it
        robot.interact(() -> settings.setValue(SweptSetting.TEMPERATURE));
        assertThat(values.getText()).isEqualTo("1, 4");
        assertThat(model.sweep().snapshot().setting()).isEqualTo(SweptSetting.TEMPERATURE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingAClassToLeaveOutAndAShortDigitsRunShowsTheStudentsErrorsBeforeAndAfterTheShift(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            model.setup().presetProperty().set(TrainingPreset.DIGITS);
            model.setup().field(NumericSetting.TEACHER_EPOCHS).textProperty().set("3");
            model.setup().field(NumericSetting.STUDENT_EPOCHS).textProperty().set("4");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.preview().dataProperty().get() != null
                && model.preview().dataProperty().get().classCount() == 10);
        ComboBox<Integer> box = robot.lookup("#omittedClassBox").queryAs(ComboBox.class);
        assertThat(box.getItems()).hasSize(11).startsWith(-1, 0, 1);
        assertThat(box.getConverter().toString(box.getValue())).isEqualTo("None");
        robot.interact(() -> robot.lookup("#setupScroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(box);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                (javafx.scene.control.ListCell<?> cell) -> "3".equals(cell.getText())).queryAs(Node.class));
        assertThat(model.setup().omittedClassProperty().get()).isEqualTo(3);
        assertThat(model.getSetupText("omittedClass")).isEqualTo("3");

        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        RunRecord record = model.history().get(0);
        OmittedClassResult o = record.result().omittedClass().orElseThrow();
        assertThat(o.omittedClass()).isEqualTo(3);
        assertThat(o.className()).isEqualTo("3");

        robot.clickOn("#resultsTab .tab-label");
        Node panel = robot.lookup("#omittedPanel").query();
        assertThat(panel.isVisible()).isTrue();
        assertThat(text(robot, "#omittedTitle")).isEqualTo("Run 1: “3” left out of the students’ training");
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            OmittedClassResult.Correction c = o.of(role);
            String id = "#omitted-" + role.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(text(robot, id + "-before")).isEqualTo(c.testErrorsBefore() + " / " + c.classErrorsBefore());
            assertThat(text(robot, id + "-after")).isEqualTo(c.testErrorsAfter() + " / " + c.classErrorsAfter());
            assertThat(text(robot, id + "-shift")).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f",
                    c.biasShift()));
        }
        assertThat(text(robot, "#omitted-teacher-before")).isEqualTo(o.teacherTestErrors() + " / "
                + o.teacherClassErrors());
        assertThat(o.of(ModelRole.BASELINE).classErrorsBefore()).isEqualTo(o.testClassRows());
        assertThat(HistoryTable.omitted(record, new I18n(Language.ENGLISH))).isEqualTo("3: "
                + o.of(ModelRole.DISTILLED).classErrorsAfter() + " / " + o.of(ModelRole.BASELINE).classErrorsAfter()
                + " of " + o.testClassRows());

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kd-export");
        HistoryExport.writeCsv(dir.resolve("runs.csv"), model.history());
        List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("runs.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",", -1);
        assertThat(row).hasSize(header.size());
        assertThat(row[header.indexOf("omitted_class")]).isEqualTo("3");
        assertThat(row[header.indexOf("baseline_class_errors_after")])
                .isEqualTo(Integer.toString(o.of(ModelRole.BASELINE).classErrorsAfter()));

        robot.interact(() -> model.setup().presetProperty().set(TrainingPreset.TWO_MOONS));
        smallRun(robot, 1, 1);
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.history().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.isVisible()).as("a run without an omitted class hides the panel").isFalse();
        robot.interact(() -> robot.lookup("#historyTable").queryTableView().getSelectionModel().select(0));
        assertThat(panel.isVisible()).as("selecting the omit-3 run shows it again").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClassTheDataSetNoLongerHasDisablesStartAndMarksTheChoice(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.setup().datasetProperty().set(org.kdplayground.data.DatasetCatalog.BLOBS);
            model.setup().classes.textProperty().set("5");
            model.setup().omittedClassProperty().set(4);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        ComboBox<Integer> box = robot.lookup("#omittedClassBox").queryAs(ComboBox.class);
        TextField classes = robot.lookup("#field-classes").queryAs(TextField.class);
        robot.doubleClickOn(classes).eraseText(3).write("3");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#messageLabel")).isEqualTo("Fix the marked fields to start.");
        assertThat(box.getPseudoClassStates().toString()).contains("danger");
        assertThat(box.getTooltip().getText())
                .isEqualTo("This data set has no class 4: choose None or one of its classes.");
        assertThat(box.getItems()).hasSize(4);

        robot.interact(() -> box.setValue(-1));
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(box.getPseudoClassStates().toString()).doesNotContain("danger");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private long stepsSoFar() {
        LiveMetrics live = model.live();
        return live.teacherLoss().size() + live.studentSteps();
    }
}
