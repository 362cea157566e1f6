package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** How the shared canvas charts draw: thin bars as exact pixel columns, no redraw for unchanged values. */
@ExtendWith(ApplicationExtension.class)
class CanvasChartDrawingTest {

    private static final int CLASSES = 300;
    private Stage stage;
    private ProbabilityBarChart chart;
    private ScrollPane scroll;

    @Start
    void start(Stage primaryStage) {
        chart = new ProbabilityBarChart();
        chart.getStyleClass().add("teacher");
        chart.setPrefSize(400, 200);
        scroll = new ScrollPane(new VBox(new StackPane()));
        stage = TestWindows.show(new VBox(chart, scroll), 420, 320);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void thinBarsAreFilledPixelColumnsOfTheirProbabilitysHeight(FxRobot robot) {
        double[] p = new double[CLASSES];
        p[100] = 1.0;
        p[200] = 0.5;
        robot.interact(() -> chart.setValues(p));
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage image = snapshot(robot);
        PixelReader pixels = image.getPixelReader();
        double width = chart.canvas().getWidth();
        double band = (width - ProbabilityBarChart.LEFT - ProbabilityBarChart.RIGHT) / CLASSES;
        assertThat(band).as("bars this narrow are drawn as one-pixel columns").isLessThan(3);
        double plotH = chart.canvas().getHeight() - ProbabilityBarChart.TOP - ProbabilityBarChart.BOTTOM;
        int base = (int) Math.round(ProbabilityBarChart.TOP + plotH);

        int full = (int) Math.floor(ProbabilityBarChart.LEFT + 100.5 * band);
        int half = (int) Math.floor(ProbabilityBarChart.LEFT + 200.5 * band);
        int empty = (int) Math.floor(ProbabilityBarChart.LEFT + 150.5 * band);
        int barTop = (int) Math.ceil(ProbabilityBarChart.TOP) + 1;
        int halfTop = (int) Math.ceil(base - plotH / 2) + 1;
        assertThat(inkedRows(pixels, full, barTop, base - 1)).isEqualTo(base - barTop);
        assertThat(inkedRows(pixels, half, halfTop, base - 1)).isEqualTo(base - halfTop);
        assertThat(inkedRows(pixels, half, barTop + 2, halfTop - 3)).as("above the 50% bar").isZero();
        assertThat(inkedRows(pixels, empty, barTop + 2, base - 3)).as("a zero bar").isZero();
        assertThat(inkedRows(pixels, full + 2, barTop + 2, base - 3)).as("the bar is one pixel wide").isZero();
    }

    @Test
    void equalValuesDoNotRedrawTheChart(FxRobot robot) {
        double[] p = {0.2, 0.3, 0.5};
        robot.interact(() -> chart.setValues(p));
        WaitForAsyncUtils.waitForFxEvents();
        long drawn = chart.redraws();

        robot.interact(() -> chart.setValues(p.clone()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.redraws()).isEqualTo(drawn);

        robot.interact(() -> chart.setValues(new double[] {0.2, 0.4, 0.4}));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.redraws()).isEqualTo(drawn + 1);
    }

    @Test
    void scrollPanesDoNotCacheTheirViewportAsABitmap(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scroll.getSkin()).isInstanceOf(UncachedScrollPaneSkin.class);
        assertThat(scroll.lookup(".viewport").isCache()).isFalse();
    }

    private WritableImage snapshot(FxRobot robot) {
        return TestWindows.snapshot(robot, chart.canvas());
    }

    /** Rows in [from, to] of column x where the bar colour (an opaque, saturated pixel) is drawn. */
    private static int inkedRows(PixelReader pixels, int x, int from, int to) {
        int inked = 0;
        for (int y = from; y <= to; y++) {
            javafx.scene.paint.Color c = pixels.getColor(x, y);
            if (c.getOpacity() > 0.9 && c.getSaturation() > 0.5) {
                inked++;
            }
        }
        return inked;
    }
}
