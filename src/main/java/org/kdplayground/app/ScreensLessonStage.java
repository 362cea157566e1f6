package org.kdplayground.app;

import java.util.Map;
import java.util.Objects;

import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.explorer.Preset;
import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.live.EpochMeasure;

/** Lets the lessons set up the screens, by delegating to the screen models. */
final class ScreensLessonStage implements LessonStage {

    private final MainModel main;
    private final ExplorerModel explorer;
    private final TrainingModel training;

    ScreensLessonStage(MainModel main, ExplorerModel explorer, TrainingModel training) {
        this.main = Objects.requireNonNull(main);
        this.explorer = Objects.requireNonNull(explorer);
        this.training = Objects.requireNonNull(training);
    }

    @Override
    public void showExplorer(ExplorerTab tab) {
        main.navigate(Screen.EXPLORER);
        // the lessons teach the notebook's loss: α, T², logit matching
        explorer.lossChoice().methodProperty().set(LossMethod.HINTON);
        explorer.detailTabProperty().set(ExplorerModel.DetailTab.valueOf(tab.name()));
    }

    @Override
    public void applyExplorerPreset(String presetId) {
        explorer.applyPreset(Preset.valueOf(presetId));
    }

    @Override
    public void setTemperature(double temperature) {
        explorer.setTemperature(temperature);
    }

    @Override
    public void setAlpha(double alpha) {
        explorer.setAlpha(alpha);
    }

    @Override
    public void setSoftScaledByTSquared(boolean on) {
        explorer.softScaledByTSquaredProperty().set(on);
    }

    @Override
    public void setGridTemperatures(String temperatures) {
        explorer.setGridTemperatures(temperatures);
    }

    @Override
    public void showTraining(String presetId, Map<String, String> fields, TrainingTab tab) {
        main.navigate(Screen.DISTILLATION);
        if (presetId != null) {
            training.usePreset(presetId);
        }
        fields.forEach(training::setSetupText);
        training.resultTabProperty().set(TrainingModel.ResultTab.valueOf(tab.name()));
        showMeasure(Measure.ACCURACY); // a step that wants another measure chooses it after this
    }

    @Override
    public void showMeasure(Measure measure) {
        training.epochMeasureProperty().set(switch (measure) {
            case ACCURACY -> EpochMeasure.ACCURACY;
            case AGREEMENT -> EpochMeasure.AGREEMENT;
            case CALIBRATION -> EpochMeasure.ECE;
        });
        training.sweepMeasureProperty().set(switch (measure) {
            case ACCURACY -> SweepMeasure.ACCURACY;
            case AGREEMENT -> SweepMeasure.AGREEMENT;
            case CALIBRATION -> SweepMeasure.ECE;
        });
    }

    @Override
    public void startTraining() {
        training.start();
    }

    @Override
    public void startSweep() {
        training.startSweep();
    }
}
