package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer's lessons teach Hinton's loss: a lesson step on the explorer shows it, whatever loss was chosen. */
@ExtendWith(ApplicationExtension.class)
class ExplorerLessonsTest {

    private EngineService engine;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        Stage stage = new Stage();
        Path settingsDir = Files.createTempDirectory("kd-explorer-lessons-settings");
        Files.writeString(settingsDir.resolve("settings.properties"), "language=en\ntheme=light\n");
        engine = new EngineService(() -> MainWindowTest.CPU);
        window = MainWindow.create(stage, new AppSettings(new SettingsStore(settingsDir)), engine);
        stage.show();
        engine.start();
    }

    @AfterEach
    void closeWindowAndEngine(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        engine.close();
    }

    @Test
    void aLessonStepOnTheExplorerSwitchesItBackToHintonsLossKeepingDkdsWeights(FxRobot robot) {
        robot.interact(() -> {
            window.explorer().lossChoice().methodProperty().set(LossMethod.DKD);
            window.explorer().lossChoice().setDkdBeta("20");
        });

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).type(KeyCode.RIGHT).release(KeyCode.ALT);

        assertThat(window.explorer().lossChoice().getMethod()).isEqualTo(LossMethod.HINTON);
        assertThat(window.explorer().getTemperature()).isEqualTo(4.0);
        assertThat(window.explorer().lossChoice().dkdBetaProperty().get()).isEqualTo(20);
    }

    @Test
    void aChangedLossOrWeightMarksTheWorkspaceChangedAndBackAgainUnchanged(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isFalse();
        robot.interact(() -> window.explorer().lossChoice().methodProperty().set(LossMethod.LSKD));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isTrue();
        robot.interact(() -> window.explorer().lossChoice().methodProperty().set(LossMethod.HINTON));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isFalse();
        robot.interact(() -> window.explorer().lossChoice().setDkdBeta("9"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isTrue();
    }
}
