package org.kdplayground.training.live;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetException;
import org.kdplayground.data.Normalizer;
import org.kdplayground.engine.DistillationRun;
import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.ModelPredictor;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.PreparedRun;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunListener;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunStart;
import org.kdplayground.engine.StepMetrics;
import org.kdplayground.math.Softmax;

import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training run as the engine's worker thread executes it: loads the data, trains, and turns every metric into
 * a {@link RunEvent} on the queue. Between epochs it asks the models what they predict (heatmaps for 2-D data,
 * confusion matrices for images) while the predictor is valid, on this thread.
 */
public final class RunWorker implements Callable<Void>, RunListener {

    public static final int GRID = 72;
    /** Test examples shown in the example strip (image data). */
    public static final int STRIP = 12;
    private static final Logger LOG = LoggerFactory.getLogger(RunWorker.class);

    private final Experiment experiment;
    private final RunControl control;
    private final Queue<RunEvent> inbox;
    private float[][] gridInputs;
    private Dataset test;
    private float[][] stripInputs;
    /**
     * The teacher is frozen while the students train: what it learned is sent with the first students' epoch and
     * not again (it cost a grid or test-set evaluation every epoch, and the screen redrew an unchanged view).
     */
    private boolean frozenTeacherSent;
    /** What the run's start said: steps per epoch of each phase (for the pace), and whether the teacher is reused. */
    private RunStart start;

    public RunWorker(Experiment experiment, RunControl control, Queue<RunEvent> inbox) {
        this.experiment = experiment;
        this.control = control;
        this.inbox = inbox;
    }

    @Override
    public Void call() {
        try {
            PreparedRun run = experiment.prepare();
            test = run.config().test();
            double[] bounds = null;
            if (run.rawSplit().train().featureCount() == 2 && !run.rawSplit().train().isImage()) {
                bounds = bounds(run.rawSplit().train(), run.rawSplit().test());
                gridInputs = grid(bounds, run.normalizer());
            }
            int[] strip = bounds == null && test.isImage() ? stripExamples(test) : new int[0];
            stripInputs = new float[strip.length][];
            for (int i = 0; i < strip.length; i++) {
                stripInputs[i] = test.features()[strip[i]];
            }
            inbox.add(new RunEvent.Prepared(run.rawSplit().train(), run.rawSplit().test(), bounds, GRID,
                    run.rawSplit().train().classNames(), run.config().settings().teacherEpochs(),
                    run.config().settings().studentEpochs(), strip, run.rawSplit().labelledMask()));
            try (NDManager manager = NDManager.newBaseManager()) {
                new DistillationRun(run.config()).run(manager, this, control);
            }
        } catch (DatasetException | IllegalArgumentException e) {
            inbox.add(new RunEvent.Failed(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Training run failed", e);
            inbox.add(new RunEvent.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return null;
    }

    @Override
    public void runStarted(RunStart start) {
        this.start = start;
        inbox.add(new RunEvent.Started(start));
    }

    /**
     * Sends the step, then waits for the run's pace (the screen's speed); a reused teacher's replayed steps are not
     * paced, it is ready at once.
     */
    @Override
    public void step(StepMetrics metrics) {
        inbox.add(new RunEvent.Step(metrics));
        boolean teacher = metrics instanceof StepMetrics.TeacherStep;
        if (start != null && !(teacher && start.teacherFromCache())) {
            control.pace(teacher ? Phase.TEACHER : Phase.STUDENTS,
                    teacher ? start.teacherStepsPerEpoch() : start.studentStepsPerEpoch());
        }
    }

    @Override
    public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
        Map<ModelRole, RunEvent.Boundary> boundaries = new EnumMap<>(ModelRole.class);
        Map<ModelRole, int[][]> confusion = new EnumMap<>(ModelRole.class);
        Map<ModelRole, float[][]> strip = new EnumMap<>(ModelRole.class);
        boolean studentsPhase = metrics.phase() == Phase.STUDENTS;
        for (ModelRole role : ModelRole.values()) {
            if (!predictor.has(role) || role == ModelRole.TEACHER && studentsPhase && frozenTeacherSent) {
                continue;
            }
            if (gridInputs != null) {
                boundaries.put(role, boundary(predictor.flatLogits(role, gridInputs), gridInputs.length));
            } else if (test.size() > 0) {
                confusion.put(role, confusion(predictor.predictedClasses(role, test.features()), test));
                if (stripInputs.length > 0) {
                    strip.put(role, predictor.logits(role, stripInputs));
                }
            }
        }
        frozenTeacherSent |= studentsPhase && predictor.has(ModelRole.TEACHER);
        inbox.add(new RunEvent.Epoch(metrics, boundaries, confusion, strip));
        control.epochEnded();
    }

    @Override
    public void runEnded(RunResult result) {
        inbox.add(new RunEvent.Ended(result));
    }

    /** The strip's examples: the first test example of each class, then the next ones, up to {@value #STRIP}. */
    static int[] stripExamples(Dataset test) {
        LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
        boolean[] seen = new boolean[test.classCount()];
        for (int i = 0; i < test.size() && chosen.size() < STRIP; i++) {
            if (!seen[test.labels()[i]]) {
                seen[test.labels()[i]] = true;
                chosen.add(i);
            }
        }
        for (int i = 0; i < test.size() && chosen.size() < STRIP; i++) {
            chosen.add(i);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The data's extent with a margin, square cells: the region the heatmaps cover. */
    public static double[] bounds(Dataset train, Dataset test) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Dataset d : new Dataset[] {train, test}) {
            for (float[] row : d.features()) {
                b[0] = Math.min(b[0], row[0]);
                b[1] = Math.max(b[1], row[0]);
                b[2] = Math.min(b[2], row[1]);
                b[3] = Math.max(b[3], row[1]);
            }
        }
        double mx = (b[1] - b[0]) * 0.08 + 1e-6;
        double my = (b[3] - b[2]) * 0.08 + 1e-6;
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    /** Grid cell centres, bottom row first, normalised as the networks see their inputs. */
    public static float[][] grid(double[] bounds, Normalizer normalizer) {
        float[][] inputs = new float[GRID * GRID][];
        for (int row = 0; row < GRID; row++) {
            double y = bounds[2] + (row + 0.5) / GRID * (bounds[3] - bounds[2]);
            for (int col = 0; col < GRID; col++) {
                double x = bounds[0] + (col + 0.5) / GRID * (bounds[1] - bounds[0]);
                inputs[row * GRID + col] = normalizer.apply(new float[] {(float) x, (float) y});
            }
        }
        return inputs;
    }

    /**
     * The heatmap's cells from the grid's logits ({@code rows} rows, one after another): each cell's winning class
     * (the arg max, ties to the lowest) and its softmax probability ({@link Softmax}'s, to the last digit), without
     * an array per cell.
     */
    public static RunEvent.Boundary boundary(float[] logits, int rows) {
        int classes = logits.length / rows;
        int[] winner = new int[rows];
        float[] confidence = new float[rows];
        double[] cell = new double[classes];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int c = 0; c < classes; c++) {
                cell[c] = logits[i * classes + c];
                best = cell[c] > cell[best] ? c : best;
            }
            winner[i] = best;
            confidence[i] = (float) (1 / Softmax.shiftedSumExp(cell, cell[best], 1.0));
        }
        return new RunEvent.Boundary(GRID, winner, confidence);
    }

    public static int[][] confusion(int[] predicted, Dataset test) {
        int k = test.classCount();
        int[][] counts = new int[k][k];
        for (int i = 0; i < predicted.length; i++) {
            counts[test.labels()[i]][predicted[i]]++;
        }
        return counts;
    }
}
