package org.kdplayground.engine;

import java.util.Optional;

import org.kdplayground.engine.loss.StudentLoss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * One distillation experiment: (1) train the teacher with cross-entropy (or reuse one from {@link TeacherCache}),
 * freeze it and compute the loss's targets from it for the whole training set once; (2) train the distilled student
 * and the baseline student from the same initial weights on the same batches ({@link StudentTraining}); (3) when the
 * students never saw one class, correct their bias for it ({@link OmittedClassCorrection}).
 *
 * <p>Everything runs on the thread that calls {@link #run}: DJL allows one open {@code GradientCollector} per
 * JVM and grad mode is per thread, so the caller picks a single worker thread (the app's engine worker, the CLI's
 * main thread) and drives pause/cancel through a {@link RunControl} from elsewhere.
 *
 * <p>Memory. Each step opens a sub-manager of the run's manager, builds the batch in it and closes it after the
 * update, so the number of NDArrays stays flat over a run; the run's manager is closed at the end.
 */
public final class DistillationRun {

    private final RunConfig config;
    private final TeacherCache cache;

    public DistillationRun(RunConfig config) {
        this(config, TeacherCache.shared());
    }

    public DistillationRun(RunConfig config, TeacherCache cache) {
        this.config = config;
        this.cache = cache;
    }

    public RunConfig config() {
        return config;
    }

    /** Runs on the calling thread with its own base manager (closed at the end). */
    public RunResult run(RunListener listener, RunControl control) {
        try (NDManager base = NDManager.newBaseManager()) {
            return run(base, listener, control);
        }
    }

    /**
     * Runs on the calling thread; every array lives in a sub-manager of {@code parent}, closed before returning.
     * Blocks while {@code control} is paused. Inside the run the thread records operations for a backward pass only
     * during the steps ({@link GradMode}); afterwards it records as it did before.
     */
    public RunResult run(NDManager parent, RunListener listener, RunControl control) {
        try (GradMode off = GradMode.off(parent.getEngine());
             NDManager runManager = parent.newSubManager();
             StudentLoss loss = config.settings().loss().create(runManager, config.settings())) {
            return execute(new RunContext(config, runManager, listener, control), loss);
        }
    }

    /** The device a run would train on: the engine's default (GPU when DJL counts one, else CPU). */
    public static String defaultDevice() {
        return Engine.getInstance().defaultDevice().toString();
    }

    private RunResult execute(RunContext run, StudentLoss loss) {
        long started = System.nanoTime();
        String device = run.manager.getDevice().toString();
        long teacherParams = config.teacher().parameterCount(run.inputs, run.classes);
        long studentParams = config.student().parameterCount(run.inputs, run.classes);
        // the key hashes every feature of the data (about 0.3 s for Fashion-MNIST): only when the cache is used
        TeacherCache.Key key = config.reuseTeacher() ? TeacherCache.Key.of(config) : null;
        TeacherCache.Entry cached = key != null ? cache.get(key) : null;
        run.listener.runStarted(new RunStart(device, teacherParams, studentParams, cached != null,
                run.batchesOf(run.rows.teacherRows().length), run.batchesOf(run.rows.studentRows().length),
                run.rows.labelled().length, config.train().size()));
        TeacherTraining teacherPhase = new TeacherTraining(run);
        StudentTraining studentPhase = new StudentTraining(run, loss);
        Optional<OmittedClassResult> omitted = Optional.empty();
        RunResult.StopReason reason = RunResult.StopReason.COMPLETED;
        String message = "Completed.";
        double studentPhaseMsPerStep = 0;
        try {
            run.engine.setRandomSeed(RunContext.seedInt(config.settings().seed()));
            TrainableNet teacher = run.newNet(ModelRole.TEACHER, config.teacher());
            if (cached != null) {
                teacher.load(cached.parameters());
                teacherPhase.replay(cached);
            } else {
                teacherPhase.train(teacher);
                if (config.reuseTeacher()) {
                    cache.put(key, teacherPhase.cacheEntry(teacher));
                }
            }
            long studentsStarted = System.nanoTime();
            long heldBefore = run.heldNanos();
            float[] targets = config.cacheTeacherLogits() ? teacherTargets(run, teacher, loss) : null;
            studentPhase.train(teacher, targets);
            studentPhaseMsPerStep = (System.nanoTime() - studentsStarted - (run.heldNanos() - heldBefore)) / 1e6
                    / Math.max(1, studentPhase.steps());
            if (config.settings().omitsAClass()) {
                omitted = Optional.of(OmittedClassCorrection.correct(config, run.evaluator,
                        run.trainFeatures, run.testFeatures, run.nets));
            }
        } catch (RunContext.Cancelled e) {
            reason = RunResult.StopReason.CANCELLED;
            message = "Cancelled.";
        } catch (DivergenceGuard.Diverged e) {
            reason = RunResult.StopReason.DIVERGED;
            message = e.getMessage();
        }
        RunResult result = new RunResult(reason, message, device, teacherParams, studentParams, run.testAccuracy,
                run.trainAccuracy, run.finalLosses, studentPhase.lastParts(), cached != null,
                teacherPhase.msPerEpoch(), studentPhase.msPerEpoch(), teacherPhase.msPerStep(),
                studentPhase.msPerStep(), studentPhaseMsPerStep, (System.nanoTime() - started) / 1e6, omitted,
                run.testQuality);
        run.listener.runEnded(result);
        return result;
    }

    /**
     * The frozen teacher's targets for every training row, {@value ModelEvaluator#EVALUATION_CHUNK} rows per forward:
     * one forward over 60,000 images through a 1200-1200 teacher held about 0.8 GB of activations at once.
     */
    private static float[] teacherTargets(RunContext run, TrainableNet teacher, StudentLoss loss) {
        int rows = run.config.train().size();
        float[] out = null;
        for (int from = 0; from < rows; from += ModelEvaluator.EVALUATION_CHUNK) {
            int to = Math.min(rows, from + ModelEvaluator.EVALUATION_CHUNK);
            run.checkpoint(); // Stop acts within a chunk's forward, not after all 60,000 rows
            try (NDManager sub = run.manager.newSubManager()) {
                NDArray x = run.batches.range(sub, run.trainFeatures, from, to);
                float[] targets = loss.teacherTargets(teacher.forward(x, false)).toFloatArray();
                int width = targets.length / (to - from);
                if (out == null) {
                    out = new float[rows * width];
                }
                System.arraycopy(targets, 0, out, from * width, targets.length);
            }
        }
        return out;
    }
}
