package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.training.setup.drawing.DrawingModel;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Draw tool and Open CSV on the training screen (no engine: nothing here trains). */
@ExtendWith(ApplicationExtension.class)
class UsersDataScreenTest {

    @TempDir
    Path dir;

    private TrainingModel model;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        I18n i18n = new I18n(Language.ENGLISH);
        LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
        model = new TrainingModel(i18n, TaskExecutor.currentThread(), status.valueProperty(), example -> { });
        ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
        stage = TestWindows.show(new Stage(), loader.load(TrainingController.class).root(), 1280, 800,
                new FontPolicy(List.of()));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> robot.listWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w)
                .toList().forEach(Stage::close));
    }

    private static DrawnPoints drawn(DrawingModel drawing) {
        return drawing.pointsProperty().get();
    }

    private static long ofClass(DrawnPoints p, int c) {
        long n = 0;
        for (int i = 0; i < p.size(); i++) {
            n += p.classOf(i) == c ? 1 : 0;
        }
        return n;
    }

    @Test
    void theDrawToolAddsPaintsErasesClearsStartsFromASetAndStartSaysWhatTheDrawingLacks(FxRobot robot)
            throws Exception {
        robot.clickOn("#drawButton");
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = robot.lookup("#drawing-canvas").query();
        DrawingModel drawing = ((org.kdplayground.training.setup.drawing.DrawingCanvas) canvas).model();
        Label problem = robot.lookup("#drawing-problem").queryAs(Label.class);

        robot.moveTo(canvas).moveBy(-80, -40).clickOn(MouseButton.PRIMARY);
        assertThat(drawn(drawing).size()).isEqualTo(1);
        assertThat(problem.getText()).isEqualTo("Draw points of at least 2 classes to start (1 drawn so far).");

        robot.clickOn("#drawing-class-1");
        robot.moveTo(canvas).moveBy(60, 60);
        robot.press(MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 10).release(MouseButton.PRIMARY);
        long painted = ofClass(drawn(drawing), 1);
        assertThat(painted).as("a drag paints several points of the chosen class").isGreaterThan(3);

        robot.moveTo(canvas).moveBy(-80, -40).clickOn(MouseButton.SECONDARY);
        assertThat(ofClass(drawn(drawing), 0)).as("a right-click erases the point under it").isZero();
        assertThat(ofClass(drawn(drawing), 1)).isEqualTo(painted);
        robot.clickOn("#drawing-eraser");
        robot.moveTo(canvas).moveBy(100, 60);
        robot.press(MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).release(MouseButton.PRIMARY);
        assertThat(drawn(drawing).size()).as("the eraser removes where it is dragged").isLessThan((int) painted);

        robot.clickOn("#drawing-clear");
        assertThat(drawn(drawing).size()).isZero();
        robot.clickOn("#drawing-start-from-button");
        assertThat(drawn(drawing).size()).isEqualTo(300);
        assertThat(problem.getText()).isEmpty();

        robot.clickOn("#drawing-clear");
        robot.clickOn("#drawing-eraser");
        robot.clickOn("#drawing-class-0");
        for (int i = 0; i < 4; i++) {
            robot.moveTo(canvas).moveBy(-100 + 20 * i, -60).clickOn(MouseButton.PRIMARY);
        }
        robot.clickOn("#drawing-class-1");
        for (int i = 0; i < 2; i++) {
            robot.moveTo(canvas).moveBy(40 + 20 * i, 80).clickOn(MouseButton.PRIMARY);
        }
        assertThat(problem.getText()).isEqualTo("Class 1 needs at least 4 points.");
        robot.clickOn("#drawing-use");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.setup().datasetProperty().get()).isEqualTo(DatasetCatalog.DRAWN);
        assertThat(model.setup().users().drawnProperty().get().size()).isEqualTo(6);
        assertThat(robot.lookup("#startButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(model.startBlockedReason().get()).isEqualTo("Class 1 needs at least 4 points.");
        assertThat(robot.lookup("#previewProblem").queryAs(Label.class).getText())
                .isEqualTo("Class 1 needs at least 4 points.");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void openCsvShowsTheTablesRowsAndClassesAndABadTableChangesNothingAndSaysWhere(FxRobot robot)
            throws Exception {
        StringBuilder iris = new StringBuilder("sepal length,sepal width,petal length,petal width,species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < 30; i++) {
            iris.append(5.1 + i % 3).append(',').append(3.5).append(',').append(1.4 + 2 * (i % 3)).append(',')
                    .append(0.2).append(',').append(species[i % 3]).append('\n');
        }
        Path table = write("iris.csv", iris.toString());
        robot.interact(() -> model.opener().openCsv(table));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.preview().dataProperty().get() != null
                && model.preview().dataProperty().get().featureCount() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.setup().datasetProperty().get()).isEqualTo(DatasetCatalog.CSV);
        Label summary = robot.lookup("#dataSummary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("30 rows, 4 features. Classes: setosa: 10, versicolor: 10,"
                + " virginica: 10").contains("First rows").contains("5.1, 3.5, 1.4, 0.2 → setosa");
        CsvTable opened = model.setup().users().tableProperty().get();

        Label problem = robot.lookup("#previewProblem").queryAs(Label.class);
        String[][] bad = {
            {"missing.csv", null, "missing.csv: file not found"},
            {"ragged.csv", "a,b,label\n1,2,x\n3,y\n", "ragged.csv line 3: expected 3 columns, found 2"},
            {"text.csv", "a,b,label\n1,2,x\n3,four,y\n", "text.csv line 3, column 2: \"four\" is not a number"},
            {"one.csv", "a,b,label\n1,2,x\n3,4,x\n", "one.csv: every row has the same label"},
        };
        for (String[] c : bad) {
            Path file = c[1] == null ? dir.resolve(c[0]) : write(c[0], c[1]);
            robot.interact(() -> model.opener().openCsv(file));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText().startsWith(c[2]));
            assertThat(model.setup().users().tableProperty().get()).as(c[0]).isEqualTo(opened);
            assertThat(model.setup().datasetProperty().get()).isEqualTo(DatasetCatalog.CSV);
            assertThat(summary.getText()).startsWith("30 rows");
        }
        robot.interact(() -> model.opener().openCsv(table));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText().isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLabelColumnOfAnOpenedTableCanBeChosenAndABadChoiceGoesBack(FxRobot robot) throws Exception {
        StringBuilder text = new StringBuilder("kind,width,height\n");
        for (int i = 0; i < 24; i++) {
            text.append(1 + i % 3).append(',').append(0.1 * i).append(',').append(i % 2 == 0 ? "tall" : "short")
                    .append('\n');
        }
        Path table = write("kinds.csv", text.toString());
        robot.interact(() -> model.opener().openCsv(table));
        javafx.scene.control.ComboBox<Integer> box = robot.lookup("#labelColumnBox").queryAs(
                javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> box.getItems().size() == 3 && box.getValue() != null);
        assertThat(box.isVisible()).isTrue();
        assertThat(box.getConverter().toString(box.getValue())).isEqualTo("height");
        assertThat(model.preview().dataProperty().get().classNames()).containsExactly("tall", "short");

        robot.interact(() -> box.setValue(1)); // "width" as the label leaves the text column "height" a feature
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problemText(robot).startsWith("kinds.csv line 2,"
                + " column 3: \"tall\" is not a number"));
        assertThat(model.setup().users().tableProperty().get().labelIndex()).isEqualTo(-1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).as("the refused choice goes back").isEqualTo(2);

        Path numbers = write("numbers.csv", text.toString().replace("tall", "7").replace("short", "8"));
        robot.interact(() -> model.opener().openCsv(numbers));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.setup().users().tableProperty().get().file()
                .equals(numbers) && problemText(robot).isEmpty());
        robot.interact(() -> box.setValue(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.setup().users().tableProperty().get()
                .labelIndex() == 0 && model.preview().dataProperty().get() != null
                && model.preview().dataProperty().get().classCount() == 4);
        assertThat(model.preview().dataProperty().get().classCounts()).containsExactly(0, 8, 8, 8);
    }

    private static String problemText(FxRobot robot) {
        return robot.lookup("#previewProblem").queryAs(Label.class).getText();
    }
}
