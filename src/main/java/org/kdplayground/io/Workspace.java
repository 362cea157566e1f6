package org.kdplayground.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.TransferSet;

/**
 * Everything on both screens at one moment, as saved in a workspace file ({@code .kdp.json}): the explorer, the
 * training set-up and the sweep's settings. Plain values that compare by content, so "unsaved changes" is a
 * comparison of two snapshots. {@link WorkspaceFile} reads and writes it.
 */
public record Workspace(Explorer explorer, Training training, Sweep sweep) {

    public Workspace {
        Objects.requireNonNull(explorer, "explorer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(sweep, "sweep");
    }

    /** The explorer: classes with both sides' logits, the true class (0-based), T, α, the T² switch, the grid. */
    public record Explorer(List<String> classNames, List<Double> teacher, List<Double> student, int trueClass,
                           double temperature, double alpha, boolean softScaledByTSquared,
                           List<Double> gridTemperatures) {
        public Explorer {
            classNames = List.copyOf(classNames);
            teacher = List.copyOf(teacher);
            student = List.copyOf(student);
            gridTemperatures = List.copyOf(gridTemperatures);
        }
    }

    /**
     * The training set-up, in the shape of an experiment file plus the preset it started from; {@code folder} is
     * null for the data set's default folder; {@code omittedClass} is a class the students never see, or
     * {@link org.kdplayground.engine.RunConfig#NO_OMITTED_CLASS}.
     */
    public record Training(String preset, DatasetCatalog dataset, int size, double noise, int classes, Path folder,
                           List<Integer> teacherLayers, List<Integer> studentLayers, double temperature,
                           double alpha, double learningRate, int teacherEpochs, int studentEpochs, int batchSize,
                           double labelledFraction, TransferSet transferSet, long seed,
                           boolean teacherSeesAllLabels, int omittedClass) {
        public Training {
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(transferSet, "transferSet");
            teacherLayers = List.copyOf(teacherLayers);
            studentLayers = List.copyOf(studentLayers);
        }
    }

    /** The temperature sweep's temperatures and number of seeds. */
    public record Sweep(List<Float> temperatures, int seeds) {
        public Sweep {
            temperatures = List.copyOf(temperatures);
        }
    }
}
