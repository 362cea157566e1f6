package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;


import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.DecoupledKdLoss;
import org.kdplayground.math.Softmax;
import org.kdplayground.math.StandardizedKdLoss;
import org.kdplayground.ui.ChartRole;
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

/** The explorer's loss choice as the learner uses it: the controls, numbers, bar, formula and gradient follow it. */
@ExtendWith(ApplicationExtension.class)
class ExplorerMethodScreenTest {

    private I18n i18n;
    private ExplorerModel model;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        i18n = new I18n(Language.ENGLISH);
        model = new ExplorerModel(i18n);
        ViewLoader.View<ExplorerController> view = ExplorerViews.load(model, i18n);
        stage = TestWindows.show(view.root(), 1080, 740);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void theChoiceOffersTheThreeLossesWithTheSetUpsNamesAndStartsOnHinton(FxRobot robot) {
        ChoiceBox<LossMethod> box = methodBox(robot);
        assertThat(box.getItems()).containsExactly(LossMethod.HINTON, LossMethod.DKD, LossMethod.LSKD);
        assertThat(box.getValue()).isEqualTo(LossMethod.HINTON);
        assertThat(box.getItems().stream().map(box.getConverter()::toString).toList()).containsExactly(
                "Hinton KD (α·CE + (1 − α)·T²·KL)", "Decoupled KD (DKD)", "KD on standardised logits");
        assertThat(visible(robot, "#alphaControls")).isTrue();
        assertThat(visible(robot, "#tSquaredSwitch")).isTrue();
        assertThat(visible(robot, "#dkdControls")).isFalse();
        assertThat(visible(robot, "#tckdValue")).isFalse();
    }

    @Test
    void choosingDkdShowsItsWeightsPartsFormulaAndGradient(FxRobot robot) {
        choose(robot, LossMethod.DKD);

        assertThat(model.lossChoice().getMethod()).isEqualTo(LossMethod.DKD);
        assertThat(visible(robot, "#dkdControls")).isTrue();
        assertThat(visible(robot, "#alphaControls")).as("Hinton's α does not enter DKD").isFalse();
        assertThat(visible(robot, "#tSquaredSwitch")).as("DKD always has T²").isFalse();
        assertThat(field(robot, "#dkdBetaField").getText()).isEqualTo("8");
        assertThat(robot.lookup("#dkdBetaSlider").queryAs(Slider.class).getMax()).isEqualTo(100);

        ClassLogits logits = model.getLogits();
        DecoupledKdLoss.Result expected = DecoupledKdLoss.compute(logits.student(), logits.teacher(), 0, 4, 1, 1, 8);
        assertThat(text(robot, "#tckdValue")).isEqualTo(NumberFormats.significant(expected.tckd()));
        assertThat(text(robot, "#nckdValue")).isEqualTo(NumberFormats.significant(expected.nckd()));
        assertThat(text(robot, "#totalValue")).isEqualTo(NumberFormats.significant(expected.total()));
        assertThat(visible(robot, "#tckdValue")).isTrue();
        assertThat(visible(robot, "#klValue")).isFalse();
        assertThat(robot.lookup("#lossBar").queryAs(LossBar.class).segmentsProperty().get()).containsExactly(
                new LossBar.Segment(ChartRole.HARD, expected.hard()),
                new LossBar.Segment(ChartRole.TCKD, expected.tckd()),
                new LossBar.Segment(ChartRole.NCKD, 8 * expected.nckd()));
        assertThat(formula(robot)).contains("\\mathrm{TCKD}").contains("\\mathrm{NCKD}")
                .contains("\\mathbf{" + NumberFormats.significant(expected.total()) + "}");
        GradientInfo shown = robot.lookup("#gradientChart").queryAs(GradientChart.class).gradientProperty().get();
        assertThat(shown.total()).containsExactly(expected.grad());
        assertThat(visible(robot, "#legendNckd")).isTrue();
        assertThat(visible(robot, "#legendApprox")).isFalse();
        assertThat(text(robot, "#gradientNote")).contains("NCKD part is 0 at the true class");
    }

    @Test
    void choosingLskdShowsTheStandardisedSoftLabelsAndTwoParts(FxRobot robot) {
        choose(robot, LossMethod.LSKD);

        double[] teacher = model.getLogits().teacher();
        assertThat(chart(robot, "#teacherTChart").valuesProperty().get())
                .containsExactly(Softmax.softmax(StandardizedKdLoss.standardize(teacher), 4));
        assertThat(text(robot, "#teacherTCaption")).isEqualTo("Teacher, standardised, T = 4.00");
        StandardizedKdLoss.Result expected = StandardizedKdLoss.compute(model.getLogits().student(), teacher, 0, 4,
                0.5);
        assertThat(text(robot, "#softValue")).isEqualTo(NumberFormats.significant(expected.soft()));
        assertThat(robot.lookup("#lossBar").queryAs(LossBar.class).segmentsProperty().get()).extracting(
                LossBar.Segment::role).containsExactly(ChartRole.HARD, ChartRole.SOFT);
        assertThat(formula(robot)).contains("\\hat z").doesNotContain("TCKD");
        assertThat(visible(robot, "#alphaControls")).as("LSKD weighs like Hinton").isTrue();
        assertThat(visible(robot, "#dkdControls")).isFalse();
        GradientInfo shown = robot.lookup("#gradientChart").queryAs(GradientChart.class).gradientProperty().get();
        assertThat(shown.total()).containsExactly(expected.grad());
        assertThat(shown.parts()).extracting(GradientInfo.Part::part).containsExactly(LossPart.HARD, LossPart.SOFT);
    }

    @Test
    void minusOneTypedForBetaIsRefusedWithAMessageAndTheLastValueStays(FxRobot robot) {
        choose(robot, LossMethod.DKD);
        String total = text(robot, "#totalValue");
        TextField beta = field(robot, "#dkdBetaField");

        robot.clickOn(beta).push(KeyCode.CONTROL, KeyCode.A).write("-1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("“-1” is not an NCKD weight β from 0 to 100; β stays as it was.");
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(8);
        assertThat(beta.getPseudoClassStates()).contains(LogitsEditor.INVALID);
        assertThat(text(robot, "#totalValue")).isEqualTo(total);

        robot.push(KeyCode.CONTROL, KeyCode.A).write("12").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(12);
        assertThat(message.isVisible()).isFalse();
        assertThat(beta.getPseudoClassStates()).doesNotContain(LogitsEditor.INVALID);
        assertThat(robot.lookup("#dkdBetaSlider").queryAs(Slider.class).getValue()).isEqualTo(12);
        assertThat(text(robot, "#totalValue")).isNotEqualTo(total);
    }

    @Test
    void leavingABadBetaShowsTheKeptValueAgain(FxRobot robot) {
        choose(robot, LossMethod.DKD);
        TextField beta = field(robot, "#dkdBetaField");
        robot.clickOn(beta).push(KeyCode.CONTROL, KeyCode.A).write("lots");
        robot.clickOn("#dkdAlphaField");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(beta.getText()).isEqualTo("8");
        assertThat(model.getMessage()).contains("“lots”");
    }

    @Test
    void theArrowKeysMoveTheBetaSliderAndTheLoss(FxRobot robot) {
        choose(robot, LossMethod.DKD);
        double before = model.getTotalLoss();
        Slider slider = robot.lookup("#dkdBetaSlider").queryAs(Slider.class);
        robot.interact(slider::requestFocus);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(8.5);
        assertThat(field(robot, "#dkdBetaField").getText()).isEqualTo("8.5");
        assertThat(model.getTotalLoss()).isGreaterThan(before);
        assertThat(text(robot, "#totalValue")).isEqualTo(NumberFormats.significant(model.getTotalLoss()));
    }

    @Test
    void switchingToHintonAndBackKeepsWhatWasTyped(FxRobot robot) {
        choose(robot, LossMethod.DKD);
        robot.clickOn(field(robot, "#dkdBetaField")).push(KeyCode.CONTROL, KeyCode.A).write("20")
                .type(KeyCode.ENTER);
        choose(robot, LossMethod.HINTON);
        assertThat(visible(robot, "#alphaControls")).isTrue();
        assertThat(formula(robot)).contains("\\mathrm{KL}(p_t^T");
        assertThat(robot.lookup("#lossBar").queryAs(LossBar.class).segmentsProperty().get()).extracting(
                LossBar.Segment::role).containsExactly(ChartRole.HARD, ChartRole.SOFT);
        choose(robot, LossMethod.DKD);
        assertThat(field(robot, "#dkdBetaField").getText()).isEqualTo("20");
        assertThat(model.lossChoice().dkdBetaProperty().get()).isEqualTo(20);
    }

    @Test
    void aLanguageSwitchRelabelsTheChoiceTheNoteAndTheParts(FxRobot robot) {
        choose(robot, LossMethod.DKD);
        robot.interact(() -> i18n.setLanguage(Language.CHINESE_SIMPLIFIED));
        WaitForAsyncUtils.waitForFxEvents();

        ChoiceBox<LossMethod> box = methodBox(robot);
        assertThat(box.getValue()).isEqualTo(LossMethod.DKD);
        assertThat(box.getConverter().toString(LossMethod.DKD)).isEqualTo("解耦知识蒸馏（DKD）");
        assertThat(robot.lookup("#methodBox .label").queryAs(Label.class).getText())
                .isEqualTo("解耦知识蒸馏（DKD）");
        assertThat(text(robot, "#tckdName")).isEqualTo("T² · TCKD：真实类别与其余类别");
        assertThat(text(robot, "#methodNote")).startsWith("Zhao 等（2022）");
        assertThat(text(robot, "#gradientNote")).contains("NCKD 部分在真实类别处为 0");

        robot.interact(() -> i18n.setLanguage(Language.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#methodBox .label").queryAs(Label.class).getText()).isEqualTo("Decoupled KD (DKD)");
    }

    /** Picks a method as a learner does: a click opens the choice, a click on the loss's name takes it. */
    private void choose(FxRobot robot, LossMethod method) {
        ChoiceBox<LossMethod> box = methodBox(robot);
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(box.getConverter().toString(method));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(method);
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<LossMethod> methodBox(FxRobot robot) {
        return robot.lookup("#methodBox").queryAs(ChoiceBox.class);
    }

    private static String formula(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#formula").queryAs(FormulaView.class).texProperty().get();
    }

    private static boolean visible(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible() && node.isManaged();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static ProbabilityBarChart chart(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ProbabilityBarChart.class);
    }
}
