package org.kdplayground.training.timeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.training.live.RunEvent;

/**
 * One run as a replay keeps it: a snapshot per epoch of what the views showed (see {@link EpochSnapshot}) and the
 * steps the loss chart drew, within a byte budget. Beyond the budget it keeps every second epoch, then every fourth,
 * and so on (the first and the newest always); beyond {@link #MAX_STEPS} steps, every second step, and so on. Used on
 * the FX thread.
 */
public final class RunRecording {

    /** The snapshots' budget per run: 4 MiB (about 130 epochs of a 2-D run's three heatmaps, 700 of a digits run). */
    public static final long DEFAULT_BUDGET = 4L << 20;
    /** The steps kept for reopening the run's loss chart (the chart itself keeps 2,000 points). */
    static final int MAX_STEPS = 4000;

    private final long budget;
    private final int maxSteps;
    private final TreeMap<Integer, EpochSnapshot> snapshots = new TreeMap<>();
    private final List<StepMetrics> steps = new ArrayList<>();
    private final Map<ModelRole, CompactBoundary> boundaries = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, int[][]> confusion = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, float[][]> strip = new EnumMap<>(ModelRole.class);
    private int stride = 1;
    private int stepStride = 1;
    private long stepsSeen;
    private long bytes;
    private int newest;
    private long globalStep;
    private RunEvent.Prepared prepared;
    private RunEvent.Started started;

    public RunRecording() {
        this(DEFAULT_BUDGET, MAX_STEPS);
    }

    RunRecording(long budget, int maxSteps) {
        this.budget = budget;
        this.maxSteps = maxSteps;
    }

    /**
     * Records one of the worker's events and returns the event the screen applies: the same, except that an epoch's
     * heatmaps are the ones this recording keeps (so live and replay show the same pixels).
     */
    public RunEvent record(RunEvent event) {
        if (event instanceof RunEvent.Prepared p) {
            prepared = p;
        } else if (event instanceof RunEvent.Started s) {
            started = s;
        } else if (event instanceof RunEvent.Step s) {
            step(s.metrics());
        } else if (event instanceof RunEvent.Epoch e) {
            return epoch(e);
        }
        return event;
    }

    private void step(StepMetrics metrics) {
        globalStep = metrics.globalStep();
        if (stepsSeen++ % stepStride == 0) {
            steps.add(metrics);
        }
        if (steps.size() > maxSteps) {
            stepStride *= 2;
            List<StepMetrics> kept = new ArrayList<>(steps.size() / 2 + 1);
            for (int i = 0; i < steps.size(); i += 2) {
                kept.add(steps.get(i));
            }
            steps.clear();
            steps.addAll(kept);
        }
    }

    private RunEvent.Epoch epoch(RunEvent.Epoch e) {
        Map<ModelRole, RunEvent.Boundary> shown = new EnumMap<>(ModelRole.class);
        e.boundaries().forEach((role, b) -> {
            CompactBoundary compact = CompactBoundary.of(b);
            boundaries.put(role, compact);
            shown.put(role, compact.decode());
        });
        confusion.putAll(e.confusion());
        strip.putAll(e.stripLogits());
        int teacherEpochs = prepared == null ? 0 : prepared.teacherEpochs();
        int index = e.metrics().phase() == Phase.TEACHER ? e.metrics().epoch() : teacherEpochs + e.metrics().epoch();
        keep(new EpochSnapshot(index, e.metrics(), globalStep, Map.copyOf(boundaries), Map.copyOf(confusion),
                Map.copyOf(strip)));
        return new RunEvent.Epoch(e.metrics(), shown, e.confusion(), e.stripLogits());
    }

    private void keep(EpochSnapshot snapshot) {
        Map.Entry<Integer, EpochSnapshot> tail = snapshots.lastEntry();
        if (tail != null && !onStride(tail.getKey())) {
            drop(tail.getKey()); // the newest was kept only as the newest
        }
        snapshots.put(snapshot.index(), snapshot);
        bytes += snapshot.bytes();
        newest = snapshot.index();
        while (bytes > budget && snapshots.size() > 2) {
            stride *= 2;
            Iterator<Map.Entry<Integer, EpochSnapshot>> it = snapshots.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, EpochSnapshot> entry = it.next();
                if (!onStride(entry.getKey()) && entry.getKey() != newest) {
                    bytes -= entry.getValue().bytes();
                    it.remove();
                }
            }
        }
    }

    private boolean onStride(int index) {
        return (index - 1) % stride == 0;
    }

    private void drop(int index) {
        EpochSnapshot gone = snapshots.remove(index);
        bytes -= gone.bytes();
    }

    /** The snapshot shown at epoch {@code index}: that epoch's, or the nearest kept one before it; null before any. */
    public EpochSnapshot at(int index) {
        Map.Entry<Integer, EpochSnapshot> entry = snapshots.floorEntry(index);
        return entry == null ? null : entry.getValue();
    }

    /** The newest epoch recorded (0 before the first). */
    public int newest() {
        return newest;
    }

    /** The run's epochs in all (the teacher's and the students'), or 0 before its data arrived. */
    public int totalEpochs() {
        return prepared == null ? 0 : prepared.teacherEpochs() + prepared.studentEpochs();
    }

    /** The teacher's epochs in this run (the students' epoch {@code e} is at index teacherEpochs + e). */
    public int teacherEpochs() {
        return prepared == null ? 0 : prepared.teacherEpochs();
    }

    /** Bytes the snapshots hold. */
    public long bytes() {
        return bytes;
    }

    /** Every how many epochs a snapshot is kept (1 until the budget is reached). */
    public int stride() {
        return stride;
    }

    /** How many snapshots are kept. */
    public int size() {
        return snapshots.size();
    }

    /** How many steps are kept. */
    int stepCount() {
        return steps.size();
    }

    /**
     * The run again as events, for a screen that shows it anew: its data, its start, the kept steps and epochs in
     * their order (each epoch with every model's picture of then).
     */
    public List<RunEvent> events() {
        List<RunEvent> events = new ArrayList<>();
        if (prepared != null) {
            events.add(prepared);
        }
        if (started != null) {
            events.add(started);
        }
        Iterator<StepMetrics> stepIt = steps.iterator();
        StepMetrics next = stepIt.hasNext() ? stepIt.next() : null;
        for (EpochSnapshot s : snapshots.values()) {
            while (next != null && next.globalStep() <= s.globalStep()) {
                events.add(new RunEvent.Step(next));
                next = stepIt.hasNext() ? stepIt.next() : null;
            }
            var pictures = s.pictures();
            events.add(new RunEvent.Epoch(s.metrics(), pictures.boundaries(), pictures.confusion(),
                    pictures.stripLogits()));
        }
        while (next != null) {
            events.add(new RunEvent.Step(next));
            next = stepIt.hasNext() ? stepIt.next() : null;
        }
        return events;
    }
}
