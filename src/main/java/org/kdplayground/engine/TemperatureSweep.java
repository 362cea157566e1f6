package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;

import ai.djl.ndarray.NDManager;

/**
 * Trains the distilled student at each temperature (and α) over several seeds, to show where T helps and how much
 * of a difference is luck. For each seed, in the order given, and for each T and then each α, one
 * {@link DistillationRun} runs on the calling thread (DJL allows one gradient collector per JVM, so runs never
 * overlap).
 *
 * <p>Cost. The teacher does not depend on T or α: it is trained by the seed's first run and reused by the others
 * through {@link TeacherCache} (seeds run one after another, so a cache of one entry is enough). The baseline does
 * not depend on them either, but {@link DistillationRun} trains it beside the distilled student on the same
 * batches, so it is retrained in every run (same values each time); that is part of every run's student phase.
 *
 * <p>A seed's configuration comes from {@code configForSeed}, so each seed may load, split and label its data
 * afresh (as {@link SweepPlan} does); T and α of that configuration are replaced by the sweep's.
 */
public final class TemperatureSweep {

    private final List<Float> temperatures;
    private final List<Float> alphas;
    private final List<Long> seeds;
    private final LongFunction<RunConfig> configForSeed;
    private final TeacherCache cache;
    private final Boolean reuseTeacher;

    /**
     * @param temperatures  T values, each in {@link NumericSetting#TEMPERATURE}'s range, no repeats
     * @param alphas        α values, each in [0, 1], no repeats
     * @param seeds         seeds, no repeats
     * @param configForSeed the run configuration for a seed (its T and α are ignored)
     * @throws IllegalArgumentException naming the first bad value
     */
    public TemperatureSweep(List<Float> temperatures, List<Float> alphas, List<Long> seeds,
                            LongFunction<RunConfig> configForSeed) {
        this(temperatures, alphas, seeds, configForSeed, TeacherCache.shared(), null);
    }

    private TemperatureSweep(List<Float> temperatures, List<Float> alphas, List<Long> seeds,
                             LongFunction<RunConfig> configForSeed, TeacherCache cache, Boolean reuseTeacher) {
        this.temperatures = checked(temperatures, NumericSetting.TEMPERATURE);
        this.alphas = checked(alphas, NumericSetting.ALPHA);
        this.seeds = List.copyOf(seeds);
        require(!this.seeds.isEmpty(), "at least one seed is needed");
        require(new HashSet<>(this.seeds).size() == this.seeds.size(), "a seed is repeated: " + this.seeds);
        this.configForSeed = Objects.requireNonNull(configForSeed, "configForSeed");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.reuseTeacher = reuseTeacher;
    }

    /** The same sweep with its own teacher cache (the default is {@link TeacherCache#shared()}). */
    public TemperatureSweep withTeacherCache(TeacherCache teacherCache) {
        return new TemperatureSweep(temperatures, alphas, seeds, configForSeed, teacherCache, reuseTeacher);
    }

    /**
     * The same sweep, reusing the seed's teacher or not whatever the configurations say; false trains the
     * teacher again in every run (only to measure what reuse saves).
     */
    public TemperatureSweep withTeacherReuse(boolean reuse) {
        return new TemperatureSweep(temperatures, alphas, seeds, configForSeed, cache, reuse);
    }

    public List<Float> temperatures() {
        return temperatures;
    }

    public List<Float> alphas() {
        return alphas;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** Seeds × temperatures × alphas. */
    public int totalRuns() {
        return seeds.size() * temperatures.size() * alphas.size();
    }

    /** Runs the sweep on the calling thread with its own base manager (closed at the end). */
    public SweepResult run(SweepListener listener, RunControl control) {
        try (NDManager base = NDManager.newBaseManager()) {
            return run(base, listener, control);
        }
    }

    /**
     * Runs the sweep on the calling thread, blocking while {@code control} is paused; a cancel stops it at the next
     * step and keeps the rows of the runs already finished. Exceptions of {@code configForSeed} (a data set that
     * cannot be read) pass through.
     */
    public SweepResult run(NDManager parent, SweepListener listener, RunControl control) {
        SweepListener out = listener == null ? SweepListener.NONE : listener;
        RunControl ctl = control == null ? new RunControl() : control;
        long started = System.nanoTime();
        int total = totalRuns();
        List<SweepRow> rows = new ArrayList<>();
        RunResult.StopReason reason = RunResult.StopReason.COMPLETED;
        String message = "Completed.";
        int index = 0;
        sweep:
        for (long seed : seeds) {
            if (!ctl.proceed()) {
                reason = RunResult.StopReason.CANCELLED;
                break;
            }
            RunConfig base = configForSeed.apply(seed);
            for (float t : temperatures) {
                for (float a : alphas) {
                    if (!ctl.proceed()) {
                        reason = RunResult.StopReason.CANCELLED;
                        break sweep;
                    }
                    SweepRun run = new SweepRun(++index, total, t, a, seed);
                    RunConfig.Builder b = base.toBuilder().settings(s -> s.withTemperature(t).withAlpha(a));
                    if (reuseTeacher != null) {
                        b.reuseTeacher(reuseTeacher);
                    }
                    out.runStarting(run);
                    RunListener inner = out.runListener(run);
                    RunResult r = new DistillationRun(b.build(), cache).run(parent, inner, ctl);
                    if (r.stopReason() == RunResult.StopReason.CANCELLED) {
                        reason = RunResult.StopReason.CANCELLED;
                        break sweep;
                    }
                    if (r.stopReason() == RunResult.StopReason.DIVERGED) {
                        reason = RunResult.StopReason.DIVERGED;
                        message = String.format(Locale.ROOT, "Run %d of %d (T=%s, alpha=%s, seed %d): %s",
                                run.index(), total, Float.toString(t), Float.toString(a), seed, r.message());
                        break sweep;
                    }
                    SweepRow row = new SweepRow(run.index(), t, a, seed, accuracy(r, ModelRole.TEACHER),
                            accuracy(r, ModelRole.DISTILLED), accuracy(r, ModelRole.BASELINE),
                            !r.teacherFromCache(), r.totalMillis());
                    rows.add(row);
                    out.runFinished(run, row, r);
                }
            }
        }
        if (reason == RunResult.StopReason.CANCELLED) {
            message = String.format(Locale.ROOT, "Cancelled after %d of %d runs.", rows.size(), total);
        }
        return new SweepResult(rows, SweepSummary.of(rows), total, reason, message,
                (System.nanoTime() - started) / 1e6);
    }

    private static double accuracy(RunResult r, ModelRole role) {
        Double v = r.testAccuracy().get(role);
        return v == null ? Double.NaN : v;
    }

    private static List<Float> checked(List<Float> values, NumericSetting setting) {
        List<Float> copy = List.copyOf(values);
        require(!copy.isEmpty(), "at least one " + setting.key() + " is needed");
        copy.forEach(setting::check);
        require(new HashSet<>(copy).size() == copy.size(), "a " + setting.key() + " is repeated: " + copy);
        return copy;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
