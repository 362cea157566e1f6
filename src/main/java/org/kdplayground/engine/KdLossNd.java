package org.kdplayground.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * The seed notebook's distillation loss on NDArrays, written the way PyTorch computes it:
 * {@code hard = cross_entropy(s, y)}, {@code soft = kl_div(log_softmax(s/T), softmax(t/T), 'batchmean') * T²},
 * {@code total = α·hard + (1−α)·soft}.
 *
 * <p>Every scalar (T, T², α, 1−α) is an NDArray made once with {@code manager.full}: DJL's
 * {@code mul(Number)}/{@code div(Number)} wrap the number in memory that backward may read after it was freed
 * (see djl-facts.md, pitfall 1). Step arrays always come first in each operation so that results belong to the
 * step's manager, not to the manager holding these scalars.
 */
public final class KdLossNd implements AutoCloseable {

    /** Test hook: run inside the loss computation (e.g. {@code System::gc}) to prove no freed scalar is read. */
    static volatile Runnable hookInsideLoss;

    private final NDManager scalars;
    private final float temperature;
    private final float alpha;
    private final NDArray temperatureArray;
    private final NDArray temperatureSquared;
    private final NDArray alphaArray;
    private final NDArray oneMinusAlpha;

    /** The hard, soft and total loss of one batch (each a scalar NDArray owned by the batch's manager). */
    public record Parts(NDArray hard, NDArray soft, NDArray total) {
    }

    /** Scalars live in a sub-manager of {@code parent}; close this loss to free them. */
    public KdLossNd(NDManager parent, float temperature, float alpha) {
        if (!(temperature > 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
        }
        this.temperature = temperature;
        this.alpha = alpha;
        scalars = parent.newSubManager();
        temperatureArray = scalar(temperature);
        // as Python does: T ** 2 and 1 - alpha in double, then one float multiplication
        temperatureSquared = scalar((double) temperature * temperature);
        alphaArray = scalar(alpha);
        oneMinusAlpha = scalar(1.0 - alpha);
    }

    private NDArray scalar(double value) {
        return scalars.full(new Shape(), (float) value, DataType.FLOAT32);
    }

    public float temperature() {
        return temperature;
    }

    public float alpha() {
        return alpha;
    }

    /** {@code log_softmax(t / T)} row-wise: the frozen teacher's soft targets, in log space. */
    public NDArray teacherLogTargets(NDArray teacherLogits) {
        return teacherLogits.div(temperatureArray).logSoftmax(1);
    }

    /** Mean cross-entropy of logits against one-hot rows, like {@code F.cross_entropy}. */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return rowCrossEntropy(logits, oneHot).mean();
    }

    private static NDArray rowCrossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    }

    /** The full loss from student and teacher logits (the seed's form: every row labelled, every row soft). */
    public Parts compute(NDArray studentLogits, NDArray teacherLogits, NDArray oneHot) {
        return compute(studentLogits, teacherLogTargets(teacherLogits), oneHot, null, 0);
    }

    /**
     * The loss from precomputed teacher log-targets. The soft term averages over every row of the batch (the
     * transfer set); the hard term over the labelled rows only: {@code hardMask} holds 1 for a labelled row and 0
     * otherwise, and {@code labelledRows} is its sum. With {@code hardMask == null} every row is labelled. With no
     * labelled row the hard term is 0 and total = (1−α)·soft.
     */
    public Parts compute(NDArray studentLogits, NDArray teacherLogTargets, NDArray oneHot, NDArray hardMask,
                         int labelledRows) {
        NDManager step = studentLogits.getManager();
        NDArray logStudent = studentLogits.div(temperatureArray).logSoftmax(1);
        Runnable hook = hookInsideLoss;
        if (hook != null) {
            hook.run();
        }
        NDArray kl = teacherLogTargets.exp().mul(teacherLogTargets.sub(logStudent)).sum(new int[] {1}).mean();
        NDArray soft = kl.mul(temperatureSquared);
        NDArray hard;
        if (hardMask == null) {
            hard = crossEntropy(studentLogits, oneHot);
        } else if (labelledRows == 0) {
            hard = step.zeros(new Shape(), DataType.FLOAT32);
        } else {
            NDArray perRow = rowCrossEntropy(studentLogits, oneHot).mul(hardMask).sum();
            hard = perRow.div(step.full(new Shape(), labelledRows, DataType.FLOAT32));
        }
        if (hook != null) {
            hook.run();
        }
        NDArray total = hard.mul(alphaArray).add(soft.mul(oneMinusAlpha));
        return new Parts(hard, soft, total);
    }

    @Override
    public void close() {
        scalars.close();
    }

    /** One example's loss, its probabilities at T and its gradient with respect to the student's logits. */
    public record CaseResult(double[] pStudent, double[] pTeacher, double hard, double soft, double total,
                             double[] grad) {
    }

    /**
     * Computes one example the way the golden file does (for {@code kd-playground loss --engine djl}). Opens a
     * {@link GradientCollector}, so it must not run while a training run is in progress in this JVM.
     */
    public static CaseResult evaluateCase(NDManager parent, double[] student, double[] teacher, int label,
                                          double temperature, double alpha) {
        int classes = student.length;
        if (teacher.length != classes || label < 0 || label >= classes) {
            throw new IllegalArgumentException("student/teacher lengths differ or label out of range");
        }
        try (NDManager manager = parent.newSubManager();
             KdLossNd loss = new KdLossNd(manager, (float) temperature, (float) alpha)) {
            NDArray s = manager.create(toFloats(student), new Shape(1, classes));
            NDArray t = manager.create(toFloats(teacher), new Shape(1, classes));
            float[] oneHot = new float[classes];
            oneHot[label] = 1f;
            NDArray y = manager.create(oneHot, new Shape(1, classes));
            s.setRequiresGradient(true);
            Parts parts;
            float[] grad;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                parts = loss.compute(s, t, y);
                collector.backward(parts.total());
            }
            grad = s.getGradient().toFloatArray();
            float[] ps = s.div(loss.temperatureArray).softmax(1).toFloatArray();
            float[] pt = t.div(loss.temperatureArray).softmax(1).toFloatArray();
            return new CaseResult(toDoubles(ps), toDoubles(pt), parts.hard().getFloat(), parts.soft().getFloat(),
                    parts.total().getFloat(), toDoubles(grad));
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
