package org.kdplayground.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;

class LessonsModelTest {

    /** Writes down what the steps ask of the screens. */
    static final class RecordingStage implements LessonStage {
        final List<String> calls = new ArrayList<>();
        double temperature = Double.NaN;
        String trainingPreset;
        Map<String, String> trainingFields = Map.of();
        Boolean tSquared;

        @Override public void showExplorer(ExplorerTab tab) { calls.add("explorer " + tab); }
        @Override public void applyExplorerPreset(String presetId) { calls.add("preset " + presetId); }
        @Override public void setTemperature(double t) { temperature = t; calls.add("T " + t); }
        @Override public void setAlpha(double alpha) { calls.add("alpha " + alpha); }
        @Override public void setSoftScaledByTSquared(boolean on) { tSquared = on; calls.add("T2 " + on); }
        @Override public void setGridTemperatures(String temperatures) { calls.add("grid " + temperatures); }
        @Override public void showTraining(String presetId, Map<String, String> fields, TrainingTab tab) {
            trainingPreset = presetId;
            trainingFields = fields;
            calls.add("training " + presetId + " " + tab);
        }
        @Override public void showMeasure(Measure measure) { calls.add("measure " + measure); }
        @Override public void startTraining() { calls.add("start"); }
        @Override public void startSweep() { calls.add("sweep"); }
    }

    private final RecordingStage stage = new RecordingStage();
    private final LessonsModel model = LessonsModel.withAllLessons(new I18n(Language.ENGLISH), stage);

    @Test
    void sixLessonsOfFourToEightStepsEach() {
        assertThat(model.lessons()).hasSize(6);
        assertThat(model.lessons()).allSatisfy(lesson -> assertThat(lesson.steps()).hasSizeBetween(4, 8));
    }

    @Test
    void everyTitleAndTextExistsInBothLanguages() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = I18n.load(language);
            for (Lesson lesson : model.lessons()) {
                assertThat(bundle.getString(lesson.titleKey())).isNotBlank();
                for (LessonStep step : lesson.steps()) {
                    assertThat(bundle.getString(step.titleKey())).isNotBlank();
                    assertThat(bundle.getString(step.textKey())).isNotBlank();
                }
            }
        }
    }

    @Test
    void openingALessonShowsItsFirstStepAndSetsTheScreensUp() {
        model.open(model.lessons().get(0));

        assertThat(model.isOpen()).isTrue();
        assertThat(model.getStepIndex()).isZero();
        assertThat(model.counterProperty().get()).isEqualTo("1 / 6");
        assertThat(model.titleProperty().get()).isEqualTo("From logits to probabilities");
        assertThat(stage.calls).containsExactly("explorer GRID", "preset NOTEBOOK", "grid 1, 2, 4, 8", "T2 true",
                "alpha 0.5", "T 1.0");
    }

    @Test
    void nextAndBackWalkEveryLessonApplyingEachStep() {
        for (Lesson lesson : model.lessons()) {
            model.open(lesson);
            int steps = lesson.steps().size();
            for (int i = 1; i < steps; i++) {
                stage.calls.clear();
                model.next();
                assertThat(model.counterProperty().get()).isEqualTo((i + 1) + " / " + steps);
                assertThat(stage.calls).as("set-up of %s step %d", lesson.id(), i + 1).isNotEmpty();
            }
            assertThat(model.canGoNextProperty().get()).isFalse();
            model.next();
            assertThat(model.getStepIndex()).isEqualTo(steps - 1);
            for (int i = steps - 2; i >= 0; i--) {
                model.back();
                assertThat(model.getStepIndex()).isEqualTo(i);
            }
            assertThat(model.canGoBackProperty().get()).isFalse();
        }
        assertThat(stage.calls).doesNotContain("start", "sweep");
    }

    @Test
    void lessonOneGoesFromOneHotToUniform() {
        model.open(model.lessons().get(0));
        model.next();
        model.next();
        model.next();
        assertThat(stage.temperature).isEqualTo(0.1);
        model.next();
        assertThat(stage.temperature).isEqualTo(100.0);
    }

    @Test
    void lessonTwoSwitchesTheTSquaredFactorOffThenOnAgain() {
        model.open(model.lessons().get(1));
        model.next();
        model.next();
        assertThat(stage.tSquared).isFalse();
        assertThat(stage.temperature).isEqualTo(8.0);
        model.next();
        model.next();
        assertThat(stage.tSquared).isTrue();
        assertThat(stage.temperature).isEqualTo(20.0);
    }

    @Test
    void stepsOfferRunsOnlyWhenTheLearnerAsks() {
        model.open(model.lessons().get(3));
        model.next();
        model.next();
        assertThat(stage.trainingPreset).isEqualTo("DIGITS_OMIT_3");
        model.startRun();
        assertThat(stage.calls).doesNotContain("start");
        model.next();
        assertThat(model.getStep().run()).isEqualTo(LessonStep.Run.TRAINING);
        model.startRun();
        assertThat(stage.calls).contains("start");

        model.open(model.lessons().get(4));
        model.next();
        assertThat(stage.trainingFields).isEqualTo(Map.of("labelledFraction", "1", "transferSet", "LABELLED"));
        model.next();
        model.next();
        assertThat(model.getStep().run()).isEqualTo(LessonStep.Run.SWEEP);
        model.startRun();
        assertThat(stage.calls).contains("sweep");
    }

    @Test
    void nextDoesNothingWhileThePanelIsClosedAndToggleReopensWhereItWas() {
        model.open(model.lessons().get(2));
        model.next();
        model.close();
        model.next();
        assertThat(model.getStepIndex()).isEqualTo(1);
        stage.calls.clear();
        model.toggle();
        assertThat(model.isOpen()).isTrue();
        assertThat(model.getStepIndex()).isEqualTo(1);
        assertThat(stage.calls).contains("T 1.0");
    }

    @Test
    void textsFollowTheLanguage() {
        I18n i18n = new I18n(Language.ENGLISH);
        LessonsModel bilingual = LessonsModel.withAllLessons(i18n, stage);
        bilingual.open(bilingual.lessons().get(3));
        assertThat(bilingual.titleProperty().get()).isEqualTo("What the soft labels know");
        i18n.setLanguage(Language.CHINESE_SIMPLIFIED);
        assertThat(bilingual.titleProperty().get()).isEqualTo("软标签知道什么");
        assertThat(bilingual.textProperty().get()).contains("暗知识");
    }
}
