package org.kdplayground.training.live;

import java.util.List;
import java.util.Map;

import org.kdplayground.data.Dataset;
import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunStart;
import org.kdplayground.engine.StepMetrics;

/** What the training worker tells the screen, in order, through a queue the FX thread drains once per frame. */
public sealed interface RunEvent {

    /**
     * The data is loaded: the raw training set (points to draw) and, for 2-D data, the region the heatmaps cover.
     *
     * @param bounds   xMin, xMax, yMin, yMax of the heatmap grid in the data's units; null for image data
     * @param labelled {@code labelled[i]}: whether training example {@code i} carries its label for the students
     */
    record Prepared(Dataset rawTrain, Dataset rawTest, double[] bounds, int gridSize, List<String> classNames,
                    int teacherEpochs, int studentEpochs, int[] stripExamples, boolean[] labelled)
            implements RunEvent {
    }

    public record Started(RunStart start) implements RunEvent {
    }

    public record Step(StepMetrics metrics) implements RunEvent {
    }

    /**
     * An epoch ended; what each existing model predicts now.
     *
     * @param boundaries per model, for 2-D data: the winning class and its probability at each grid cell
     * @param confusion  per model, for image data: counts[true][predicted] on the test set
     * @param stripLogits per model, for image data: the logits of the example strip's test examples
     */
    record Epoch(EpochMetrics metrics, Map<ModelRole, Boundary> boundaries, Map<ModelRole, int[][]> confusion,
                 Map<ModelRole, float[][]> stripLogits) implements RunEvent {
    }

    public record Ended(RunResult result) implements RunEvent {
    }

    /** The run could not start or broke: a one-line message for the user. */
    public record Failed(String message) implements RunEvent {
    }

    /** A decision-boundary picture: row-major grid cells, bottom row first. */
    public record Boundary(int size, int[] winner, float[] confidence) {
    }
}
