package org.kdplayground.engine;

import java.util.Objects;
import java.util.Optional;

import org.kdplayground.math.Calibration;
import org.kdplayground.math.Fidelity;

/**
 * What the test set says about one model beyond its accuracy: how calibrated its confidence is and, for a student,
 * how closely it copies the frozen teacher.
 *
 * @param reliability the model's confidence bins ({@value Calibration#BINS} equal-width) and their ECE
 * @param fidelity    for a student, its top-1 agreement with the teacher and mean KL(teacher ‖ student) at T = 1;
 *                    empty for the teacher
 */
public record TestQuality(Calibration.Reliability reliability, Optional<Fidelity.Measure> fidelity) {

    public TestQuality {
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(fidelity, "fidelity");
    }

    /** The expected calibration error over {@value Calibration#BINS} bins. */
    public double ece() {
        return reliability.ece();
    }

    /** The share of test inputs on which the student predicts the teacher's class; NaN for the teacher. */
    public double agreement() {
        return fidelity.map(Fidelity.Measure::agreement).orElse(Double.NaN);
    }

    /** The mean KL(teacher ‖ student) at T = 1 on the test set; NaN for the teacher. */
    public double meanKl() {
        return fidelity.map(Fidelity.Measure::meanKl).orElse(Double.NaN);
    }
}
