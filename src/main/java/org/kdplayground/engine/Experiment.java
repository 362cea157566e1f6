package org.kdplayground.engine;

import java.util.Objects;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.Normalization;
import org.kdplayground.data.Split;

/**
 * Everything a run is made from, as a user writes it down: where the data comes from and how it is split and scaled,
 * the two networks, and the run's settings. An experiment file holds one ({@code io.ExperimentFile}); the training
 * screen's set-up describes one; {@link #prepare()} turns one into a run.
 *
 * @param dataset       the data set and its generation
 * @param testFraction  share of the rows held out for testing, in [0, 1)
 * @param normalization how features are scaled
 * @param teacher       the teacher's network; null takes the data set's preset ({@link Presets})
 * @param student       the students' network; null takes the data set's preset
 * @param settings      loss, temperature, optimiser, epochs, labels and seed
 */
public record Experiment(DatasetSpec dataset, double testFraction, Normalization normalization, MlpSpec teacher,
                         MlpSpec student, RunSettings settings) {

    /** The test fraction when none is given. */
    public static final double DEFAULT_TEST_FRACTION = 0.3;

    public Experiment {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(settings, "settings");
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("\"testFraction\" must be in [0, 1), got " + testFraction);
        }
    }

    /** Default split, scaling and settings on {@code dataset}, with its preset networks. */
    public static Experiment of(DatasetSpec dataset) {
        return new Experiment(dataset, DEFAULT_TEST_FRACTION, Normalization.STANDARDIZE, null, null,
                RunSettings.DEFAULTS);
    }

    public Experiment withSettings(RunSettings value) {
        return new Experiment(dataset, testFraction, normalization, teacher, student, value);
    }

    public Experiment withDataset(DatasetSpec value) {
        return new Experiment(value, testFraction, normalization, teacher, student, settings);
    }

    /** Other networks; null takes the data set's preset. */
    public Experiment withNetworks(MlpSpec newTeacher, MlpSpec newStudent) {
        return new Experiment(dataset, testFraction, normalization, newTeacher, newStudent, settings);
    }

    /**
     * Loads the data, fits the normaliser on the training part and builds the run configuration: the one way a run
     * is made from an experiment, for the command line and the training screen alike.
     *
     * @throws org.kdplayground.data.DatasetException when the data cannot be read
     * @throws IllegalArgumentException               naming the first value the data does not allow
     */
    public PreparedRun prepare() {
        Split raw = Datasets.loadSplit(dataset, testFraction, settings.labelledFraction());
        var normalizer = normalization.fit(raw.train());
        return new PreparedRun(this, raw, normalizer, configure(normalizer.apply(raw)));
    }

    /**
     * Like {@link #prepare()}, for a run that never shows its data in the data's own units (the command line): image
     * files, read afresh for this call, are normalised where they are, so Fashion-MNIST's 60,000 training images are
     * held once (188 MB), not twice; the same numbers to the bit.
     *
     * @throws org.kdplayground.data.DatasetException when the data cannot be read
     * @throws IllegalArgumentException               naming the first value the data does not allow
     */
    public RunConfig runConfig() {
        Split raw = Datasets.loadSplit(dataset, testFraction, settings.labelledFraction());
        var normalizer = normalization.fit(raw.train());
        boolean readAfresh = dataset.catalogEntry().kind() == DatasetCatalog.Kind.IDX_FOLDER;
        return configure(readAfresh ? normalizer.applyInPlace(raw) : normalizer.apply(raw));
    }

    private RunConfig configure(Split normalised) {
        RunConfig.Builder b = RunConfig.builder(normalised).settings(settings);
        if (teacher != null) {
            b.teacher(teacher);
        }
        if (student != null) {
            b.student(student);
        }
        return b.build();
    }
}
