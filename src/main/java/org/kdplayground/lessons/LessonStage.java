package org.kdplayground.lessons;

import java.util.Map;

/**
 * What a lesson step may set up on the screens. The app implements it by delegating to the screen models, so this
 * package imports neither the app nor another feature.
 */
public interface LessonStage {

    /** The explorer's tabs under the loss panel. */
    enum ExplorerTab { GRADIENT, GRID, CURVES }

    /** The training screen's tabs under the live charts. */
    enum TrainingTab { LEARNED, EXAMPLES, CALIBRATION, SWEEP, RESULTS }

    /** What the training screen's per-epoch chart and its sweep chart show beside the loss. */
    enum Measure { ACCURACY, AGREEMENT, CALIBRATION }

    /** Shows the explorer with one of its tabs. */
    void showExplorer(ExplorerTab tab);

    /** Loads one of the explorer's presets by its name ({@code SEED}, {@code CONFIDENT_TEACHER}, ...). */
    void applyExplorerPreset(String presetId);

    void setTemperature(double temperature);

    void setAlpha(double alpha);

    /** Switches the T² factor of the soft loss on or off. */
    void setSoftScaledByTSquared(boolean on);

    /** The temperatures of the explorer's grid, comma-separated. */
    void setGridTemperatures(String temperatures);

    /**
     * Shows the training screen with a preset loaded afresh ({@code DIGITS_FEW_LABELS}, ...; null keeps the set-up
     * as it is), then the given set-up
     * fields typed in (field id to text, e.g. {@code labelledFraction} to {@code 1}, {@code transferSet} to
     * {@code LABELLED}), and one of its tabs.
     */
    void showTraining(String presetId, Map<String, String> fields, TrainingTab tab);

    /** Chooses what the training screen's per-epoch chart and its sweep chart show. */
    void showMeasure(Measure measure);

    /** Starts a training run of the set-up shown (does nothing while one cannot start). */
    void startTraining();

    /** Starts the sweep of the set-up shown (does nothing while one cannot start). */
    void startSweep();
}
