package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;


/**
 * A temperature sweep as a value the command line and a screen share: an experiment, the temperatures and α values
 * to try, and how many seeds to average over. Seed k (0-based) shifts both the experiment's run seed and its data
 * seed by k, so each seed draws new weights, batch order, train/test split and labelled subset (and, for
 * synthetic data, new points): the spread over seeds then shows how much of a difference between temperatures is
 * luck. Seed 0 is the experiment exactly as written, so the first row matches {@code kd-playground train}.
 *
 * @param experiment   the base experiment (its T and α are replaced by the sweep's)
 * @param temperatures T values to try, each {@code > 0}, no repeats
 * @param alphas       α values to try, each in [0, 1], no repeats; empty or null: the experiment's α
 * @param seeds        how many seeds, {@code >= 1}
 */
public record SweepPlan(Experiment experiment, List<Float> temperatures, List<Float> alphas, int seeds) {

    public SweepPlan {
        Objects.requireNonNull(experiment, "experiment");
        temperatures = List.copyOf(temperatures);
        alphas = alphas == null || alphas.isEmpty() ? List.of(experiment.settings().alpha()) : List.copyOf(alphas);
        if (seeds < 1) {
            throw new IllegalArgumentException("at least one seed is needed, got " + seeds);
        }
        // the engine's rules for T and α, checked now rather than at the first run
        new TemperatureSweep(temperatures, alphas, List.of(0L), s -> null);
    }

    /** The run seeds: the experiment's seed, then the next {@code seeds - 1} whole numbers. */
    public List<Long> seedValues() {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            out.add(experiment.settings().seed() + k);
        }
        return out;
    }

    /** Runs in the whole sweep: seeds × temperatures × alphas. */
    public int totalRuns() {
        return seeds * temperatures.size() * alphas.size();
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
        return experimentFor(seed).prepare().config();
    }

    /** The engine's sweep for this plan; run it on one worker thread. */
    public TemperatureSweep sweep() {
        return new TemperatureSweep(temperatures, alphas, seedValues(), this::configFor);
    }
}
