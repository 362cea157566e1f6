package org.kdplayground.training.learned;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.SyntheticDatasets;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.TestWindows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A decision-boundary view redraws for a new heatmap, not for the one it shows. */
@ExtendWith(ApplicationExtension.class)
class BoundaryViewTest {

    private Stage stage;
    private BoundaryView view;

    @Start
    void start(Stage primaryStage) {
        view = new BoundaryView(ChartRole.TEACHER);
        view.titleProperty().set("Teacher");
        stage = TestWindows.show(new StackPane(view), 300, 260);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    private static RunEvent.Boundary heatmap(int winnerOfAll) {
        int n = 4;
        int[] winner = new int[n * n];
        java.util.Arrays.fill(winner, winnerOfAll);
        float[] confidence = new float[n * n];
        java.util.Arrays.fill(confidence, 0.9f);
        return new RunEvent.Boundary(n, winner, confidence);
    }

    @Test
    void theSameHeatmapAgainIsNotRedrawnANewOneIs(FxRobot robot) {
        Dataset moons = SyntheticDatasets.twoMoons(100, 0.2, 1);
        double[] bounds = {-2, 3, -1.5, 2};
        RunEvent.Boundary first = heatmap(0);
        robot.interact(() -> view.show(first, moons, bounds));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.hasBoundary()).isTrue();
        long redraws = view.redraws();

        robot.interact(() -> view.show(first, moons, bounds)); // a frozen teacher's heatmap, sent once
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws()).isEqualTo(redraws);

        robot.interact(() -> view.show(heatmap(1), moons, bounds));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws()).isEqualTo(redraws + 1);
        robot.interact(() -> view.show(null, moons, bounds));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.hasBoundary()).isFalse();
        assertThat(view.redraws()).isEqualTo(redraws + 2);
    }

    /** Against a teacher's heatmap the view measures the share of the grid where the classes differ. */
    @Test
    void theDisagreementViewCountsTheCellsWhoseClassDiffersFromTheTeachers(FxRobot robot) {
        Dataset moons = SyntheticDatasets.twoMoons(100, 0.2, 1);
        double[] bounds = {-2, 3, -1.5, 2};
        RunEvent.Boundary teacher = heatmap(0);
        int[] winner = new int[16];
        winner[3] = 1;
        winner[7] = 1;
        winner[8] = 1;
        winner[15] = 1;
        RunEvent.Boundary student = new RunEvent.Boundary(4, winner, new float[16]);
        assertThat(BoundaryView.disagreement(student, teacher)).isEqualTo(4 / 16.0);
        robot.interact(() -> view.show(student, teacher, moons, bounds));
        assertThat(view.disagreement()).isEqualTo(0.25);
        robot.interact(() -> view.show(student, null, moons, bounds));
        assertThat(view.disagreement()).isNaN();
        RunEvent.Boundary otherGrid = new RunEvent.Boundary(2, new int[4], new float[4]);
        robot.interact(() -> view.show(student, otherGrid, moons, bounds));
        assertThat(view.disagreement()).as("grids of different sizes do not compare").isNaN();
    }
}
