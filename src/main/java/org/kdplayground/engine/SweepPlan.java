package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;


/**
 * A sweep as a value the command line and a screen share: an experiment, the settings to vary and their values, and
 * how many seeds to average over. Seed k (0-based) shifts both the experiment's run seed and its data seed by k, so
 * each seed draws new weights, batch order, train/test split and labelled subset (and, for synthetic data, new
 * points): the spread over seeds then shows how much of a difference between values is luck. Seed 0 is the
 * experiment exactly as written, so a point that keeps the experiment's values matches {@code kd-playground train}.
 *
 * @param experiment the base experiment (its swept settings are replaced by each point's)
 * @param axes       the settings to vary and their values
 * @param seeds      how many seeds, {@code >= 1}
 */
public record SweepPlan(Experiment experiment, List<SweepAxis> axes, int seeds) {

    public SweepPlan {
        Objects.requireNonNull(experiment, "experiment");
        axes = List.copyOf(axes);
        if (seeds < 1) {
            throw new IllegalArgumentException("at least one seed is needed, got " + seeds);
        }
        // the sweep's own rules (no setting twice), checked now rather than at the first run
        new SettingSweep(axes, List.of(0L), s -> null);
    }

    /**
     * A temperature sweep: T over {@code temperatures}, α over {@code alphas} (empty or null: the experiment's).
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public SweepPlan(Experiment experiment, List<Float> temperatures, List<Float> alphas, int seeds) {
        this(experiment, List.of(SweepAxis.of(SweptSetting.TEMPERATURE, temperatures),
                SweepAxis.of(SweptSetting.ALPHA, alphas == null || alphas.isEmpty()
                        ? List.of(experiment.settings().alpha()) : alphas)), seeds);
    }

    /** One setting over its values. */
    public SweepPlan(Experiment experiment, SweepAxis axis, int seeds) {
        this(experiment, List.of(axis), seeds);
    }

    /** The run seeds: the experiment's seed, then the next {@code seeds - 1} whole numbers. */
    public List<Long> seedValues() {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            out.add(experiment.settings().seed() + k);
        }
        return out;
    }

    /** Runs in the whole sweep: seeds × points. */
    public int totalRuns() {
        return seeds * sweep().points().size();
    }

    /** The experiment for one run seed: run seed and data seed both shifted by {@code seed - experiment.seed()}. */
    public Experiment experimentFor(long seed) {
        long shift = seed - experiment.settings().seed();
        return experiment.withSettings(experiment.settings().withSeed(seed))
                .withDataset(experiment.dataset().withSeed(experiment.dataset().seed() + shift));
    }

    /**
     * Loads and prepares the data for one seed.
     *
     * @throws org.kdplayground.data.DatasetException when the data cannot be read
     * @throws IllegalArgumentException               naming the first invalid value of the experiment
     */
    public RunConfig configFor(long seed) {
        return experimentFor(seed).runConfig();
    }

    /** The engine's sweep for this plan; run it on one worker thread. */
    public SettingSweep sweep() {
        return new SettingSweep(axes, seedValues(), this::configFor);
    }
}
