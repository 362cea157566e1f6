package org.kdplayground.training.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.TestWindows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A confusion matrix before its first numbers shows where it will be, like the decision-boundary views. */
@ExtendWith(ApplicationExtension.class)
class ConfusionViewTest {

    private Stage stage;
    private ConfusionView view;

    @Start
    void start(Stage primaryStage) {
        view = new ConfusionView(ChartRole.TEACHER);
        view.titleProperty().set("Teacher");
        stage = TestWindows.show(new StackPane(view), 300, 260);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void anEmptyMatrixDrawsItsFrameAndAFilledOneItsCells(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int frameX = (int) ConfusionView.LABEL_WIDTH;
        assertThat(inkedRows(TestWindows.snapshot(robot, view), frameX)).as("the empty matrix's left edge")
                .isGreaterThan(150);

        int[][] counts = new int[3][3];
        for (int i = 0; i < 3; i++) {
            counts[i][i] = 10;
        }
        robot.interact(() -> view.show(counts, List.of("a", "b", "c")));
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader pixels = TestWindows.snapshot(robot, view).getPixelReader();
        // the first diagonal cell is shaded in the role's colour: far from the light background
        Color cell = pixels.getColor(frameX + 20, 40);
        assertThat(cell.getBrightness() * (1 - cell.getSaturation())).isLessThan(0.8);
    }

    /** Rows in column x that are clearly darker than the background. */
    private static int inkedRows(WritableImage image, int x) {
        PixelReader pixels = image.getPixelReader();
        Color background = pixels.getColor((int) image.getWidth() - 2, (int) image.getHeight() - 2);
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            Color c = pixels.getColor(x, y);
            if (Math.abs(c.getBrightness() - background.getBrightness()) > 0.05) {
                inked++;
            }
        }
        return inked;
    }

    @Test
    void theSameMatrixAgainIsNotRedrawnANewOneIs(FxRobot robot) {
        int[][] counts = {{5, 1}, {0, 6}};
        List<String> names = List.of("a", "b");
        robot.interact(() -> view.show(counts, names));
        WaitForAsyncUtils.waitForFxEvents();
        long redraws = view.redraws();
        robot.interact(() -> view.show(counts, names)); // a frozen teacher's matrix, sent once
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws()).isEqualTo(redraws);
        robot.interact(() -> view.show(new int[][] {{4, 2}, {0, 6}}, names));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws()).isEqualTo(redraws + 1);
    }
}
