package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.PaceClock;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.training.learned.BoundaryView;
import org.kdplayground.training.results.HistoryExport;
import org.kdplayground.training.results.RunRecord;
import org.kdplayground.training.setup.RunSetup;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Watching a run learn, with the real engine: its pace, Step while paused, the timeline's replay, the same numbers. */
@ExtendWith(ApplicationExtension.class)
class RunTimelineScreenTest {

    private static final String[] ROLES = {"#boundary-teacher", "#boundary-distilled", "#boundary-baseline"};
    private static EngineService engine;

    private TrainingModel model;
    private Stage stage;

    /**
     * Time for paced runs that passes {@code speedUp} times as fast as the wall clock: a wait of {@code n} lasts
     * {@code n / speedUp} and moves this clock on by {@code n}. With a large speed-up a paced run is as quick as a
     * fast one; with 2 it still takes long enough for the views to show its epochs one by one.
     */
    private static final class FastClock implements PaceClock {
        private final long speedUp;
        private final AtomicLong skipped = new AtomicLong();

        FastClock(long speedUp) {
            this.speedUp = speedUp;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime() + skipped.get();
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            long real = nanos / speedUp;
            long before = System.nanoTime();
            if (real > 0) {
                condition.awaitNanos(real);
            }
            long waited = System.nanoTime() - before;
            skipped.addAndGet(Math.max(0, nanos - waited));
        }
    }

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
        model = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), example -> { });
        ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
        stage = TestWindows.show(new Stage(), loader.load(TrainingController.class).root(), 1280, 800,
                new FontPolicy(List.of()));
    }

    @AfterEach
    void stopAndClose(FxRobot robot) throws Exception {
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.stateProperty().get().busy());
        robot.interact(stage::close);
    }

    private void smallRun(FxRobot robot, int teacherEpochs, int studentEpochs, RunSpeed speed) {
        robot.interact(() -> {
            RunSetup setup = model.setup();
            setup.size.textProperty().set("200");
            setup.field(NumericSetting.TEACHER_EPOCHS).textProperty().set(Integer.toString(teacherEpochs));
            setup.field(NumericSetting.STUDENT_EPOCHS).textProperty().set(Integer.toString(studentEpochs));
            setup.field(NumericSetting.BATCH_SIZE).textProperty().set("32");
            model.speedProperty().set(speed);
        });
    }

    private void startAndWaitUntilIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        int runs = model.history().size();
        robot.interact(model::start);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> model.history().size() == runs + 1 && !model.stateProperty().get().busy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BoundaryView view(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(BoundaryView.class);
    }

    private static int[] pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    private List<int[]> heatmaps(FxRobot robot) {
        List<int[]> all = new ArrayList<>();
        for (String id : ROLES) {
            Image image = view(robot, id).heatmap();
            all.add(image == null ? null : pixels(image));
        }
        return all;
    }

    @Test
    void atNormalSpeedTheTwoMoonsPresetLastsSecondsAndShowsItsBoundariesEpochByEpoch(FxRobot robot)
            throws Exception {
        FastClock clock = new FastClock(2);
        robot.interact(() -> {
            model.usePreset(TrainingPreset.TWO_MOONS.name());
            model.speedProperty().set(RunSpeed.NORMAL);
            model.lifecycle().setPaceClock(clock);
        });
        BoundaryView distilled = view(robot, "#boundary-distilled");
        Map<Image, Boolean> shown = new IdentityHashMap<>();
        Runnable perPulse = () -> {
            if (distilled.heatmap() != null && model.stateProperty().get().busy()) {
                shown.put(distilled.heatmap(), true);
            }
        };
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(perPulse));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        long[] started = new long[1];
        robot.interact(() -> {
            started[0] = clock.nanoTime();
            model.start();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.stateProperty().get().busy());
        double seconds = (clock.nanoTime() - started[0]) / 1e9;
        robot.interact(() -> stage.getScene().removePostLayoutPulseListener(perPulse));

        assertThat(model.lastResult()).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
        assertThat(seconds).as("the run's length on the paced clock").isGreaterThanOrEqualTo(8);
        assertThat(shown).as("distinct distilled boundaries drawn during the run").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void stepWhilePausedAdvancesExactlyOneEpochAndTheHeatmapChanges(FxRobot robot) throws Exception {
        smallRun(robot, 2, 30, RunSpeed.ONE_EPOCH_A_SECOND);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canStartProperty().get());
        robot.interact(model::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.timeline().newestProperty().get() >= 3);
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, model.lifecycle()::runHeld);
        WaitForAsyncUtils.waitForFxEvents(); // the events sent before the hold are drawn
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view(robot, "#boundary-distilled").heatmap() != null);
        int before = model.timeline().newestProperty().get();
        int[] heatmapBefore = pixels(view(robot, "#boundary-distilled").heatmap());

        robot.clickOn("#stepButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.timeline().newestProperty().get() > before);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, model.lifecycle()::runHeld);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !Arrays.equals(pixels(view(robot, "#boundary-distilled").heatmap()), heatmapBefore));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.timeline().newestProperty().get()).isEqualTo(before + 1);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.PAUSED);
        assertThat(robot.lookup("#timelinePosition").queryLabeled().getText())
                .isEqualTo("Students, epoch " + (before + 1 - 2) + " of 30");

        // on the timeline, → steps a paused run at its newest epoch and Space resumes it
        robot.interact(() -> robot.lookup("#timelineScrubber").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.timeline().newestProperty().get() > before + 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, model.lifecycle()::runHeld);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.timeline().newestProperty().get()).isEqualTo(before + 2);
        assertThat(model.timeline().followingProperty().get()).isTrue();

        // Shift+→ trains exactly one batch and holds again, in the same epoch
        long stepsBefore = model.live().studentSteps();
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.live().studentSteps() > stepsBefore);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, model.lifecycle()::runHeld);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.live().studentSteps()).isEqualTo(stepsBefore + 1);
        assertThat(model.timeline().newestProperty().get()).isEqualTo(before + 2);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.PAUSED);
        robot.type(KeyCode.SPACE);
        assertThat(model.stateProperty().get()).isEqualTo(RunState.TRAINING);
    }

    @Test
    void scrubbingToAnEpochOfAFinishedRunShowsThePixelsOfARunStoppedThere(FxRobot robot) throws Exception {
        smallRun(robot, 3, 8, RunSpeed.FASTEST);
        startAndWaitUntilIdle(robot);
        int k = 3 + 4;
        robot.clickOn("#timelineScrubber").type(KeyCode.HOME);
        for (int i = 1; i < k; i++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.timeline().positionProperty().get()).isEqualTo(k);
        assertThat(model.timeline().followingProperty().get()).isFalse();
        List<int[]> scrubbed = heatmaps(robot);

        smallRun(robot, 3, 4, RunSpeed.FASTEST);
        startAndWaitUntilIdle(robot);
        List<int[]> stopped = heatmaps(robot);

        for (int i = 0; i < ROLES.length; i++) {
            assertThat(scrubbed.get(i)).as(ROLES[i]).isNotNull();
            assertThat(scrubbed.get(i)).as(ROLES[i]).isEqualTo(stopped.get(i));
        }
        robot.clickOn("#timelineScrubber").type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heatmaps(robot).get(1)).as("epoch 1 shows no student yet").isNull();
    }

    @Test
    void aRunsCsvExportIsTheSameAtFastestAndAtNormalSpeed(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> model.lifecycle().setPaceClock(new FastClock(1000)));
        smallRun(robot, 3, 6, RunSpeed.FASTEST);
        startAndWaitUntilIdle(robot);
        smallRun(robot, 3, 6, RunSpeed.NORMAL);
        startAndWaitUntilIdle(robot);

        List<RunRecord> runs = model.history();
        assertThat(runs).hasSize(2);
        Path fastest = dir.resolve("fastest.csv");
        Path normal = dir.resolve("normal.csv");
        HistoryExport.writeCsv(fastest, List.of(new RunRecord(1, runs.get(0).experiment(), runs.get(0).result())));
        HistoryExport.writeCsv(normal, List.of(new RunRecord(1, runs.get(1).experiment(), runs.get(1).result())));
        assertThat(withoutTiming(Files.readString(normal))).isEqualTo(withoutTiming(Files.readString(fastest)));
        assertThat(Files.readString(fastest)).contains(",completed,");
    }

    /** The CSV with its one wall-clock column (student_ms_per_epoch, different between any two runs) blanked. */
    private static String withoutTiming(String csv) {
        String[] lines = csv.split("\n");
        int column = Arrays.asList(lines[0].split(",", -1)).indexOf("student_ms_per_epoch");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            cells[column] = "";
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    @Test
    void aFinishedRunOfTheSessionReopensIntoTheTimelineAndPlaysBack(FxRobot robot) throws Exception {
        smallRun(robot, 2, 5, RunSpeed.FASTEST);
        startAndWaitUntilIdle(robot);
        List<int[]> first = heatmaps(robot);
        smallRun(robot, 2, 3, RunSpeed.FASTEST);
        startAndWaitUntilIdle(robot);
        assertThat(model.timeline().newestProperty().get()).isEqualTo(5);

        robot.interact(() -> model.resultTabProperty().set(TrainingModel.ResultTab.RESULTS));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<RunRecord> table = robot.lookup("#historyTable").queryAs(
                javafx.scene.control.TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#replayRunButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.timeline().newestProperty().get()).as("the first run's epochs").isEqualTo(7);
        assertThat(heatmaps(robot).get(1)).isEqualTo(first.get(1));

        List<Integer> positions = new ArrayList<>();
        robot.interact(() -> model.timeline().positionProperty().addListener((obs, old, now) ->
                positions.add(now.intValue())));
        robot.clickOn("#timelinePlayButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.timeline().playingProperty().get());
        assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(model.timeline().followingProperty().get()).isTrue();
    }
}
