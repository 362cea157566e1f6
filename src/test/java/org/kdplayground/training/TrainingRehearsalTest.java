package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.training.learned.BoundaryView;
import org.kdplayground.training.live.CollectionAfterRun;
import org.kdplayground.training.setup.RunSetup;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.Theme;
import org.kdplayground.ui.ThemeManager;
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

/** The training screen's rehearsal run, with the real engine, beside a user's screen it must leave alone. */
@ExtendWith(ApplicationExtension.class)
class TrainingRehearsalTest {

    private static EngineService engine;

    private final LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
    private final java.util.function.Consumer<EngineStatus> follow = status::publish;
    private TrainingModel userModel;
    private Parent userScreen;
    private Stage stage;
    private ThemeManager theme;
    private final List<Scene> styled = new ArrayList<>();

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
        I18n i18n = new I18n(Language.CHINESE_SIMPLIFIED);
        engine.addStatusListener(follow);
        userModel = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), example -> { });
        userModel.speedProperty().set(org.kdplayground.training.timeline.RunSpeed.FASTEST);
        userScreen = new ViewLoader(i18n, type -> new TrainingController(userModel, i18n))
                .load(TrainingController.class).root();
        stage = TestWindows.show(new Stage(), userScreen, 1280, 800, new FontPolicy(List.of()));
        theme = new ThemeManager(stage.getScene(), new FontPolicy(List.of()));
        theme.apply(Theme.DARK, Language.CHINESE_SIMPLIFIED);
    }

    @AfterEach
    void stopAndClose(FxRobot robot) throws Exception {
        robot.interact(userModel::stop);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !userModel.stateProperty().get().busy());
        robot.interact(stage::close);
        engine.removeStatusListener(follow);
    }

    private TrainingRehearsal rehearsal(FxRobot robot) {
        TrainingRehearsal[] made = new TrainingRehearsal[1];
        robot.interact(() -> made[0] = new TrainingRehearsal(Language.CHINESE_SIMPLIFIED, TaskExecutor.on(engine),
                status.valueProperty(), scene -> {
            styled.add(scene);
            theme.styleAlike(scene);
        }, userModel, userScreen, 1280, 800));
        return made[0];
    }

    /** Sets the user's screen up for a run of a second or less, and waits until it can start. */
    private void smallUserRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            RunSetup setup = userModel.setup();
            setup.size.textProperty().set("200");
            setup.field(NumericSetting.TEACHER_EPOCHS).textProperty().set("2");
            setup.field(NumericSetting.STUDENT_EPOCHS).textProperty().set("2");
            setup.field(NumericSetting.BATCH_SIZE).textProperty().set("32");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> userModel.canStartProperty().get());
    }

    @Test
    void rehearsalTrainsTheTwoMoonsPresetOffScreenAndLeavesTheUsersScreenAlone(FxRobot robot) throws Exception {
        Node setupPanel = robot.lookup("#setupPanel").query();
        TrainingRehearsal rehearsal = rehearsal(robot);
        // its own scene, styled as the window is, in no window
        assertThat(styled).hasSize(1);
        Scene offScreen = styled.get(0);
        assertThat(offScreen.getWindow()).isNull();
        assertThat(offScreen.getStylesheets()).isEqualTo(stage.getScene().getStylesheets());
        assertThat(offScreen.getRoot().getPseudoClassStates()).contains(ThemeManager.DARK, ThemeManager.CJK);

        AtomicInteger collections = new AtomicInteger();
        Object[] atStart = new Object[2];
        robot.interact(() -> {
            rehearsal.model().collection().setCollector(collections::incrementAndGet);
            rehearsal.start();
            atStart[0] = rehearsal.getState();
            atStart[1] = rehearsal.model().stateProperty().get().busy();
        });
        assertThat(atStart).containsExactly(TrainingRehearsal.State.RUNNING, true);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> rehearsal.getState() != TrainingRehearsal.State.RUNNING);

        assertThat(rehearsal.getState()).isEqualTo(TrainingRehearsal.State.DONE);
        // its garbage is collected a moment after it ends, as a run's is, while the user is idle
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> collections.get() == 1);
        TrainingModel rehearsed = rehearsal.model();
        assertThat(rehearsed.getPresetId()).isEqualTo("TWO_MOONS");
        assertThat(rehearsed.getSetupText("seed")).isEqualTo(TrainingRehearsal.SEED);
        assertThat(rehearsed.history()).singleElement().satisfies(record ->
                assertThat(record.result().stopReason()).isEqualTo(RunResult.StopReason.COMPLETED));
        // its view streamed the run: the off-screen charts and heatmaps have what the user's would have
        assertThat(rehearsed.live().distilledLoss().size()).isPositive();
        assertThat(offScreen.getRoot().lookup("#boundary-distilled")).isInstanceOfSatisfying(BoundaryView.class,
                view -> assertThat(view.hasBoundary()).isTrue());

        // nothing of it reached the user's screen
        assertThat(userModel.history()).isEmpty();
        assertThat(userModel.live().distilledLoss().size()).isZero();
        assertThat(userModel.stateProperty().get()).isEqualTo(RunState.IDLE);
        assertThat(setupPanel.isDisabled()).isFalse();
        assertThat(robot.lookup("#boundary-distilled").queryAs(BoundaryView.class).hasBoundary()).isFalse();

        // and the user's own run still locks the set-up panel, then unlocks it
        smallUserRun(robot);
        boolean[] lockedDuringRun = new boolean[1];
        robot.interact(() -> {
            setupPanel.disabledProperty().addListener((obs, was, now) -> lockedDuringRun[0] |= now);
            userModel.start();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> userModel.history().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lockedDuringRun[0]).isTrue();
        assertThat(setupPanel.isDisabled()).isFalse();
        assertThat(userModel.history().get(0).number()).isEqualTo(1);

        robot.interact(rehearsal::start); // once a session: a second call trains nothing
        assertThat(rehearsal.getState()).isEqualTo(TrainingRehearsal.State.DONE);
        assertThat(rehearsed.history()).hasSize(1);
    }

    @Test
    void anEndedRehearsalIsLetGo(FxRobot robot) throws Exception {
        List<WeakReference<?>> parts = rehearseAndForget(robot);
        for (int i = 0; i < 20 && parts.stream().anyMatch(part -> part.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the rehearsal, its model and its view: nothing the app keeps holds them once it is done
        assertThat(parts).allSatisfy(part -> assertThat(part.get()).isNull());
    }

    /** Trains a rehearsal to its end and keeps only weak references to it, its model and its view. */
    private List<WeakReference<?>> rehearseAndForget(FxRobot robot) throws Exception {
        TrainingRehearsal rehearsal = rehearsal(robot);
        robot.interact(rehearsal::start);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> rehearsal.getState() == TrainingRehearsal.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        List<WeakReference<?>> parts = List.of(new WeakReference<>(rehearsal),
                new WeakReference<>(rehearsal.model()), new WeakReference<>(styled.get(0).getRoot()));
        styled.clear();
        return parts;
    }

    @Test
    void theUsersStartStopsARehearsalAndTheUsersRunCompletes(FxRobot robot) throws Exception {
        TrainingRehearsal rehearsal = rehearsal(robot);
        smallUserRun(robot);
        robot.interact(() -> userModel.setup().field(NumericSetting.STUDENT_EPOCHS).textProperty().set("600")); // outlasts the delay
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> userModel.canStartProperty().get());
        AtomicInteger collections = new AtomicInteger();
        long[] endedAt = new long[2]; // the rehearsal's end, the user's run's end
        robot.interact(() -> {
            rehearsal.model().collection().setCollector(collections::incrementAndGet);
            rehearsal.model().stateProperty().addListener((obs, was, now) -> {
                if (was.busy() && !now.busy()) {
                    endedAt[0] = System.nanoTime();
                }
            });
            userModel.stateProperty().addListener((obs, was, now) -> {
                if (was.busy() && !now.busy()) {
                    endedAt[1] = System.nanoTime();
                }
            });
            rehearsal.start();
            userModel.start();
        });
        assertThat(rehearsal.getState()).isEqualTo(TrainingRehearsal.State.CANCELLED);
        assertThat(rehearsal.model().stateProperty().get()).isIn(RunState.STOPPING, RunState.IDLE);

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> userModel.history().size() == 1);
        assertThat(userModel.history().get(0).result().stopReason()).isEqualTo(RunResult.StopReason.COMPLETED);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !rehearsal.model().stateProperty().get().busy());
        assertThat(rehearsal.getState()).isEqualTo(TrainingRehearsal.State.CANCELLED);
        // the rehearsal ended at a step of its own: it did not run to the end of its 30 + 30 epochs
        assertThat(rehearsal.model().history()).allSatisfy(record ->
                assertThat(record.result().stopReason()).isEqualTo(RunResult.StopReason.CANCELLED));

        // the rehearsal's collection fell due while the user's run trained: it was left out, not run mid-run
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> endedAt[1] != 0);
        assertThat(endedAt[1] - endedAt[0]).as("nanoseconds from the rehearsal's end to the user's run's")
                .isGreaterThan((long) (CollectionAfterRun.DELAY.toMillis() * 1e6));
        Thread.sleep((long) CollectionAfterRun.DELAY.toMillis() + 300);
        assertThat(collections).hasValue(0);
    }

    @Test
    void aRehearsalDoesNotStartWhileTheUserTrainsNorAfter(FxRobot robot) throws Exception {
        TrainingRehearsal rehearsal = rehearsal(robot);
        smallUserRun(robot);
        robot.interact(() -> {
            userModel.start();
            rehearsal.start();
        });
        assertThat(rehearsal.getState()).isEqualTo(TrainingRehearsal.State.CANCELLED);
        assertThat(rehearsal.model().stateProperty().get()).isEqualTo(RunState.IDLE);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> userModel.history().size() == 1);
        assertThat(rehearsal.model().history()).isEmpty();

        // nor once the user has trained: the code is warm by then
        TrainingRehearsal late = rehearsal(robot);
        robot.interact(late::start);
        assertThat(late.getState()).isEqualTo(TrainingRehearsal.State.CANCELLED);
        assertThat(late.model().stateProperty().get()).isEqualTo(RunState.IDLE);
    }

    @Test
    void lockedStylesAreComputedWithTheSetUpLockedAndPutBackInOneTask(FxRobot robot) {
        Node setupPanel = robot.lookup("#setupPanel").query();
        Node seedField = robot.lookup("#setupPanel .text-field").query();
        boolean[] lockedDuring = new boolean[2];
        robot.interact(() -> {
            userModel.withSetupLocked(() -> {
                lockedDuring[0] = setupPanel.isDisabled();
                lockedDuring[1] = seedField.isDisabled();
            });
            TrainingRehearsal.warmLockedStyles(userModel, userScreen);
        });
        assertThat(lockedDuring).containsExactly(true, true);
        assertThat(setupPanel.isDisabled()).isFalse();
        assertThat(seedField.isDisabled()).isFalse();
        assertThat(seedField.getPseudoClassStates()).noneMatch(state -> state.getPseudoClassName().equals("disabled"));
        // still bound to the run's state: a run greys it out
        assertThat(setupPanel.disableProperty().isBound()).isTrue();
    }
}
