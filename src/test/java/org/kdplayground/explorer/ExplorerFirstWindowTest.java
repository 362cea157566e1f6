package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.ui.FirstWindow;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the app's first window the explorer makes what is not shown yet (the student's logit rows, on the other tab, and
 * DKD's weights, for another method) once the window is on screen, in the places the view gives them.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerFirstWindowTest {

    private ExplorerModel model;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        FirstWindow.building();
        I18n i18n = new I18n(Language.ENGLISH);
        model = new ExplorerModel(i18n);
        ViewLoader.View<ExplorerController> view = ExplorerViews.load(model, i18n);
        stage = TestWindows.show(view.root(), 1080, 740);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (FirstWindow.isBuilding()) {
                FirstWindow.shown(); // never leave the gate shut for other tests
            }
            stage.close();
        });
    }

    @Test
    void theHiddenControlsAreMadeOnceTheFirstWindowIsOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        VBox teacherRows = robot.lookup("#teacherRows").queryAs(VBox.class);
        VBox studentRows = robot.lookup("#studentRows").queryAs(VBox.class);
        Node alphaControls = robot.lookup("#alphaControls").query();
        assertThat(teacherRows.getChildren()).as("the teacher's rows, shown at once").hasSize(model.getLogits().classes());
        assertThat(studentRows.getChildren()).as("the student's rows wait").isEmpty();
        assertThat(robot.lookup("#dkdControls").tryQuery()).as("DKD's weights wait").isEmpty();

        robot.interact(FirstWindow::shown);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studentRows.getChildren()).as("the student's rows, made").hasSize(model.getLogits().classes());
        Node dkdControls = robot.lookup("#dkdControls").query();
        assertThat(dkdControls.getParent()).isSameAs(alphaControls.getParent());
        assertThat(dkdControls.getParent().getChildrenUnmodifiable().indexOf(dkdControls))
                .as("just after α's controls, as the view places it")
                .isEqualTo(alphaControls.getParent().getChildrenUnmodifiable().indexOf(alphaControls) + 1);
        assertThat(dkdControls.isVisible()).as("hidden until DKD is chosen").isFalse();

        robot.interact(() -> model.lossChoice().methodProperty().set(LossMethod.DKD));
        assertThat(dkdControls.isVisible()).isTrue();
    }
}
