package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;

import ai.djl.ndarray.NDManager;

/**
 * Trains the students at each point of a sweep over several seeds, to show how a setting changes what distillation
 * does and how much of a difference is luck. A point gives each swept setting ({@link SweepAxis}) one of its values;
 * the points are all combinations, the first axis outermost. For each seed, in the order given, and for each point,
 * one {@link DistillationRun} runs on the calling thread (DJL allows one gradient collector per JVM, so runs never
 * overlap).
 *
 * <p>Cost. When no swept setting changes the teacher, it is trained by the seed's first run and reused by the others
 * through {@link TeacherCache} (seeds run one after another, so a cache of one entry is enough); a sweep of the
 * teacher's layers, its label smoothing or the labelled fraction trains a teacher per point. The baseline is
 * retrained in every run beside the distilled student, on the same batches.
 *
 * <p>A seed's configuration comes from {@code configForSeed}, so each seed may load, split and label its data
 * afresh (as {@link SweepPlan} does); the swept settings of that configuration are replaced by the point's.
 */
public final class SettingSweep {

    private final List<SweepAxis> axes;
    private final List<Long> seeds;
    private final LongFunction<RunConfig> configForSeed;
    private final TeacherCache cache;
    private final Boolean reuseTeacher;

    /**
     * A temperature sweep, with α as a second axis.
     *
     * @param temperatures  T values, each in {@link NumericSetting#TEMPERATURE}'s range, no repeats
     * @param alphas        α values, each in [0, 1], no repeats
     * @param seeds         seeds, no repeats
     * @param configForSeed the run configuration for a seed (its T and α are replaced)
     * @throws IllegalArgumentException naming the first bad value
     */
    public SettingSweep(List<Float> temperatures, List<Float> alphas, List<Long> seeds,
                        LongFunction<RunConfig> configForSeed) {
        this(List.of(SweepAxis.of(SweptSetting.TEMPERATURE, temperatures), SweepAxis.of(SweptSetting.ALPHA, alphas)),
                seeds, configForSeed);
    }

    /**
     * @param axes          the swept settings and their values, no setting twice
     * @param seeds         seeds, no repeats
     * @param configForSeed the run configuration for a seed (its swept settings are replaced)
     * @throws IllegalArgumentException naming the first bad value
     */
    public SettingSweep(List<SweepAxis> axes, List<Long> seeds, LongFunction<RunConfig> configForSeed) {
        this(axes, seeds, configForSeed, TeacherCache.shared(), null);
    }

    private SettingSweep(List<SweepAxis> axes, List<Long> seeds, LongFunction<RunConfig> configForSeed,
                         TeacherCache cache, Boolean reuseTeacher) {
        this.axes = List.copyOf(axes);
        require(!this.axes.isEmpty(), "a sweep needs a setting to vary");
        require(this.axes.stream().map(SweepAxis::setting).distinct().count() == this.axes.size(),
                "a setting is swept twice: " + this.axes.stream().map(a -> a.setting().key()).toList());
        this.seeds = List.copyOf(seeds);
        require(!this.seeds.isEmpty(), "at least one seed is needed");
        require(new HashSet<>(this.seeds).size() == this.seeds.size(), "a seed is repeated: " + this.seeds);
        this.configForSeed = Objects.requireNonNull(configForSeed, "configForSeed");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.reuseTeacher = reuseTeacher;
    }

    /** The same sweep with its own teacher cache (the default is {@link TeacherCache#shared()}). */
    public SettingSweep withTeacherCache(TeacherCache teacherCache) {
        return new SettingSweep(axes, seeds, configForSeed, teacherCache, reuseTeacher);
    }

    /**
     * The same sweep, reusing the seed's teacher or not whatever the configurations say; false trains the
     * teacher again in every run (only to measure what reuse saves).
     */
    public SettingSweep withTeacherReuse(boolean reuse) {
        return new SettingSweep(axes, seeds, configForSeed, cache, reuse);
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** Every combination of the axes' values, the first axis outermost. */
    public List<List<SweepValue>> points() {
        List<List<SweepValue>> points = new ArrayList<>();
        points.add(List.of());
        for (SweepAxis axis : axes) {
            List<List<SweepValue>> next = new ArrayList<>();
            for (List<SweepValue> point : points) {
                for (SweepValue value : axis.values()) {
                    List<SweepValue> longer = new ArrayList<>(point);
                    longer.add(value);
                    next.add(List.copyOf(longer));
                }
            }
            points = next;
        }
        return points;
    }

    /** Seeds × points. */
    public int totalRuns() {
        return seeds.size() * points().size();
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
        List<List<SweepValue>> points = points();
        int total = seeds.size() * points.size();
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
            for (List<SweepValue> point : points) {
                if (!ctl.proceed()) {
                    reason = RunResult.StopReason.CANCELLED;
                    break sweep;
                }
                RunConfig.Builder b = base.toBuilder();
                point.forEach(value -> value.applyTo(b, base));
                if (reuseTeacher != null) {
                    b.reuseTeacher(reuseTeacher);
                }
                RunConfig config = b.build();
                SweepRun run = new SweepRun(++index, total, config.settings().temperature(),
                        config.settings().alpha(), seed, point);
                out.runStarting(run);
                RunListener inner = out.runListener(run);
                RunResult r = new DistillationRun(config, cache).run(parent, inner, ctl);
                if (r.stopReason() == RunResult.StopReason.CANCELLED) {
                    reason = RunResult.StopReason.CANCELLED;
                    break sweep;
                }
                if (r.stopReason() == RunResult.StopReason.DIVERGED) {
                    reason = RunResult.StopReason.DIVERGED;
                    message = String.format(Locale.ROOT, "Run %d of %d (%s, seed %d): %s", run.index(), total,
                            run.describePoint(), seed, r.message());
                    break sweep;
                }
                SweepRow row = new SweepRow(run.index(), point, run.temperature(), run.alpha(), seed,
                        r.testAccuracy(), r.testQuality(), !r.teacherFromCache(), r.totalMillis());
                rows.add(row);
                out.runFinished(run, row, r);
            }
        }
        if (reason == RunResult.StopReason.CANCELLED) {
            message = String.format(Locale.ROOT, "Cancelled after %d of %d runs.", rows.size(), total);
        }
        return new SweepResult(rows, SweepSummary.of(rows), total, reason, message,
                (System.nanoTime() - started) / 1e6);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
