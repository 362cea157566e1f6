package org.kdplayground.engine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import org.kdplayground.data.Dataset;
import org.kdplayground.math.BiasShift;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * One distillation experiment: (1) train the teacher with cross-entropy (or reuse one from {@link TeacherCache}),
 * freeze it and compute its soft targets for the whole training set once; (2) train the distilled student and the
 * baseline student from the same initial weights on the same batches, one step of each in turn.
 *
 * <p>Everything runs on the thread that calls {@link #run}: DJL allows one open {@code GradientCollector} per
 * JVM and grad mode is per thread, so the caller picks a single worker thread (a JavaFX {@code Task}, the CLI's
 * main thread) and drives pause/cancel through a {@link RunControl} from elsewhere.
 *
 * <p>Batches. With transfer set LABELLED the students step over the labelled rows. With ALL they step over every
 * training row, labelled rows spread evenly over the batches; the distilled student's soft loss averages over all
 * rows of a batch and its hard loss over the labelled rows of that batch only; the baseline steps on those
 * labelled rows (skipping a batch with none), so both students see the same labels in the same order.
 *
 * <p>Omitted class. When the configuration names one, the students' rows (labelled and unlabelled) lose every row
 * of that class before the batches are made; the teacher is unaffected. After the last student epoch each student's
 * bias for the class is raised until it predicts the class on as many training inputs as the teacher does, and the
 * test errors before and after go into {@link RunResult#omittedClass()}.
 *
 * <p>Memory. Each step opens a sub-manager of the run's manager, builds the batch in it and closes it after the
 * update, so the number of NDArrays stays flat over a run; the run's manager is closed at the end.
 */
public final class DistillationRun {

    /**
     * Above this, a cross-entropy counts as divergence even while finite: with a huge learning rate Adam throws the
     * weights so far that logits differ by millions and the loss stays finite but meaningless.
     */
    static final float EXPLODED_CROSS_ENTROPY = 1e4f;

    /** Rows per forward when evaluating. */
    static final int EVALUATION_CHUNK = 4096;

    /**
     * Evaluation inputs up to this many floats (64 MB) are uploaded once per run and kept; larger sets (MNIST's
     * 60,000 training images) are uploaded chunk by chunk at each evaluation rather than held twice.
     */
    static final long KEPT_EVALUATION_FLOATS = 16L << 20;

    /** Test hook: receives the training rows of every student batch (a fresh array), on the worker thread. */
    static volatile Consumer<int[]> hookStudentBatch;

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
     * Blocks while {@code control} is paused.
     */
    public RunResult run(NDManager parent, RunListener listener, RunControl control) {
        try (NDManager runManager = parent.newSubManager();
             KdLossNd loss = new KdLossNd(runManager, config.temperature(), config.alpha())) {
            return new Worker(runManager, loss, listener, control).execute();
        }
    }

    /** The device a run would train on: the engine's default (GPU when DJL counts one, else CPU). */
    public static String defaultDevice() {
        return Engine.getInstance().defaultDevice().toString();
    }

    /** A network with its own Adam optimizer. */
    private static final class Net {
        final Block block;
        final ParameterStore store;
        final Optimizer optimizer;
        final List<Parameter> parameters;

        Net(NDManager manager, MlpSpec spec, int inputs, int classes, float learningRate) {
            block = spec.build(inputs, classes);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            store = new ParameterStore(manager, false);
            optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
            parameters = new ArrayList<>(block.getParameters().values());
        }

        NDArray forward(NDArray x, boolean training) {
            return block.forward(store, new NDList(x), training).singletonOrThrow();
        }

        void update() {
            for (Parameter p : parameters) {
                NDArray weight = p.getArray();
                NDArray grad = weight.getGradient();
                optimizer.update(p.getId(), weight, grad); // DJL's Adam also zeroes the gradient
                grad.close();
            }
        }

        List<float[]> export() {
            List<float[]> out = new ArrayList<>();
            for (Parameter p : parameters) {
                out.add(p.getArray().toFloatArray());
            }
            return out;
        }

        void load(List<float[]> values) {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).getArray().set(values.get(i));
            }
        }
    }

    /** Which rows of which flat array an evaluation uses: arrays compare by identity, as records compare them. */
    private record EvaluationKey(float[] flat, int[] subset) {
    }

    /** Thrown inside the worker when a loss is not finite. */
    private static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown inside the worker when the control says cancel. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final class Worker {
        private final NDManager manager;
        private final KdLossNd loss;
        private final RunListener listener;
        private final RunControl control;
        private final Engine engine;
        private final Thread thread = Thread.currentThread();
        private final int inputs;
        private final int classes;
        private final int trainRows;
        private final float[] trainFlat;
        private final float[] testFlat;
        private final int[] labelled;
        /** The labelled rows the students use: {@code labelled} without the omitted class. */
        private final int[] studentLabelled;
        private final boolean[] isLabelled;
        private final EnumMap<ModelRole, Net> nets = new EnumMap<>(ModelRole.class);
        private final EnumMap<ModelRole, Double> testAccuracy = new EnumMap<>(ModelRole.class);
        private final EnumMap<ModelRole, Double> trainAccuracy = new EnumMap<>(ModelRole.class);
        private final EnumMap<ModelRole, Double> finalLosses = new EnumMap<>(ModelRole.class);
        private final long started = System.nanoTime();
        private Optional<Double> lastHard = Optional.empty();
        private Optional<Double> lastSoft = Optional.empty();
        private Optional<OmittedClassResult> omittedResult = Optional.empty();
        private long globalStep;
        private boolean teacherFromCache;
        private double teacherMsPerEpoch;
        private double teacherMsPerStep;
        private double studentMsPerEpoch;
        private double studentMsPerStep;
        private float[] teacherLogTargets;
        private final List<StepMetrics> teacherSteps = new ArrayList<>();
        /** Evaluation inputs kept for the run (the test set, the labelled training rows). */
        private final Map<EvaluationKey, List<NDArray>> evaluationInputs = new java.util.HashMap<>();
        /** Reused for gathering a batch's rows: see {@link #rowsOf}. */
        private float[] scratch = new float[0];
        private final List<EpochMetrics> teacherEpochMetrics = new ArrayList<>();

        Worker(NDManager manager, KdLossNd loss, RunListener listener, RunControl control) {
            this.manager = manager;
            this.loss = loss;
            this.listener = listener == null ? RunListener.NONE : listener;
            this.control = control == null ? new RunControl() : control;
            this.engine = manager.getEngine();
            Dataset train = config.train();
            inputs = train.featureCount();
            classes = train.classCount();
            trainRows = train.size();
            trainFlat = flatten(train.features(), inputs);
            testFlat = flatten(config.test().features(), inputs);
            labelled = config.labelledRows() != null ? config.labelledRows()
                    : chooseLabelled(train, config.labelledFraction(), config.seed());
            isLabelled = new boolean[trainRows];
            for (int row : labelled) {
                isLabelled[row] = true;
            }
            studentLabelled = withoutClass(labelled, train.labels(), config.omittedClass());
        }

        RunResult execute() {
            String device = manager.getDevice().toString();
            long teacherParams = config.teacher().parameterCount(inputs, classes);
            long studentParams = config.student().parameterCount(inputs, classes);
            TeacherCache.Key key = TeacherCache.Key.of(config);
            TeacherCache.Entry cached = config.reuseTeacher() ? cache.get(key) : null;
            teacherFromCache = cached != null;
            int[] teacherRows = config.teacherSeesAllLabels() ? allRows() : labelled;
            int[] studentRows = config.transferSet() == TransferSet.ALL
                    ? withoutClass(allRows(), config.train().labels(), config.omittedClass()) : studentLabelled;
            listener.runStarted(new RunStart(device, teacherParams, studentParams, teacherFromCache,
                    batches(teacherRows.length), batches(studentRows.length), labelled.length, trainRows));
            RunResult.StopReason reason = RunResult.StopReason.COMPLETED;
            String message = "Completed.";
            try {
                engine.setRandomSeed(seedInt(config.seed()));
                Net teacher = new Net(manager, config.teacher(), inputs, classes, config.learningRate());
                nets.put(ModelRole.TEACHER, teacher);
                if (cached != null) {
                    teacher.load(cached.parameters());
                    replayTeacher(cached);
                } else {
                    trainTeacher(teacher, teacherRows);
                    if (config.reuseTeacher()) {
                        cache.put(key, new TeacherCache.Entry(teacher.export(),
                                finalLosses.get(ModelRole.TEACHER), teacherSteps, teacherEpochMetrics));
                    }
                }
                if (config.cacheTeacherLogits()) {
                    teacherLogTargets = computeTeacherLogTargets(teacher);
                }
                trainStudents(teacher);
                if (config.omitsAClass()) {
                    omittedResult = Optional.of(correctBias(teacher));
                }
            } catch (Cancelled e) {
                reason = RunResult.StopReason.CANCELLED;
                message = "Cancelled.";
            } catch (Diverged e) {
                reason = RunResult.StopReason.DIVERGED;
                message = e.getMessage();
            }
            RunResult result = new RunResult(reason, message, device, teacherParams, studentParams, testAccuracy,
                    trainAccuracy, finalLosses, lastHard, lastSoft, teacherFromCache, teacherMsPerEpoch,
                    studentMsPerEpoch, teacherMsPerStep, studentMsPerStep, (System.nanoTime() - started) / 1e6,
                    omittedResult);
            listener.runEnded(result);
            return result;
        }

        /** Re-emits a cached teacher's metrics; its last epoch is evaluated again so the predictor has it. */
        private void replayTeacher(TeacherCache.Entry cached) {
            finalLosses.put(ModelRole.TEACHER, cached.finalLoss());
            List<EpochMetrics> epochs = cached.epochs();
            int next = 0;
            for (EpochMetrics epoch : epochs) {
                while (next < cached.steps().size() && cached.steps().get(next).epoch() == epoch.epoch()) {
                    listener.step(cached.steps().get(next++));
                    globalStep++;
                }
                if (epoch.epoch() < config.teacherEpochs()) {
                    listener.epochEnded(epoch, new ModelPredictor() {
                        @Override
                        public boolean has(ModelRole role) {
                            return false;
                        }

                        @Override
                        public float[][] logits(ModelRole role, float[][] inputRows) {
                            throw new IllegalArgumentException("a reused teacher has only its final weights");
                        }
                    });
                } else {
                    evaluateEpoch(Phase.TEACHER, epoch.epoch(), epoch.epochMillis(), epoch.meanLosses());
                }
            }
        }

        private void trainTeacher(Net teacher, int[] rows) {
            Random order = new Random(config.seed() * 0x9E3779B97F4A7C15L + 1);
            int[] shuffled = rows.clone();
            double totalMs = 0;
            long totalSteps = 0;
            for (int epoch = 1; epoch <= config.teacherEpochs(); epoch++) {
                shuffle(shuffled, order);
                double lossSum = 0;
                int steps = 0;
                long epochStart = System.nanoTime();
                for (int from = 0; from < shuffled.length; from += config.batchSize()) {
                    checkpoint();
                    int to = Math.min(shuffled.length, from + config.batchSize());
                    float value;
                    try (NDManager step = manager.newSubManager()) {
                        int b = to - from;
                        NDArray x = rowsOf(step, trainFlat, inputs, shuffled, from, to);
                        NDArray y = oneHot(step, shuffled, from, to, null);
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            NDArray ce = KdLossNd.crossEntropy(teacher.forward(x, true), y);
                            collector.backward(ce);
                            value = ce.getFloat();
                        }
                        requireSane(value, "teacher", epoch, steps + 1);
                        teacher.update();
                    }
                    steps++;
                    globalStep++;
                    lossSum += value;
                    StepMetrics.TeacherStep metrics = new StepMetrics.TeacherStep(epoch, steps, globalStep, value);
                    teacherSteps.add(metrics);
                    listener.step(metrics);
                }
                double ms = (System.nanoTime() - epochStart) / 1e6;
                totalMs += ms;
                totalSteps += steps;
                finalLosses.put(ModelRole.TEACHER, lossSum / steps);
                evaluateEpoch(Phase.TEACHER, epoch, ms, Map.of(ModelRole.TEACHER, lossSum / steps));
            }
            teacherMsPerEpoch = totalMs / config.teacherEpochs();
            teacherMsPerStep = totalMs / Math.max(1, totalSteps);
        }

        private float[] computeTeacherLogTargets(Net teacher) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(trainFlat, new Shape(trainRows, inputs));
                return loss.teacherLogTargets(teacher.forward(x, false)).toFloatArray();
            }
        }

        private void trainStudents(Net teacher) {
            // A seed of their own: students start the same whether the teacher was trained or reused.
            engine.setRandomSeed(seedInt(config.seed() * 31 + 17));
            Net distilled = new Net(manager, config.student(), inputs, classes, config.learningRate());
            Net baseline = new Net(manager, config.student(), inputs, classes, config.learningRate());
            baseline.load(distilled.export());
            nets.put(ModelRole.DISTILLED, distilled);
            nets.put(ModelRole.BASELINE, baseline);
            boolean all = config.transferSet() == TransferSet.ALL;
            Random order = new Random(config.seed() * 0x9E3779B97F4A7C15L + 2);
            int[] labelledOrder = studentLabelled.clone();
            int[] unlabelledOrder = all ? unlabelledRows() : new int[0];
            double totalMs = 0;
            long totalSteps = 0;
            double baselineLoss = 0;
            for (int epoch = 1; epoch <= config.studentEpochs(); epoch++) {
                shuffle(labelledOrder, order);
                shuffle(unlabelledOrder, order);
                int[] rows = interleave(labelledOrder, unlabelledOrder);
                double hardSum = 0;
                double softSum = 0;
                double totalSum = 0;
                double baselineSum = 0;
                int steps = 0;
                int baselineSteps = 0;
                long epochStart = System.nanoTime();
                for (int from = 0; from < rows.length; from += config.batchSize()) {
                    checkpoint();
                    int to = Math.min(rows.length, from + config.batchSize());
                    int b = to - from;
                    int labelledCount = 0;
                    for (int i = from; i < to; i++) {
                        labelledCount += isLabelled[rows[i]] ? 1 : 0;
                    }
                    Consumer<int[]> hook = hookStudentBatch;
                    if (hook != null) {
                        hook.accept(Arrays.copyOfRange(rows, from, to));
                    }
                    float hard;
                    float soft;
                    float total;
                    try (NDManager step = manager.newSubManager()) {
                        NDArray x = rowsOf(step, trainFlat, inputs, rows, from, to);
                        NDArray y = oneHot(step, rows, from, to, isLabelled);
                        NDArray mask = null;
                        NDArray xBase = x;
                        NDArray yBase = y;
                        if (labelledCount < b) {
                            float[] m = new float[b];
                            int[] labelledInBatch = new int[labelledCount];
                            for (int i = from, j = 0; i < to; i++) {
                                if (isLabelled[rows[i]]) {
                                    m[i - from] = 1f;
                                    labelledInBatch[j++] = rows[i];
                                }
                            }
                            mask = step.create(m, new Shape(b));
                            if (labelledCount > 0) {
                                xBase = rowsOf(step, trainFlat, inputs, labelledInBatch, 0, labelledCount);
                                yBase = oneHot(step, labelledInBatch, 0, labelledCount, null);
                            }
                        }
                        NDArray logTargets = teacherLogTargets != null
                                ? rowsOf(step, teacherLogTargets, classes, rows, from, to)
                                : loss.teacherLogTargets(teacher.forward(x, false)); // before grad mode: frozen
                        float base = Float.NaN;
                        try (GradientCollector collector = engine.newGradientCollector()) {
                            KdLossNd.Parts parts = loss.compute(distilled.forward(x, true), logTargets, y, mask,
                                    labelledCount);
                            collector.backward(parts.total());
                            if (labelledCount > 0) {
                                NDArray ce = KdLossNd.crossEntropy(baseline.forward(xBase, true), yBase);
                                collector.backward(ce);
                                base = ce.getFloat();
                            }
                            hard = parts.hard().getFloat();
                            soft = parts.soft().getFloat();
                            total = parts.total().getFloat();
                        }
                        requireFinite(total, "distilled student", epoch, steps + 1);
                        requireSane(hard, "distilled student", epoch, steps + 1);
                        requireFinite(soft, "distilled student", epoch, steps + 1);
                        distilled.update();
                        if (labelledCount > 0) {
                            requireSane(base, "baseline student", epoch, steps + 1);
                            baseline.update();
                            baselineLoss = base;
                            baselineSum += base;
                            baselineSteps++;
                        }
                    }
                    steps++;
                    globalStep++;
                    hardSum += hard;
                    softSum += soft;
                    totalSum += total;
                    listener.step(new StepMetrics.StudentStep(epoch, steps, globalStep, hard, soft, total,
                            baselineLoss, b, labelledCount));
                }
                double ms = (System.nanoTime() - epochStart) / 1e6;
                totalMs += ms;
                totalSteps += steps;
                lastHard = Optional.of(hardSum / steps);
                lastSoft = Optional.of(softSum / steps);
                finalLosses.put(ModelRole.DISTILLED, totalSum / steps);
                finalLosses.put(ModelRole.BASELINE, baselineSum / Math.max(1, baselineSteps));
                Map<ModelRole, Double> means = new EnumMap<>(ModelRole.class);
                means.put(ModelRole.TEACHER, finalLosses.get(ModelRole.TEACHER));
                means.put(ModelRole.DISTILLED, totalSum / steps);
                means.put(ModelRole.BASELINE, baselineSum / Math.max(1, baselineSteps));
                evaluateEpoch(Phase.STUDENTS, epoch, ms, means);
            }
            studentMsPerEpoch = totalMs / config.studentEpochs();
            studentMsPerStep = totalMs / Math.max(1, totalSteps);
        }

        private void evaluateEpoch(Phase phase, int epoch, double ms, Map<ModelRole, Double> means) {
            Map<ModelRole, EpochMetrics.Accuracy> accuracies = new EnumMap<>(ModelRole.class);
            for (Map.Entry<ModelRole, Net> e : nets.entrySet()) {
                double train = accuracy(e.getValue(), trainFlat, config.train().labels(), labelled);
                double test = accuracy(e.getValue(), testFlat, config.test().labels(), null);
                accuracies.put(e.getKey(), new EpochMetrics.Accuracy(train, test));
                trainAccuracy.put(e.getKey(), train);
                testAccuracy.put(e.getKey(), test);
            }
            Predictor predictor = new Predictor();
            try {
                EpochMetrics metrics = new EpochMetrics(phase, epoch, accuracies, means, ms);
                if (phase == Phase.TEACHER && !teacherFromCache) {
                    teacherEpochMetrics.add(metrics);
                }
                listener.epochEnded(metrics, predictor);
            } finally {
                predictor.active = false;
            }
        }

        private double accuracy(Net net, float[] flat, int[] labels, int[] subset) {
            int n = subset == null ? labels.length : subset.length;
            if (n == 0) {
                return 0;
            }
            int[] rows = subset;
            if (rows == null) {
                rows = new int[n];
                for (int i = 0; i < n; i++) {
                    rows[i] = i;
                }
            }
            int[] evaluated = rows;
            List<NDArray> kept = (long) n * inputs <= KEPT_EVALUATION_FLOATS
                    ? evaluationInputs.computeIfAbsent(new EvaluationKey(flat, subset), k -> upload(flat, evaluated))
                    : null;
            int correct = 0;
            for (int from = 0, chunk = 0; from < n; from += EVALUATION_CHUNK, chunk++) {
                int to = Math.min(n, from + EVALUATION_CHUNK);
                try (NDManager sub = manager.newSubManager()) {
                    NDArray x;
                    if (kept != null) {
                        x = kept.get(chunk);
                        x.tempAttach(sub); // the forward's results go to sub; x goes back to the run when it closes
                    } else {
                        x = rowsOf(sub, flat, inputs, rows, from, to);
                    }
                    long[] predicted = net.forward(x, false).argMax(1).toLongArray();
                    for (int i = from; i < to; i++) {
                        if (predicted[i - from] == labels[rows[i]]) {
                            correct++;
                        }
                    }
                }
            }
            return correct / (double) n;
        }

        /** The rows, uploaded once into the run's manager in chunks of {@value #EVALUATION_CHUNK}. */
        private List<NDArray> upload(float[] flat, int[] rows) {
            List<NDArray> chunks = new ArrayList<>();
            for (int from = 0; from < rows.length; from += EVALUATION_CHUNK) {
                chunks.add(rowsOf(manager, flat, inputs, rows, from, Math.min(rows.length, from + EVALUATION_CHUNK)));
            }
            return chunks;
        }

        /**
         * Rows {@code from..to} of {@code rows} from a flat array of {@code width}-wide rows, as a new array in
         * {@code m}. The rows are gathered into a buffer reused from step to step (DJL copies it when the array is
         * made): a new Java array per batch made a young collection every second, whose pauses showed as late
         * frames on the training screen.
         */
        private NDArray rowsOf(NDManager m, float[] flat, int width, int[] rows, int from, int to) {
            int n = (to - from) * width;
            float[] buffer = scratch(n);
            for (int i = from; i < to; i++) {
                System.arraycopy(flat, rows[i] * width, buffer, (i - from) * width, width);
            }
            return m.create(FloatBuffer.wrap(buffer, 0, n), new Shape(to - from, width));
        }

        /** One-hot labels of rows {@code from..to} (all zero for rows not in {@code onlyThese}), made in {@code m}. */
        private NDArray oneHot(NDManager m, int[] rows, int from, int to, boolean[] onlyThese) {
            int n = (to - from) * classes;
            float[] buffer = scratch(n);
            Arrays.fill(buffer, 0, n, 0f);
            int[] labels = config.train().labels();
            for (int i = from; i < to; i++) {
                if (onlyThese == null || onlyThese[rows[i]]) {
                    buffer[(i - from) * classes + labels[rows[i]]] = 1f;
                }
            }
            return m.create(FloatBuffer.wrap(buffer, 0, n), new Shape(to - from, classes));
        }

        private float[] scratch(int length) {
            if (scratch.length < length) {
                scratch = new float[length];
            }
            return scratch;
        }

        private void checkpoint() {
            if (!control.proceed()) {
                throw new Cancelled();
            }
        }

        private void requireFinite(float value, String who, int epoch, int step) {
            if (!Float.isFinite(value)) {
                throw diverged(who + "'s loss became " + (Float.isNaN(value) ? "NaN" : "infinite"), epoch, step);
            }
        }

        /** A cross-entropy this large means a logit margin of thousands: the weights have exploded. */
        private void requireSane(float crossEntropy, String who, int epoch, int step) {
            requireFinite(crossEntropy, who, epoch, step);
            if (crossEntropy > EXPLODED_CROSS_ENTROPY) {
                throw diverged(who + "'s cross-entropy exploded to " + String.format(Locale.ROOT, "%.3g",
                        crossEntropy), epoch, step);
            }
        }

        private Diverged diverged(String what, int epoch, int step) {
            return new Diverged(String.format(Locale.ROOT,
                    "Training diverged: the %s at epoch %d, step %d. The learning rate (%s) is most likely too"
                            + " high; try a value 10 times smaller (0.001 to 0.01 suit these networks).",
                    what, epoch, step, Float.toString(config.learningRate())));
        }

        private int batches(int rows) {
            return (rows + config.batchSize() - 1) / config.batchSize();
        }

        private int[] allRows() {
            int[] rows = new int[trainRows];
            for (int i = 0; i < trainRows; i++) {
                rows[i] = i;
            }
            return rows;
        }

        /** The unlabelled rows the students' soft loss sees: without the omitted class. */
        private int[] unlabelledRows() {
            int[] rows = new int[trainRows - labelled.length];
            for (int i = 0, j = 0; i < trainRows; i++) {
                if (!isLabelled[i]) {
                    rows[j++] = i;
                }
            }
            return withoutClass(rows, config.train().labels(), config.omittedClass());
        }

        /**
         * Raises each student's logit for the omitted class until it predicts the class on as many training inputs
         * as the teacher does (no labels used), and counts the test errors before and after.
         */
        private OmittedClassResult correctBias(Net teacher) {
            int omitted = config.omittedClass();
            int[] trainLabels = config.train().labels();
            int[] testLabels = config.test().labels();
            int target = BiasShift.predictions(logits(teacher, trainFlat, trainRows, 4096), omitted);
            BiasShift.Errors teacherErrors = BiasShift.errors(logits(teacher, testFlat, testLabels.length, 4096),
                    testLabels, omitted, 0);
            Map<ModelRole, OmittedClassResult.Correction> corrections = new EnumMap<>(ModelRole.class);
            for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
                Net student = nets.get(role);
                float[][] onTrain = logits(student, trainFlat, trainRows, 4096);
                float[][] onTest = logits(student, testFlat, testLabels.length, 4096);
                double shift = BiasShift.choose(onTrain, omitted, target);
                BiasShift.Errors before = BiasShift.errors(onTest, testLabels, omitted, 0);
                BiasShift.Errors after = BiasShift.errors(onTest, testLabels, omitted, shift);
                corrections.put(role, new OmittedClassResult.Correction(shift,
                        BiasShift.predictions(onTrain, omitted, 0), BiasShift.predictions(onTrain, omitted, shift),
                        before.total(), before.onClass(), after.total(), after.onClass(), after.accuracy()));
            }
            int omittedRows = 0;
            for (int label : trainLabels) {
                omittedRows += label == omitted ? 1 : 0;
            }
            return new OmittedClassResult(omitted, config.train().classNames().get(omitted), omittedRows, target,
                    testLabels.length, teacherErrors.classRows(), teacherErrors.total(), teacherErrors.onClass(),
                    corrections);
        }

        /** A network's logits for {@code rows} rows of a flat feature array, {@code chunk} rows per forward. */
        private float[][] logits(Net net, float[] flat, int rows, int chunk) {
            float[] values = flatLogits(net, flat, rows, chunk);
            float[][] out = new float[rows][];
            for (int i = 0; i < rows; i++) {
                out[i] = Arrays.copyOfRange(values, i * classes, (i + 1) * classes);
            }
            return out;
        }

        /** The same logits in one array, row after row. */
        private float[] flatLogits(Net net, float[] flat, int rows, int chunk) {
            if (rows <= chunk) {
                return forwardRows(net, flat, 0, rows);
            }
            float[] out = new float[rows * classes];
            for (int from = 0; from < rows; from += chunk) {
                int to = Math.min(rows, from + chunk);
                System.arraycopy(forwardRows(net, flat, from, to), 0, out, from * classes, (to - from) * classes);
            }
            return out;
        }

        private float[] forwardRows(Net net, float[] flat, int from, int to) {
            try (NDManager sub = manager.newSubManager()) {
                // DJL copies the rows out of the array: no copy of our own
                FloatBuffer slice = FloatBuffer.wrap(flat, from * inputs, (to - from) * inputs).slice();
                return net.forward(sub.create(slice, new Shape(to - from, inputs)), false).toFloatArray();
            }
        }

        /** Rows a predictor was asked about, flattened once: the test set, the example strip, the heatmap grid. */
        private final Map<float[][], float[]> flattenedRows = new java.util.IdentityHashMap<>();

        private float[] flattened(float[][] rows) {
            if (flattenedRows.size() > 8) {
                flattenedRows.clear(); // a caller asking about ever new rows: keep the memory bounded
            }
            return flattenedRows.computeIfAbsent(rows, r -> flatten(r, inputs));
        }

        /** The class each row is predicted as (arg max of the logits, ties to the lowest), without the logits. */
        private int[] predictedClasses(Net net, float[] flat, int rows) {
            int[] out = new int[rows];
            for (int from = 0; from < rows; from += EVALUATION_CHUNK) {
                int to = Math.min(rows, from + EVALUATION_CHUNK);
                try (NDManager sub = manager.newSubManager()) {
                    FloatBuffer slice = FloatBuffer.wrap(flat, from * inputs, (to - from) * inputs).slice();
                    long[] predicted = net.forward(sub.create(slice, new Shape(to - from, inputs)), false)
                            .argMax(1).toLongArray();
                    for (int i = from; i < to; i++) {
                        out[i] = (int) predicted[i - from];
                    }
                }
            }
            return out;
        }

        /** Answers predictions during an epoch callback, on the worker thread. */
        private final class Predictor implements ModelPredictor {
            volatile boolean active = true;

            @Override
            public boolean has(ModelRole role) {
                return nets.containsKey(role);
            }

            @Override
            public float[][] logits(ModelRole role, float[][] inputRows) {
                return Worker.this.logits(net(role), flattened(inputRows), inputRows.length, 8192);
            }

            @Override
            public float[] flatLogits(ModelRole role, float[][] inputRows) {
                return Worker.this.flatLogits(net(role), flattened(inputRows), inputRows.length, 8192);
            }

            @Override
            public int[] predictedClasses(ModelRole role, float[][] inputRows) {
                return Worker.this.predictedClasses(net(role), flattened(inputRows), inputRows.length);
            }

            private Net net(ModelRole role) {
                if (!active || Thread.currentThread() != thread) {
                    throw new IllegalStateException(
                            "a ModelPredictor works only inside its callback, on the worker thread");
                }
                Net net = nets.get(role);
                if (net == null) {
                    throw new IllegalArgumentException(role + " is not trained yet");
                }
                return net;
            }
        }
    }

    /** Labelled rows: per class, a seeded shuffle, keeping round(fraction·n) of them (at least one). */
    static int[] chooseLabelled(Dataset train, double fraction, long seed) {
        if (fraction >= 1) {
            int[] all = new int[train.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < train.classCount(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byClass.get(train.labels()[i]).add(i);
        }
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + 3);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            if (rows.isEmpty()) {
                continue;
            }
            Collections.shuffle(rows, random);
            int keep = (int) Math.max(1, Math.round(fraction * rows.size()));
            chosen.addAll(rows.subList(0, keep));
        }
        Collections.sort(chosen);
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code rows} without those whose label is {@code omitted} (all of them for {@link RunConfig#NO_OMITTED_CLASS}). */
    static int[] withoutClass(int[] rows, int[] labels, int omitted) {
        if (omitted == RunConfig.NO_OMITTED_CLASS) {
            return rows;
        }
        return Arrays.stream(rows).filter(row -> labels[row] != omitted).toArray();
    }

    /** Labelled rows spread evenly among the unlabelled ones, so every batch gets its share of labels. */
    static int[] interleave(int[] labelledRows, int[] unlabelledRows) {
        int l = labelledRows.length;
        int n = l + unlabelledRows.length;
        int[] out = new int[n];
        int li = 0;
        int ui = 0;
        for (int pos = 0; pos < n; pos++) {
            boolean takeLabelled = li < l && ((long) li * n < (long) (pos + 1) * l || ui == unlabelledRows.length);
            out[pos] = takeLabelled ? labelledRows[li++] : unlabelledRows[ui++];
        }
        return out;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] flatten(float[][] rows, int width) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected "
                        + width);
            }
            System.arraycopy(rows[i], 0, out, i * width, width);
        }
        return out;
    }

    private static int seedInt(long seed) {
        return (int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE;
    }
}
