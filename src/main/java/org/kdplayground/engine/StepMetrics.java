package org.kdplayground.engine;

import java.util.Collections;
import java.util.Map;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;

/**
 * The losses of one training step, streamed while a run trains. Values are always finite: a step whose loss is
 * NaN or infinite ends the run as diverged and is not reported.
 */
public sealed interface StepMetrics permits StepMetrics.TeacherStep, StepMetrics.StudentStep {

    Phase phase();

    /** 1-based epoch within the phase. */
    int epoch();

    /** 1-based step within the epoch. */
    int step();

    /** 1-based step count over the whole run, teacher steps first. */
    long globalStep();

    /** A teacher step: its mean cross-entropy on the batch. */
    record TeacherStep(int epoch, int step, long globalStep, double loss) implements StepMetrics {
        @Override
        public Phase phase() {
            return Phase.TEACHER;
        }
    }

    /**
     * A student step: each part of the distilled student's loss (its method's {@link LossMethod#parts()}) and its
     * total, and the baseline's CE. {@code labelledRows} is how many rows of the batch carried a label (with transfer
     * set ALL some carry none; with 0 the hard loss is 0 and the baseline did not step, so {@code baselineLoss}
     * repeats its last value).
     */
    record StudentStep(int epoch, int step, long globalStep, Map<LossPart, Double> parts, double total,
                       double baselineLoss, int batchRows, int labelledRows) implements StepMetrics {

        public StudentStep {
            parts = Collections.unmodifiableMap(parts);
        }

        @Override
        public Phase phase() {
            return Phase.STUDENTS;
        }

        /** One part of the distilled student's loss; NaN when its method has no such part. */
        public double part(LossPart part) {
            Double value = parts.get(part);
            return value == null ? Double.NaN : value;
        }
    }
}
