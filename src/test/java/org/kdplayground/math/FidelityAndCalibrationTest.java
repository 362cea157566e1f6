package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Agreement, mean KL and ECE on small fixed predictions, against values worked out by hand. */
class FidelityAndCalibrationTest {

    @Test
    void eceIsTheRowWeightedGapBetweenAccuracyAndConfidence() {
        // bin (0.9, 1.0]: 0.95 right, 0.92 wrong -> accuracy 0.5, confidence 0.935, gap 0.435, half the rows
        // bin (0.6, 0.7]: 0.62 right, 0.61 right -> accuracy 1, confidence 0.615, gap 0.385, half the rows
        Calibration.Reliability r = Calibration.reliability(new double[] {0.95, 0.92, 0.62, 0.61},
                new boolean[] {true, false, true, true}, 10);
        assertThat(r.ece()).isCloseTo(0.5 * 0.435 + 0.5 * 0.385, within(1e-15));
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.bins()).hasSize(10);
        Calibration.Bin top = r.bins().get(9);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.accuracy()).isEqualTo(0.5);
        assertThat(top.meanConfidence()).isCloseTo(0.935, within(1e-15));
        assertThat(r.bins().get(6).count()).isEqualTo(2);
        assertThat(r.bins().get(0).isEmpty()).isTrue();
        assertThat(r.bins().get(0).accuracy()).isNaN();
    }

    @Test
    void binsAreOpenBelowAndClosedAbove() {
        assertThat(Calibration.bin(1.0, 15)).isEqualTo(14);
        assertThat(Calibration.bin(0.5, 2)).isEqualTo(0);
        assertThat(Calibration.bin(0.5000001, 2)).isEqualTo(1);
        assertThat(Calibration.bin(0.0, 15)).isEqualTo(0);
        assertThat(Calibration.bin(1.0 / 15 + 1e-12, 15)).isEqualTo(1);
    }

    @Test
    void aPerfectlyCalibratedModelHasNoError() {
        // four rows at confidence 0.75, three right
        Calibration.Reliability r = Calibration.reliability(new double[] {0.75, 0.75, 0.75, 0.75},
                new boolean[] {true, true, false, true}, Calibration.BINS);
        assertThat(r.ece()).isCloseTo(0, within(1e-15));
    }

    @Test
    void eceFromLogitsUsesTheSoftmaxOfThePredictedClass() {
        float ln3 = (float) Math.log(3);
        float[] logits = {
                ln3, 0, // p = (0.75, 0.25), label 0: right at 0.75
                0, ln3, // predicts 1 at 0.75, label 0: wrong
                0, 0 // a tie predicts class 0 at 0.5, label 0: right
        };
        Calibration.Reliability r = Calibration.ofLogits(logits, 2, new int[] {0, 0, 0}, Calibration.BINS);
        // bin with 0.75: accuracy 1/2, gap 0.25, 2 of 3 rows; bin with 0.5: accuracy 1, gap 0.5, 1 of 3
        assertThat(r.ece()).isCloseTo(2.0 / 3 * 0.25 + 1.0 / 3 * 0.5, within(1e-7));
        assertThat(r.bins().get(11).count()).isEqualTo(2);
        assertThat(r.bins().get(7).count()).isEqualTo(1);
    }

    @Test
    void agreementCountsEqualPredictionsWhateverTheLabels() {
        assertThat(Fidelity.agreement(new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1})).isEqualTo(0.5);
        assertThat(Fidelity.agreement(new int[0], new int[0])).isZero();
        assertThatThrownBy(() -> Fidelity.agreement(new int[] {1}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void meanKlIsTeacherWeightedAtTemperatureOne() {
        float[] teacher = {2, 0, 0, 0, 3, 0, 0, 0, 1};
        float[] student = {1, 0, 0, 3, 0, 0, 0, 0, 1};
        // row 1: p = (e², 1, 1)/(e² + 2), q = (e, 1, 1)/(e + 2)
        double zp = Math.exp(2) + 2;
        double zq = Math.E + 2;
        double row1 = Math.exp(2) / zp * Math.log(Math.exp(2) / zp / (Math.E / zq))
                + 2 / zp * Math.log(1 / zp / (1 / zq));
        // row 2: p = (1, e³, 1)/(e³ + 2), q = (e³, 1, 1)/(e³ + 2): KL = (e³ − 1)/(e³ + 2)·3
        double z3 = Math.exp(3) + 2;
        double row2 = (Math.exp(3) - 1) / z3 * 3;
        Fidelity.Measure m = Fidelity.of(teacher, student, 3);
        assertThat(m.agreement()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.meanKl()).isCloseTo((row1 + row2 + 0) / 3, within(1e-6));
        assertThat(Fidelity.meanKl(teacher, teacher, 3)).isZero();
    }

    /** A teacher prepared once serves student after student, each measured as if alone; it knows its own array. */
    @Test
    void aPreparedTeacherServesManyStudents() {
        float[] teacher = {2, 0, 0, 0, 3, 0, 0, 0, 1};
        float[] first = {1, 0, 0, 3, 0, 0, 0, 0, 1};
        float[] second = {0, 0, 5, 0, 3, 1, 2, 0, 0};
        Fidelity.Teacher prepared = Fidelity.Teacher.of(teacher, 3);
        Fidelity.Measure secondAlone = Fidelity.of(Fidelity.Teacher.of(teacher, 3), second);
        Fidelity.Measure firstMeasure = Fidelity.of(prepared, first);
        assertThat(Fidelity.of(prepared, second)).isEqualTo(secondAlone);
        assertThat(Fidelity.of(prepared, first)).isEqualTo(firstMeasure);
        assertThat(secondAlone.agreement()).isCloseTo(1.0 / 3, within(1e-15)); // only row 2 agrees
        assertThat(prepared.isFor(teacher)).isTrue();
        assertThat(prepared.isFor(teacher.clone())).isFalse();
        assertThat(Fidelity.of(prepared, teacher).meanKl()).isZero();
        assertThatThrownBy(() -> Fidelity.of(prepared, new float[6]))
                .hasMessageContaining("3 teacher predictions but 2 student predictions");
    }

    @Test
    void logitsMustBeWholeRows() {
        assertThatThrownBy(() -> Predictions.rows(new float[5], 2)).hasMessageContaining("whole rows of 2");
        assertThatThrownBy(() -> Calibration.ofLogits(new float[4], 2, new int[3], 15))
                .hasMessageContaining("2 rows of logits but 3 labels");
        assertThatThrownBy(() -> Calibration.reliability(new double[] {1.5}, new boolean[] {true}, 15))
                .hasMessageContaining("not in [0, 1]");
    }

    /**
     * One summary of a student's rows serves both measures with exactly the values each computed row by row before
     * (the run's CSVs are compared byte for byte): the softmax of the predicted class as
     * exp(z_k − max) / Σ exp(z − max) and the log-softmax as z − (max + log Σ exp(z − max)), in double.
     */
    @Test
    void oneSummaryOfTheRowsGivesTheRowByRowValuesExactly() {
        int rows = 300;
        int classes = 6;
        Random random = new Random(7);
        float[] teacher = new float[rows * classes];
        float[] student = new float[rows * classes];
        int[] labels = new int[rows];
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = (float) (random.nextGaussian() * 3);
            student[i] = (float) (random.nextGaussian() * 3);
        }
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(classes);
        }
        double[] confidence = new double[rows];
        boolean[] correct = new boolean[rows];
        double klSum = 0;
        for (int r = 0; r < rows; r++) {
            double[] logS = logSoftmaxByHand(student, r, classes);
            double[] logT = logSoftmaxByHand(teacher, r, classes);
            int k = Predictions.argMax(student, r, classes);
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, student[r * classes + c]);
            }
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(student[r * classes + c] - max);
            }
            confidence[r] = Math.exp(student[r * classes + k] - max) / sum;
            correct[r] = k == labels[r];
            double kl = 0;
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(logT[c]);
                if (p > 0) {
                    kl += p * (logT[c] - logS[c]);
                }
            }
            klSum += Math.max(0, kl);
        }
        Predictions.Rows summary = Predictions.Rows.of(student, classes);
        assertThat(Calibration.of(summary, labels, Calibration.BINS))
                .isEqualTo(Calibration.reliability(confidence, correct, Calibration.BINS));
        Fidelity.Measure measure = Fidelity.of(Fidelity.Teacher.of(teacher, classes), summary);
        assertThat(measure.meanKl()).isEqualTo(klSum / rows);
        assertThat(measure.agreement()).isEqualTo(Fidelity.agreement(Predictions.argMax(teacher, classes),
                Predictions.argMax(student, classes)));
        assertThat(summary.predictions()).isEqualTo(Predictions.argMax(student, classes));
    }

    private static double[] logSoftmaxByHand(float[] logits, int r, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[r * classes + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[r * classes + c] - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = logits[r * classes + c] - logSum;
        }
        return out;
    }

    @Test
    void argMaxPicksTheFirstOfTiesAndTheFirstNaNAsTorchDoes() {
        float nan = Float.NaN;
        float[] logits = {1, 3, 3, 0, /**/ 2, nan, 5, nan, /**/ nan, 9, 9, 9, /**/ -1, -1, -1, -1};
        assertThat(Predictions.argMax(logits, 4)).containsExactly(1, 1, 0, 0);
    }
}
