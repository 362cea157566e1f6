package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.kdplayground.ui.TestWindows;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A classroom projector's window (1024 px, the app's least width) with a lesson open beside the explorer: the
 * navigation gives up its names for room, the explorer's numbers and captions stay whole, and nothing falls out of
 * the window.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowTest {

    private OpenMainWindow opened;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        opened = OpenMainWindow.open("language=en\ntheme=light\nwindow.width=1024\nwindow.height=640\n");
        window = opened.window();
    }

    @AfterEach
    void close(FxRobot robot) {
        opened.close(robot);
    }

    @Test
    void theNavigationShowsOnlyItsIconsWhileALessonLeavesTheScreensTooLittleRoom(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getScene().getWidth()).isEqualTo(1024);
        assertThat(navigationIsCompact(robot)).as("1024 px, no lesson: names shown").isFalse();
        double fullWidth = robot.lookup(".nav-bar").query().getBoundsInParent().getWidth();

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigationIsCompact(robot)).isTrue();
        assertThat(robot.lookup(".nav-bar").query().getBoundsInParent().getWidth()).isLessThan(fullWidth / 2);
        ToggleButton explorer = robot.lookup("#nav-explorer").queryAs(ToggleButton.class);
        assertThat(explorer.getAccessibleText()).as("its name for a screen reader").isEqualTo("Explorer");
        assertThat(explorer.getTooltip().getText()).startsWith("Softmax and temperature explorer");
        robot.clickOn("#nav-distillation");
        assertThat(robot.lookup("#distillationScreen").query().isVisible()).as("the icons still navigate").isTrue();

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigationIsCompact(robot)).as("the lesson closed: names back").isFalse();
    }

    @Test
    void aWideWindowKeepsTheNamesBesideALesson(FxRobot robot) {
        robot.interact(() -> window.stage().setWidth(1400));
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigationIsCompact(robot)).isFalse();
        robot.interact(() -> window.stage().setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(navigationIsCompact(robot)).as("1280 px less the lesson is under 1000").isTrue();
    }

    @Test
    void atTheLeastWidthWithALessonOpenTheExplorersNumbersAndCaptionsAreWholeAndAllFits(FxRobot robot) {
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        WaitForAsyncUtils.waitForFxEvents();

        for (String query : new String[] {"#explorerScreen .loss-name.hard", "#explorerScreen .loss-name.total",
            "#teacherT1Caption", "#teacherTCaption", "#studentTCaption", "#barsNote"}) {
            Label label = robot.lookup(query).queryAs(Label.class);
            assertThat(TestWindows.showsWholeText(label)).as(query + ": " + label.getText()).isTrue();
        }
        double sceneHeight = window.stage().getScene().getHeight();
        for (String query : new String[] {".status-bar", ".lesson-panel"}) {
            Node node = robot.lookup(query).query();
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertThat(bounds.getMaxY()).as(query + " inside the window").isLessThanOrEqualTo(sceneHeight + 0.5);
        }
    }

    /** At 1024 px the measure chart's toggles keep their whole names; the loss chart's column gives up the room. */
    @Test
    void atTheLeastWidthTheDistillationScreensMeasureTogglesAreWhole(FxRobot robot) {
        robot.clickOn("#nav-distillation");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#accuracyMeasureToggle", "#agreementMeasureToggle", "#eceMeasureToggle"}) {
            ToggleButton toggle = robot.lookup(id).queryAs(ToggleButton.class);
            assertThat(TestWindows.showsWholeText(toggle)).as(id + ": " + toggle.getText()).isTrue();
        }
        Node lossChart = robot.lookup("#lossChart").query();
        Node accuracyChart = robot.lookup("#accuracyChart").query();
        assertThat(lossChart.getLayoutBounds().getWidth()).as("the loss chart keeps most of its half")
                .isGreaterThan(accuracyChart.getLayoutBounds().getWidth() * 0.6);

        robot.interact(() -> window.stage().setWidth(1600));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lossChart.getLayoutBounds().getWidth()).as("where there is room, two equal halves")
                .isCloseTo(accuracyChart.getLayoutBounds().getWidth(), Offset.offset(1.0));
    }

    /**
     * A lesson beside the distillation screen at 1024 px: the set-up folds away so the charts get the screen, the
     * Set-up toggle brings it back, and closing the lesson (room again) shows it with the toggle gone.
     */
    @Test
    void aLessonBesideTheDistillationScreenAt1024PxFoldsTheSetUpAwayUntilAsked(FxRobot robot) {
        robot.clickOn("#nav-distillation");
        settle(robot);
        Node setup = robot.lookup(".setup-scroll").query();
        ToggleButton toggle = robot.lookup("#setupToggle").queryAs(ToggleButton.class);
        assertThat(setup.isVisible()).as("1024 px, no lesson: room for the set-up").isTrue();
        assertThat(toggle.isVisible()).isFalse();
        double runAreaBeside = robot.lookup(".run-area").query().getLayoutBounds().getWidth();

        MainWindowTest.fireMenuItem(robot, "lessonsItem"); // lesson 1 opens on the explorer
        robot.clickOn("#nav-distillation");
        settle(robot);
        assertThat(setup.isVisible()).isFalse();
        assertThat(toggle.isVisible()).isTrue();
        assertThat(robot.lookup(".run-area").query().getLayoutBounds().getWidth())
                .as("the charts get more room than without the lesson").isGreaterThan(runAreaBeside);

        robot.clickOn("#setupToggle");
        settle(robot);
        assertThat(setup.isVisible()).as("shown when asked").isTrue();
        robot.clickOn("#setupToggle");
        settle(robot);
        assertThat(setup.isVisible()).as("folded again").isFalse();

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        settle(robot);
        assertThat(setup.isVisible()).isTrue();
        assertThat(toggle.isVisible()).isFalse();
    }

    /**
     * A lesson beside the explorer at 150% (the screens laid out in 853 px): the explorer's picture has less room
     * than its least width, so it scrolls sideways rather than being cut, and the window still holds everything.
     */
    @Test
    void atALargeUiScaleBesideALessonTheExplorersPictureScrollsRatherThanBeingCut(FxRobot robot) {
        robot.interact(() -> window.stage().setWidth(1280));
        MainWindowTest.fireMenuItem(robot, "scale-150");
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        settle(robot);
        ScrollPane picture = robot.lookup(".explorer-picture-scroll").queryAs(ScrollPane.class);
        Node content = picture.getContent();
        assertThat(content.getLayoutBounds().getWidth()).as("the picture at its least width")
                .isGreaterThan(picture.getViewportBounds().getWidth());
        assertThat(picture.getChildrenUnmodifiable()).as("its own sideways scroll bar, shown")
                .anySatisfy(child -> assertThat(child).isInstanceOfSatisfying(ScrollBar.class, bar -> {
                    assertThat(bar.getOrientation()).isEqualTo(Orientation.HORIZONTAL);
                    assertThat(bar.isVisible()).isTrue();
                }));
        double sceneWidth = window.stage().getScene().getWidth();
        Node lessons = robot.lookup(".lesson-panel").query();
        assertThat(lessons.localToScene(lessons.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(sceneWidth + 0.5);
    }

    /** The notes over the learned pictures and the reliability diagrams wrap onto a second line, not cut short. */
    @Test
    void theDistillationScreensNotesWrapRatherThanCut(FxRobot robot) {
        robot.clickOn("#nav-distillation");
        settle(robot);
        Label hint = robot.lookup("#disagreementHint").queryAs(Label.class);
        assertThat(TestWindows.showsWholeText(hint)).as(hint.getText()).isTrue();
        robot.clickOn("#calibrationTab");
        settle(robot);
        Label note = robot.lookup("#calibrationNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(TestWindows.showsWholeText(note)).as(note.getText()).isTrue();
    }

    /** About beside a lesson at 1024 px: the notebook's formula and the data folder wrap rather than being cut. */
    @Test
    void aboutBesideALessonWrapsItsLongerLines(FxRobot robot) {
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        robot.clickOn("#nav-about");
        settle(robot);
        for (String id : new String[] {"#formulaLabel", "#dataFolderLabel", "#engineVersionsLabel"}) {
            Label label = robot.lookup(id).queryAs(Label.class);
            assertThat(TestWindows.showsWholeText(label)).as(id + ": " + label.getText()).isTrue();
        }
    }

    /** Lays the window out now (a change of width can take a second pass: the set-up folds on the first). */
    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window.stage().getScene().getRoot().layout();
            window.stage().getScene().getRoot().layout();
        });
    }

    private static boolean navigationIsCompact(FxRobot robot) {
        ToggleButton explorer = robot.lookup("#nav-explorer").queryAs(ToggleButton.class);
        boolean iconsOnly = explorer.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
        boolean nameHidden = !robot.lookup(".app-name").query().isVisible();
        assertThat(iconsOnly).as("the icons alone exactly when the app's name is hidden").isEqualTo(nameHidden);
        return iconsOnly;
    }
}
