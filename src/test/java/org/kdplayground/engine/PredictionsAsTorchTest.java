package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.kdplayground.math.Predictions;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The run's accuracies read each row's predicted class from the logits in Java ({@link Predictions#argMax}); it must
 * be the class torch's {@code argmax} picks, ties and NaN included, or an accuracy would move with that change.
 */
class PredictionsAsTorchTest {

    @Test
    void javaArgMaxPicksWhatTorchPicks() {
        int rows = 4000;
        int classes = 7;
        float[] logits = new float[rows * classes];
        Random random = new Random(20);
        for (int i = 0; i < logits.length; i++) {
            // few distinct values, so many rows tie at their maximum; some rows hold NaN, some infinities
            logits[i] = random.nextInt(5) - 2;
            int odd = random.nextInt(60);
            if (odd == 0) {
                logits[i] = Float.NaN;
            } else if (odd == 1) {
                logits[i] = Float.POSITIVE_INFINITY;
            } else if (odd == 2) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
        long[] torch;
        try (NDManager manager = NDManager.newBaseManager()) {
            torch = manager.create(logits, new Shape(rows, classes)).argMax(1).toLongArray();
        }
        int ties = 0;
        int nans = 0;
        for (int r = 0; r < rows; r++) {
            assertThat(Predictions.argMax(logits, r, classes)).as("row %d", r).isEqualTo((int) torch[r]);
            float max = Float.NEGATIVE_INFINITY;
            int atMax = 0;
            boolean nan = false;
            for (int c = 0; c < classes; c++) {
                float v = logits[r * classes + c];
                nan |= Float.isNaN(v);
                if (v > max) {
                    max = v;
                    atMax = 1;
                } else if (v == max) {
                    atMax++;
                }
            }
            ties += atMax > 1 && !nan ? 1 : 0;
            nans += nan ? 1 : 0;
        }
        assertThat(ties).as("rows whose maximum is tied").isGreaterThan(1000);
        assertThat(nans).as("rows with a NaN").isGreaterThan(100);
    }
}
