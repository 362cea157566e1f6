package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The streaming line chart draws its series as pixel columns: continuous, in the role's colour, dashed baseline. */
@ExtendWith(ApplicationExtension.class)
class LiveLineChartTest {

    private Stage stage;
    private LiveLineChart chart;
    private final SeriesBuffer teacher = new SeriesBuffer(2000);
    private final SeriesBuffer baseline = new SeriesBuffer(2000);

    @Start
    void start(Stage primaryStage) {
        chart = new LiveLineChart();
        chart.addSeries(new LiveLineChart.Series(teacher, ChartRole.TEACHER, new SimpleStringProperty("teacher"), 2,
                false));
        chart.addSeries(new LiveLineChart.Series(baseline, ChartRole.BASELINE, new SimpleStringProperty("baseline"),
                2, false));
        chart.setFixedRange(0, 1, true);
        stage = TestWindows.show(new StackPane(chart), 600, 360);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void aSteepDropIsDrawnWithoutGapsInTheRolesColour(FxRobot robot) {
        // 1,000 points: flat at 90%, a drop to 10% over two steps, flat again
        robot.interact(() -> {
            for (int i = 0; i < 1000; i++) {
                teacher.add(i, i < 500 ? 0.9 : i < 502 ? 0.5 : 0.1);
            }
            chart.invalidate();
        });
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader pixels = snapshot(robot).getPixelReader();
        Color orange = (Color) chart.paintOf(ChartRole.TEACHER);

        int[] rows = inkedRows(pixels, orange);
        int top = rows[0];
        int bottom = rows[1];
        assertThat(bottom - top).as("the drop spans most of the plot").isGreaterThan(150);
        for (int y = top; y <= bottom; y++) {
            assertThat(rowHas(pixels, y, orange)).as("row %d of the drop", y).isTrue();
        }
    }

    @Test
    void theBaselineIsDashed(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 1000; i++) {
                baseline.add(i, 0.5);
            }
            chart.invalidate();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = snapshot(robot);
        PixelReader pixels = image.getPixelReader();
        Color purple = (Color) chart.paintOf(ChartRole.BASELINE);
        int row = inkedRows(pixels, purple)[0] + 1;
        int on = 0;
        int switches = 0;
        boolean previous = false;
        for (int x = 80; x < image.getWidth() - 20; x++) {
            boolean inked = near(pixels.getColor(x, row), purple);
            on += inked ? 1 : 0;
            switches += inked != previous ? 1 : 0;
            previous = inked;
        }
        double span = image.getWidth() - 100;
        assertThat(on / span).as("share of the line drawn").isBetween(0.45, 0.75);
        assertThat(switches).as("dashes along the line").isGreaterThan(60);
    }

    private WritableImage snapshot(FxRobot robot) {
        return TestWindows.snapshot(robot, chart.canvas());
    }

    /** The first and last row holding the colour, looking right of the legend's sample lines. */
    private static int[] inkedRows(PixelReader pixels, Color colour) {
        int first = -1;
        int last = -1;
        for (int y = 40; y < 330; y++) {
            if (rowHas(pixels, y, colour)) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        return new int[] {first, last};
    }

    private static boolean rowHas(PixelReader pixels, int y, Color colour) {
        for (int x = 70; x < 590; x++) {
            if (near(pixels.getColor(x, y), colour)) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Color a, Color b) {
        return a.getOpacity() > 0.9 && Math.abs(a.getRed() - b.getRed()) < 0.08
                && Math.abs(a.getGreen() - b.getGreen()) < 0.08 && Math.abs(a.getBlue() - b.getBlue()) < 0.08;
    }
}
