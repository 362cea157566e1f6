package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javafx.scene.Node;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.ui.FirstWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's first window, built as {@code KdPlaygroundApp} builds it: the lesson panel, hidden until a lesson opens,
 * is made once the window is on screen, and the Lessons item then opens it as in any window.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFirstBuildTest {

    private OpenMainWindow opened;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        FirstWindow.building();
        opened = OpenMainWindow.open("language=en\ntheme=light\n");
        window = opened.window();
    }

    @AfterEach
    void closeWindowAndEngine(FxRobot robot) {
        robot.interact(() -> {
            if (FirstWindow.isBuilding()) {
                FirstWindow.shown(); // never leave the gate shut for other tests
            }
        });
        opened.close(robot);
    }

    @Test
    void theLessonPanelIsMadeOnceTheFirstWindowIsOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#explorerScreen").tryQuery()).as("the first screen, built at once").isPresent();
        assertThat(robot.lookup("#lessonPanel").tryQuery()).as("the hidden lesson panel waits").isEmpty();

        robot.interact(FirstWindow::shown);
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = robot.lookup("#lessonPanel").query();
        assertThat(panel.isVisible()).as("made, and hidden until a lesson opens").isFalse();

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getBoundsInParent().getWidth()).isBetween(280.0, 360.0);
    }
}
