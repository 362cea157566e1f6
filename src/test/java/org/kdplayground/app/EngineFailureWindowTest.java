package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineState;
import org.kdplayground.io.SettingsStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** When the PyTorch natives cannot load, the window says so and everything else keeps working. */
@ExtendWith(ApplicationExtension.class)
class EngineFailureWindowTest {

    private EngineService engine;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        // a stage of its own per test: a test that quits closes it, and the next test gets a fresh one
        Stage stage = new Stage();
        Path settingsDir = Files.createTempDirectory("kd-settings");
        Files.writeString(settingsDir.resolve("settings.properties"), "language=en\n");
        engine = new EngineService(() -> {
            throw new UnsatisfiedLinkError("no libtorch in java.library.path");
        });
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
    void failureIsShownWithWhatToDoAndTheAppStaysUsable(FxRobot robot) throws Exception {
        engine.whenReady().handle((info, error) -> null).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.engineStatus().getValue().state()).isEqualTo(EngineState.FAILED);
        assertThat(robot.lookup("#engineStatusLabel").queryAs(Label.class).getText())
                .isEqualTo("Engine unavailable: no libtorch in java.library.path");
        assertThat(robot.lookup("#engineHintLabel").queryAs(Label.class).getText())
                .contains("the Explorer still works");

        robot.clickOn("#nav-about");
        assertThat(robot.lookup("#deviceLabel").queryAs(Label.class).getText())
                .isEqualTo("Device: unavailable (no libtorch in java.library.path)");
        robot.clickOn("#nav-explorer");
        assertThat(robot.lookup("#explorerScreen").query().isVisible()).isTrue();
        MainWindowTest.fireMenuItem(robot, "language-zh-CN");
        assertThat(robot.lookup("#engineStatusLabel").queryAs(Label.class).getText())
                .isEqualTo("计算引擎不可用：no libtorch in java.library.path");
    }
}
