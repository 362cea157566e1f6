package org.kdplayground.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.kdplayground.math.Calibration;
import org.kdplayground.math.Fidelity;
import org.kdplayground.math.Predictions;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * What the phases of one run share, on its worker thread: the configuration, the run's manager, the networks made so
 * far, the rows and batches, the evaluator, the listener and control, the step count and the latest measurements.
 */
final class RunContext {

    /** Thrown inside the run when the control says cancel. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    final RunConfig config;
    final RunSettings settings;
    final NDManager manager;
    final Engine engine;
    final RunListener listener;
    final DivergenceGuard guard;
    final int inputs;
    final int classes;
    /** The training and test inputs, one array a row: the data set's own arrays, never copied for a run. */
    final float[][] trainFeatures;
    final float[][] testFeatures;
    final TrainingRows rows;
    final RowBatches batches;
    final Map<ModelRole, TrainableNet> nets = new EnumMap<>(ModelRole.class);
    final ModelEvaluator evaluator;
    final Map<ModelRole, Double> testAccuracy = new EnumMap<>(ModelRole.class);
    final Map<ModelRole, Double> trainAccuracy = new EnumMap<>(ModelRole.class);
    /** Each model's latest calibration and fidelity on the test set. */
    final Map<ModelRole, TestQuality> testQuality = new EnumMap<>(ModelRole.class);
    /** Each model's latest epoch-mean training loss (the total for the distilled student). */
    final Map<ModelRole, Double> finalLosses = new EnumMap<>(ModelRole.class);
    private final RunControl control;
    private long globalStep;
    /**
     * The teacher's latest measurements. Its last epoch's (or a reused teacher's) serve every student epoch: its
     * accuracies and test logits do not change once it stops learning (frozen), so they are not measured again.
     */
    private Measured teacherMeasured;
    /** The teacher's calibration on the test rows, computed with each of its measurements and serving as long. */
    private TestQuality teacherQuality;
    private Fidelity.Teacher fidelityTeacher;

    /** A model's accuracy on the labelled training rows and its evaluation on the test set. */
    private record Measured(double train, ModelEvaluator.Evaluation test) {
    }

    RunContext(RunConfig config, NDManager manager, RunListener listener, RunControl control) {
        this.config = config;
        this.settings = config.settings();
        this.manager = manager;
        this.engine = manager.getEngine();
        this.listener = listener == null ? RunListener.NONE : listener;
        this.control = control == null ? new RunControl() : control;
        this.guard = new DivergenceGuard(settings.learningRate());
        inputs = config.train().featureCount();
        classes = config.train().classCount();
        trainFeatures = config.train().features();
        testFeatures = config.test().features();
        rows = new TrainingRows(config);
        batches = new RowBatches(classes, config.train().labels());
        evaluator = new ModelEvaluator(manager, inputs, classes, batches, nets, this::checkpoint);
    }

    /** A new network for {@code role}, initialised from the engine's random seed as it is now. */
    TrainableNet newNet(ModelRole role, MlpSpec spec) {
        TrainableNet net = new TrainableNet(manager, spec, inputs, classes, settings.learningRate());
        nets.put(role, net);
        return net;
    }

    /** Waits while paused; ends the run at this step when cancelled. */
    void checkpoint() {
        if (!control.proceed()) {
            throw new Cancelled();
        }
    }

    /** Wall-clock nanoseconds the run has been held so far (paused, or waiting for its pace): left out of timings. */
    long heldNanos() {
        return control.heldNanos();
    }

    /** Counts a step of the run (teacher and student steps alike) and returns its 1-based number. */
    long nextGlobalStep() {
        return ++globalStep;
    }

    /** How many steps of {@code batchSize} rows an epoch over {@code rowCount} rows takes. */
    int batchesOf(int rowCount) {
        return (rowCount + settings.batchSize() - 1) / settings.batchSize();
    }

    /**
     * Measures every network made so far, then tells the listener, with a predictor valid for that call. The teacher
     * comes first (roles are in that order), so each student's test logits meet the teacher's of the same epoch.
     */
    EpochMetrics endEpoch(Phase phase, int epoch, double ms, Map<ModelRole, Double> meanLosses) {
        Map<ModelRole, EpochMetrics.Accuracy> accuracies = new EnumMap<>(ModelRole.class);
        Map<ModelRole, TestQuality> quality = new EnumMap<>(ModelRole.class);
        float[] teacherLogits = null;
        int[] testLabels = config.test().labels();
        for (Map.Entry<ModelRole, TrainableNet> e : nets.entrySet()) {
            Measured measured = measure(e.getKey(), e.getValue(), phase);
            double train = measured.train();
            ModelEvaluator.Evaluation test = measured.test();
            accuracies.put(e.getKey(), new EpochMetrics.Accuracy(train,
                    testLabels.length == 0 ? Double.NaN : test.accuracy()));
            trainAccuracy.put(e.getKey(), train);
            if (testLabels.length == 0) {
                continue; // no test rows: no test accuracy, calibration or agreement (shown as a dash, not 0.0%)
            }
            testAccuracy.put(e.getKey(), test.accuracy());
            if (e.getKey() == ModelRole.TEACHER) {
                teacherLogits = test.logits();
                quality.put(e.getKey(), teacherQuality);
                continue;
            }
            Predictions.Rows logits = Predictions.Rows.of(test.logits(), classes); // one pass for both measures
            Optional<Fidelity.Measure> fidelity = teacherLogits != null
                    ? Optional.of(Fidelity.of(fidelityTeacher(teacherLogits), logits))
                    : Optional.empty();
            quality.put(e.getKey(), new TestQuality(Calibration.of(logits, testLabels, Calibration.BINS), fidelity));
        }
        testQuality.putAll(quality);
        EpochMetrics metrics = new EpochMetrics(phase, epoch, accuracies, meanLosses, ms, quality);
        try (ModelEvaluator.Predictor predictor = evaluator.predictor()) {
            listener.epochEnded(metrics, predictor);
        }
        return metrics;
    }

    /** The teacher prepared for comparisons once per set of logits: the frozen teacher's serve a whole phase. */
    private Fidelity.Teacher fidelityTeacher(float[] teacherLogits) {
        if (fidelityTeacher == null || !fidelityTeacher.isFor(teacherLogits)) {
            fidelityTeacher = Fidelity.Teacher.of(teacherLogits, classes);
        }
        return fidelityTeacher;
    }

    private Measured measure(ModelRole role, TrainableNet net, Phase phase) {
        if (role != ModelRole.TEACHER) {
            return measureNow(net);
        }
        // in its own phase the teacher learns between measurements; in the students' phase it is what its last
        // epoch end measured (a teacher with no epoch of its own is measured once, at the students' first)
        if (phase == Phase.TEACHER || teacherMeasured == null) {
            teacherMeasured = measureNow(net);
            teacherQuality = new TestQuality(Calibration.ofLogits(teacherMeasured.test().logits(), classes,
                    config.test().labels(), Calibration.BINS), Optional.empty());
        }
        return teacherMeasured;
    }

    private Measured measureNow(TrainableNet net) {
        return new Measured(evaluator.accuracy(net, trainFeatures, config.train().labels(), rows.labelled()),
                evaluator.evaluate(net, testFeatures, config.test().labels(), null, true));
    }

    /** DJL's engine takes an int seed. */
    static int seedInt(long seed) {
        return (int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE;
    }
}
