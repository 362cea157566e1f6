package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.FormulaView;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExplorerScreenTest {

    private I18n i18n;
    private ExplorerModel model;
    private Stage stage;
    private ExplorerController controller;

    @Start
    void start(Stage primaryStage) {
        i18n = new I18n(Language.ENGLISH);
        model = new ExplorerModel(i18n);
        ViewLoader.View<ExplorerController> view = ExplorerViews.load(model, i18n);
        controller = view.controller();
        stage = TestWindows.show(view.root(), 1080, 740);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void draggingTheTemperatureSliderChangesTAndTheLossNumbers(FxRobot robot) {
        String before = text(robot, "#totalValue");
        assertThat(before).isEqualTo(NumberFormats.significant(model.getBreakdown().total()));

        Node thumb = robot.lookup("#temperatureSlider .thumb").query();
        robot.drag(thumb).moveBy(50, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.getTemperature()).isGreaterThan(4.5);
        assertThat(text(robot, "#totalValue")).isNotEqualTo(before)
                .isEqualTo(NumberFormats.significant(model.getBreakdown().total()));
        assertThat(text(robot, "#softValue")).isEqualTo(NumberFormats.significant(model.getBreakdown().soft()));
        assertThat(robot.lookup("#temperatureField").queryAs(TextField.class).getText())
                .isEqualTo(NumberFormats.temperature(model.getTemperature()));
    }

    @Test
    void manyChangesInOneFrameFillThePictureOnce(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int before = controller.pictureUpdates();
        robot.interact(() -> {
            model.setTemperature(6);
            model.setAlpha(0.2);
            model.setLogit(Role.TEACHER, 0, 3);
            model.setLogit(Role.STUDENT, 1, -2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.pictureUpdates()).isEqualTo(before + 1);
        assertThat(text(robot, "#totalValue")).isEqualTo(NumberFormats.significant(model.getBreakdown().total()));
    }

    @Test
    void changingTRedrawsOnlyWhatDependsOnTAndOnlyTheDetailTabOnShow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ProbabilityBarChart teacherT1 = chart(robot, "#teacherT1Chart");
        ProbabilityBarChart teacherT = chart(robot, "#teacherTChart");
        org.kdplayground.ui.LogLineChart curves = robot.lookup("#curvesChart")
                .queryAs(org.kdplayground.ui.LogLineChart.class);
        long t1Before = teacherT1.redraws();
        long tBefore = teacherT.redraws();
        long curvesBefore = curves.redraws();

        robot.interact(() -> model.setTemperature(7));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(teacherT.redraws()).isEqualTo(tBefore + 1);
        assertThat(teacherT1.redraws()).as("the T = 1 chart does not change with T").isEqualTo(t1Before);
        assertThat(curves.redraws()).as("the curves tab is hidden").isEqualTo(curvesBefore);
        assertThat(curves.markerProperty().get()).isNotEqualTo(7.0);

        robot.interact(() -> model.detailTabProperty().set(ExplorerModel.DetailTab.CURVES));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(curves.markerProperty().get()).as("the tab shows the current T when it opens").isEqualTo(7);
        assertThat(curves.redraws()).isGreaterThan(curvesBefore);
        long gradientAfter = robot.lookup("#gradientChart").queryAs(GradientChart.class).redraws();
        robot.interact(() -> model.setTemperature(9));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(curves.markerProperty().get()).isEqualTo(9);
        assertThat(robot.lookup("#gradientChart").queryAs(GradientChart.class).redraws())
                .as("the gradient tab is hidden now").isEqualTo(gradientAfter);
    }

    @Test
    void typedTemperatureMovesTheSlider(FxRobot robot) {
        TextField field = robot.lookup("#temperatureField").queryAs(TextField.class);
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write("10").type(KeyCode.ENTER);
        assertThat(model.getTemperature()).isEqualTo(10);
        assertThat(robot.lookup("#temperatureSlider").queryAs(Slider.class).getValue()).isEqualTo(1.0);
    }

    @Test
    void typingAnInvalidLogitShowsTheMessageAndKeepsTheValue(FxRobot robot) {
        TextField field = robot.lookup("#teacher-value-1").queryAs(TextField.class);
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write("abc").type(KeyCode.ENTER);

        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("“abc” is not a number; the last valid value is kept.");
        assertThat(model.getLogits().teacher()[1]).isEqualTo(1.0);
        assertThat(field.getPseudoClassStates()).contains(LogitsEditor.INVALID);

        robot.push(KeyCode.CONTROL, KeyCode.A).write("3.5").type(KeyCode.ENTER);
        assertThat(model.getLogits().teacher()[1]).isEqualTo(3.5);
        assertThat(message.isVisible()).isFalse();
        assertThat(field.getPseudoClassStates()).doesNotContain(LogitsEditor.INVALID);
    }

    @Test
    void arrowAndPageKeysMoveTheAlphaSlider(FxRobot robot) {
        Slider alpha = robot.lookup("#alphaSlider").queryAs(Slider.class);
        robot.interact(alpha::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertThat(model.getAlpha()).isCloseTo(0.55, org.assertj.core.api.Assertions.within(1e-9));
        robot.type(KeyCode.PAGE_UP);
        assertThat(model.getAlpha()).isCloseTo(0.80, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void addingAndRemovingClassesKeepsEditorsAndChartsInStep(FxRobot robot) {
        robot.clickOn("#addClassButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot, "#teacherRows")).isEqualTo(6);
        assertThat(rows(robot, "#studentRows")).isEqualTo(6);
        assertThat(chart(robot, "#teacherTChart").valuesProperty().get()).hasSize(6);

        robot.clickOn("#removeClassButton").clickOn("#removeClassButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot, "#teacherRows")).isEqualTo(4);
        assertThat(chart(robot, "#studentTChart").valuesProperty().get()).hasSize(4);
        assertThat(model.getBreakdown().classes()).isEqualTo(4);
    }

    @Test
    void choosingATrueClassMarksItInTheCharts(FxRobot robot) {
        robot.clickOn("#teacher-label-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getLabel()).isEqualTo(3);
        assertThat(chart(robot, "#teacherT1Chart").markedIndexProperty().get()).isEqualTo(3);
    }

    @Test
    void presetsLoadFromTheMenu(FxRobot robot) {
        MenuButton presets = robot.lookup("#presetMenu").queryAs(MenuButton.class);
        MenuItem equal = presets.getItems().stream()
                .filter(item -> "preset-student_equals_teacher".equals(item.getId())).findFirst().orElseThrow();
        robot.interact(equal::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getLogits().student()).containsExactly(model.getLogits().teacher());
        assertThat(text(robot, "#klValue")).isEqualTo("0");
        assertThat(robot.lookup("#student-value-0").queryAs(TextField.class).getText()).isEqualTo("2");
    }

    @Test
    void aThousandPastedClassesShowASummaryAndThinBars(FxRobot robot) {
        String list = IntStream.range(0, 1000).mapToObj(i -> Integer.toString(i % 7))
                .collect(Collectors.joining(","));
        robot.interact(() -> robot.lookup("#pasteField").queryAs(TextField.class).setText(list));
        robot.clickOn("#pasteTeacherButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getLogits().classes()).isEqualTo(1000);
        assertThat(robot.lookup("#teacherRows .logits-summary").queryAs(Label.class).getText())
                .startsWith("1,000 classes");
        assertThat(chart(robot, "#teacherTChart").valuesProperty().get()).hasSize(1000);
    }

    @Test
    void theFormulaCanvasIsPainted(FxRobot robot) {
        FormulaView formula = robot.lookup("#formula").queryAs(FormulaView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(formula.isPainted()).isTrue();
        assertThat(formula.texProperty().get()).contains(NumberFormats.significant(model.getBreakdown().total()));
        WritableImage image = snapshot(robot, formula);
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getPixelReader().getColor(x, y).getOpacity() > 0.5
                        && image.getPixelReader().getColor(x, y).getBrightness() < 0.5) {
                    inked++;
                }
            }
        }
        assertThat(inked).isGreaterThan(200);
    }

    @Test
    void aNarrowWindowGivesTheFormulaARowOfItsOwnSoItStaysReadable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.formulaOnItsOwnRow()).as("1080 px wide: beside the loss bar").isFalse();
        FormulaView formula = robot.lookup("#formula").queryAs(FormulaView.class);
        double besideWidth = formula.getWidth();

        robot.interact(() -> stage.setWidth(820));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.formulaOnItsOwnRow()).isTrue();
        assertThat(formula.getWidth()).as("a row of its own is wider").isGreaterThan(besideWidth);
        assertThat(formula.isPainted()).isTrue();

        robot.interact(() -> stage.setWidth(1080));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.formulaOnItsOwnRow()).isFalse();
    }

    /**
     * A narrower window still (the lesson panel open at the window's least width): the bar takes a row of its own
     * too, so the numbers keep their whole names; the captions wrap rather than cut, and the charts stay level.
     */
    @Test
    void aVeryNarrowWindowGivesTheLossBarARowOfItsOwnAndKeepsNamesAndCaptionsWhole(FxRobot robot) {
        robot.interact(() -> stage.setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(controller.lossBarOnItsOwnRow()).isTrue();
        assertThat(controller.formulaOnItsOwnRow()).isTrue();
        for (String name : new String[] {".loss-name.hard", ".loss-name.soft", ".loss-name.total"}) {
            assertThat(TestWindows.showsWholeText(robot.lookup(name).queryAs(Label.class))).as(name).isTrue();
        }
        Label[] captions = {robot.lookup("#teacherT1Caption").queryAs(Label.class),
            robot.lookup("#teacherTCaption").queryAs(Label.class),
            robot.lookup("#studentTCaption").queryAs(Label.class)};
        for (Label caption : captions) {
            assertThat(TestWindows.showsWholeText(caption)).as(caption.getText()).isTrue();
        }
        assertThat(captions[1].getHeight()).as("\"Teacher, T = 4.00: soft labels\" on two lines")
                .isGreaterThan(captions[0].prefHeight(-1) * 1.5);
        double top = chart(robot, "#teacherT1Chart").localToScene(0, 0).getY();
        assertThat(chart(robot, "#teacherTChart").localToScene(0, 0).getY()).isEqualTo(top);
        assertThat(chart(robot, "#studentTChart").localToScene(0, 0).getY()).isEqualTo(top);

        robot.interact(() -> stage.setWidth(1080));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.lossBarOnItsOwnRow()).isFalse();
        assertThat(controller.formulaOnItsOwnRow()).isFalse();
        assertThat(captions[1].getHeight()).as("one line again").isLessThan(captions[0].prefHeight(-1) * 1.5);
    }

    @Test
    void hoveringABarShowsItsValue(FxRobot robot) {
        ProbabilityBarChart chart = chart(robot, "#teacherT1Chart");
        javafx.geometry.Bounds bounds = chart.localToScreen(chart.getLayoutBounds());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + 45, bounds.getMinY() + bounds.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.hoverText()).isEqualTo("0: " + NumberFormats.percent(
                org.kdplayground.math.Softmax.softmax(model.getLogits().teacher(), 1)[0]));
    }

    @Test
    void modelChangesReachTheEditors(FxRobot robot) {
        robot.interact(() -> model.setLogit(Role.STUDENT, 2, -3.25));
        assertThat(robot.lookup("#student-value-2").queryAs(TextField.class).getText()).isEqualTo("-3.25");
        assertThat(robot.lookup("#student-slider-2").queryAs(Slider.class).getValue()).isEqualTo(-3.25);
    }

    private static WritableImage snapshot(FxRobot robot, FormulaView formula) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = formula.canvas().snapshot(null, null));
        return image[0];
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static int rows(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(VBox.class).getChildren().size();
    }

    private static ProbabilityBarChart chart(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ProbabilityBarChart.class);
    }
}
