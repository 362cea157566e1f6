package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.lessons.Lesson;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.live.EpochMeasure;
import org.kdplayground.ui.FormulaView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A teacher steps through every lesson with Next and back with Back, in English and in Chinese. */
@ExtendWith(ApplicationExtension.class)
class LessonsWindowTest {

    private OpenMainWindow opened;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        opened = OpenMainWindow.open("language=en\ntheme=light\n");
        window = opened.window();
    }

    @AfterEach
    void close(FxRobot robot) {
        opened.close(robot);
    }

    /** The explorer's lessons teach Hinton's loss: a lesson step on the explorer shows it, whatever loss was chosen. */
    @Test
    void aLessonStepOnTheExplorerSwitchesItBackToHintonsLossKeepingDkdsWeights(FxRobot robot) {
        robot.interact(() -> {
            window.explorer().lossChoice().methodProperty().set(LossMethod.DKD);
            window.explorer().lossChoice().setDkdBeta("20");
        });

        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).type(KeyCode.RIGHT).release(KeyCode.ALT);

        assertThat(window.explorer().lossChoice().getMethod()).isEqualTo(LossMethod.HINTON);
        assertThat(window.explorer().getTemperature()).isEqualTo(4.0);
        assertThat(window.explorer().lossChoice().dkdBetaProperty().get()).isEqualTo(20);
    }

    /** The explorer's loss and DKD's weights are part of the workspace. */
    @Test
    void aChangedLossOrWeightMarksTheWorkspaceChangedAndBackAgainUnchanged(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isFalse();
        robot.interact(() -> window.explorer().lossChoice().methodProperty().set(LossMethod.LSKD));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isTrue();
        robot.interact(() -> window.explorer().lossChoice().methodProperty().set(LossMethod.HINTON));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isFalse();
        robot.interact(() -> window.explorer().lossChoice().setDkdBeta("9"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.files().dirtyProperty().get()).isTrue();
    }

    @Test
    void theLessonsMenuItemOpensAndClosesThePanelBesideTheScreen(FxRobot robot) {
        assertThat(robot.lookup("#lessonPanel").query().isVisible()).isFalse();

        MainWindowTest.fireMenuItem(robot, "lessonsItem");

        Node panel = robot.lookup("#lessonPanel").query();
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getBoundsInParent().getWidth()).isBetween(280.0, 360.0);
        assertThat(robot.lookup("#explorerScreen").query().isVisible()).isTrue();
        assertThat(text(robot, "#counterLabel")).isEqualTo("1 / 6");
        robot.clickOn("#nextButton");
        assertThat(text(robot, "#counterLabel")).isEqualTo("2 / 6");

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        assertThat(panel.isVisible()).isFalse();
    }

    @Test
    void altArrowsStepForwardAndBack(FxRobot robot) {
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        robot.press(KeyCode.ALT).type(KeyCode.RIGHT).type(KeyCode.RIGHT).release(KeyCode.ALT);
        assertThat(text(robot, "#counterLabel")).isEqualTo("3 / 6");
        assertThat(window.explorer().getTemperature()).isEqualTo(4.0);
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        assertThat(text(robot, "#counterLabel")).isEqualTo("2 / 6");
        assertThat(window.explorer().getTemperature()).isEqualTo(1.0);
    }

    @Test
    void everyLessonWalksForwardAndBackInEnglishAndChinese(FxRobot robot) {
        MainWindowTest.fireMenuItem(robot, "lessonsItem");
        walkAllLessons(robot);

        MainWindowTest.fireMenuItem(robot, "language-zh-CN");
        assertThat(robot.lookup("#nextButton").queryAs(Button.class).getText()).isEqualTo("下一步 →");
        walkAllLessons(robot);
    }

    private void walkAllLessons(FxRobot robot) {
        List<Lesson> lessons = window.lessons().lessons();
        for (int l = 0; l < lessons.size(); l++) {
            Lesson lesson = lessons.get(l);
            chooseLesson(robot, lesson);
            int steps = lesson.steps().size();
            for (int i = 0; i < steps; i++) {
                if (i > 0) {
                    press(robot, "#nextButton");
                }
                checkStep(robot, l, i, steps);
            }
            assertThat(robot.lookup("#nextButton").query().isDisabled()).isTrue();
            for (int i = steps - 2; i >= 0; i--) {
                press(robot, "#backButton");
                checkStep(robot, l, i, steps);
            }
            assertThat(robot.lookup("#backButton").query().isDisabled()).isTrue();
        }
    }

    /** Presses a button as a click does (the mouse's travel is tested once, in the first test). */
    private static void press(FxRobot robot, String id) {
        Button button = robot.lookup(id).queryAs(Button.class);
        robot.interact(button::fire);
    }

    @SuppressWarnings("unchecked")
    private void chooseLesson(FxRobot robot, Lesson lesson) {
        ComboBox<Lesson> chooser = robot.lookup("#lessonChooser").queryAs(ComboBox.class);
        robot.interact(() -> chooser.getSelectionModel().select(lesson));
        WaitForAsyncUtils.waitForFxEvents();
        if (window.lessons().getLesson() != lesson) {
            robot.interact(() -> window.lessons().open(lesson));
        }
        assertThat(window.lessons().getLesson()).isEqualTo(lesson);
        assertThat(chooser.getButtonCell().getText()).isNotBlank();
        assertThat(chooser.getTooltip().getText()).as("the whole title, which the panel's width may cut short")
                .isEqualTo(chooser.getButtonCell().getText()).endsWith(window.i18n().get(lesson.titleKey()));
    }

    private void checkStep(FxRobot robot, int lesson, int step, int steps) {
        WaitForAsyncUtils.waitForFxEvents();
        String where = "lesson " + (lesson + 1) + " step " + (step + 1) + " in " + window.i18n().getLanguage();
        assertThat(text(robot, "#counterLabel")).as(where).isEqualTo((step + 1) + " / " + steps);
        assertThat(text(robot, "#stepTitle")).as(where).isNotBlank();
        assertThat(text(robot, "#stepText")).as(where).hasSizeGreaterThan(40);
        FormulaView formula = robot.lookup("#formula").queryAs(FormulaView.class);
        if (formula.isVisible()) {
            assertThat(formula.isPainted()).as(where + ": formula typeset").isTrue();
        }
        ExplorerModel explorer = window.explorer();
        TrainingModel training = window.training();
        boolean onExplorer = window.model().screenProperty().get() == Screen.EXPLORER;
        if (lesson < 3) {
            assertThat(onExplorer).as(where).isTrue();
        }
        switch (lesson) {
            case 0 -> {
                double[] expected = {1, 1, 4, 0.1, 100, 4};
                assertThat(explorer.getTemperature()).as(where).isEqualTo(expected[step]);
                assertThat(explorer.detailTabProperty().get()).as(where).isEqualTo(switch (step) {
                    case 0, 1, 2 -> ExplorerModel.DetailTab.GRID;
                    case 5 -> ExplorerModel.DetailTab.CURVES;
                    default -> ExplorerModel.DetailTab.GRADIENT;
                });
                assertThat(explorer.getLogits().teacher()).as(where).containsExactly(2.0, 1.0, 0.5, 0.1, -0.5);
            }
            case 1 -> {
                assertThat(explorer.softScaledByTSquaredProperty().get()).as(where).isEqualTo(step != 2 && step != 3);
                assertThat(explorer.getTemperature()).as(where).isEqualTo(new double[] {4, 4, 8, 20, 20, 4}[step]);
            }
            case 2 -> {
                assertThat(explorer.getAlpha()).as(where).isZero();
                assertThat(explorer.getTemperature()).as(where).isEqualTo(new double[] {1, 1, 4, 20, 2}[step]);
            }
            case 3 -> {
                assertThat(onExplorer).as(where).isEqualTo(step < 2);
                if (step >= 2) {
                    assertThat(training.getPresetId()).as(where).isEqualTo("DIGITS_OMIT_3");
                    assertThat(training.getSetupText("omittedClass")).as(where).isEqualTo("3");
                    assertThat(training.getSetupText("labelledFraction")).as(where).isEqualTo("1");
                }
                if (step >= 4) {
                    assertThat(training.resultTabProperty().get()).as(where).isEqualTo(step == 4
                            ? TrainingModel.ResultTab.RESULTS : TrainingModel.ResultTab.EXAMPLES);
                }
                assertThat(robot.lookup("#runButton").query().isVisible()).as(where).isEqualTo(step == 3);
            }
            case 4 -> {
                assertThat(onExplorer).as(where).isFalse();
                assertThat(training.getPresetId()).as(where)
                        .isEqualTo(step == 2 ? "DIGITS_TINY_STUDENT" : "DIGITS_FEW_LABELS");
                assertThat(training.getSetupText("labelledFraction")).as(where).isEqualTo(step == 1 || step == 2 ? "1" : "0.05");
                assertThat(training.getSetupText("omittedClass")).as(where).isEqualTo("none");
                if (step == 3) {
                    assertThat(training.resultTabProperty().get()).isEqualTo(TrainingModel.ResultTab.SWEEP);
                    assertThat(training.getSetupText("sweepTemperatures")).isEqualTo("0.5, 1, 2, 4, 8, 16");
                }
            }
            case 5 -> {
                assertThat(onExplorer).as(where).isFalse();
                String[] presets = {"DIGITS", "TWO_MOONS", "DIGITS_FEW_LABELS", "DIGITS_SMOOTHED_TEACHER",
                        "DIGITS_FEW_LABELS", "DIGITS_FEW_LABELS"};
                assertThat(training.getPresetId()).as(where).isEqualTo(presets[step]);
                assertThat(training.epochMeasureProperty().get()).as(where).isEqualTo(switch (step) {
                    case 0, 1 -> EpochMeasure.AGREEMENT;
                    case 2, 3 -> EpochMeasure.ECE;
                    default -> EpochMeasure.ACCURACY;
                });
                if (step == 3) {
                    assertThat(training.getSetupText("teacherLabelSmoothing")).as(where).isEqualTo("0.2");
                    assertThat(training.resultTabProperty().get()).isEqualTo(TrainingModel.ResultTab.CALIBRATION);
                }
                if (step == 4) {
                    assertThat(training.resultTabProperty().get()).isEqualTo(TrainingModel.ResultTab.SWEEP);
                    assertThat(training.getSetupText("sweepValues")).isEqualTo("1, 4, 16");
                    assertThat(training.getSetupText("sweepValues:dkd_beta")).isEqualTo("1, 4, 16");
                }
            }
            default -> throw new AssertionError(where);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
