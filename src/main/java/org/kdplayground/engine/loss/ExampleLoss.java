package org.kdplayground.engine.loss;

import java.util.Arrays;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * One example's loss as the training engine computes it (float32), for {@code kd-playground loss --engine djl} and
 * the tests that hold the engine against PyTorch's golden values.
 */
public final class ExampleLoss {

    /**
     * @param pStudent the student's softmax at T
     * @param pTeacher the teacher's softmax at T
     * @param parts    the method's parts, in {@link LossMethod#parts()} order
     * @param total    the loss
     * @param grad     its gradient with respect to the student's logits
     */
    public record Result(double[] pStudent, double[] pTeacher, List<Double> parts, double total, double[] grad) {

        public double part(LossMethod method, LossPart part) {
            return parts.get(method.parts().indexOf(part));
        }
    }

    private ExampleLoss() {
    }

    /**
     * Opens a {@link GradientCollector}, so it must not run while a training run is in progress in this JVM.
     *
     * @throws IllegalArgumentException when the logits' lengths differ or the label is out of range
     */
    public static Result evaluate(NDManager parent, LossSettings settings, double[] student, double[] teacher,
                                  int label) {
        int classes = student.length;
        if (teacher.length != classes || label < 0 || label >= classes) {
            throw new IllegalArgumentException("student/teacher lengths differ or label out of range");
        }
        try (NDManager manager = parent.newSubManager();
             StudentLoss loss = settings.loss().create(manager, settings)) {
            NDArray s = manager.create(toFloats(student), new Shape(1, classes));
            NDArray t = manager.create(toFloats(teacher), new Shape(1, classes));
            float[] oneHot = new float[classes];
            oneHot[label] = 1f;
            NDArray y = manager.create(oneHot, new Shape(1, classes));
            s.setRequiresGradient(true);
            StudentLoss.Value value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                value = loss.compute(s, loss.teacherTargets(t), y, null, 1);
                collector.backward(value.total());
            }
            NDArray temperature = manager.full(new Shape(), settings.temperature());
            double[] ps = toDoubles(s.div(temperature).softmax(1).toFloatArray());
            double[] pt = toDoubles(t.div(temperature).softmax(1).toFloatArray());
            List<Double> parts = value.parts().stream().map(p -> (double) p.getFloat()).toList();
            return new Result(ps, pt, parts, value.total().getFloat(), toDoubles(s.getGradient().toFloatArray()));
        }
    }

    /** A cross-entropy and its gradient with respect to the logits. */
    public record CrossEntropyResult(double total, double[] grad) {
    }

    /** Cross-entropy with label smoothing ε of one example as the teacher's training computes it (float32). */
    public static CrossEntropyResult labelSmoothedCrossEntropy(NDManager parent, double[] logits, int label, double epsilon) {
        int classes = logits.length;
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label out of range");
        }
        try (NDManager manager = parent.newSubManager()) {
            NDArray z = manager.create(toFloats(logits), new Shape(1, classes));
            float[] target = new float[classes];
            Arrays.fill(target, (float) (epsilon / classes));
            target[label] = (float) (1.0 - epsilon + epsilon / classes);
            NDArray y = manager.create(target, new Shape(1, classes));
            z.setRequiresGradient(true);
            NDArray total;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                total = CrossEntropy.mean(z, y);
                collector.backward(total);
            }
            return new CrossEntropyResult(total.getFloat(), toDoubles(z.getGradient().toFloatArray()));
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
