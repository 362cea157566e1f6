package org.kdplayground.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BiasShiftTest {

    private static final float[][] THREE_ROWS = {
            {2f, 0f, 1f}, // class 0 by 1 over class 2
            {0f, 3f, 0.5f}, // class 1 by 2.5 over class 2
            {0f, 0f, 4f}, // already class 2
    };

    @Test
    void predictedTakesTheShiftedArgMaxWithTiesToTheLowerClass() {
        assertThat(BiasShift.predicted(new float[] {2f, 0f, 1f}, 2, 0)).isZero();
        assertThat(BiasShift.predicted(new float[] {2f, 0f, 1f}, 2, 1)).isZero(); // tie with class 0
        assertThat(BiasShift.predicted(new float[] {2f, 0f, 1f}, 2, 1.5)).isEqualTo(2);
        assertThat(BiasShift.predicted(new float[] {1f, 1f, 0f}, 0, 0)).isZero(); // tie with class 1
    }

    @Test
    void chooseGivesTheSmallestShiftThatReachesTheTarget() {
        assertThat(BiasShift.choose(THREE_ROWS, 2, 1)).isZero();
        double two = BiasShift.choose(THREE_ROWS, 2, 2);
        // class 0 wins the tie at exactly 1: the shift is the first double that passes it once rounded
        assertThat(two).isGreaterThan(1.0).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(BiasShift.predictions(THREE_ROWS, 2, two)).isEqualTo(2);
        assertThat(BiasShift.predictions(THREE_ROWS, 2, Math.nextDown(two))).isEqualTo(1);
        double three = BiasShift.choose(THREE_ROWS, 2, 3);
        assertThat(three).isGreaterThan(2.5).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(BiasShift.predictions(THREE_ROWS, 2, Math.nextDown(three))).isEqualTo(2);
    }

    @Test
    void aTargetAboveTheRowCountAsksForEveryRow() {
        assertThat(BiasShift.predictions(THREE_ROWS, 2, BiasShift.choose(THREE_ROWS, 2, 99))).isEqualTo(3);
        assertThat(BiasShift.choose(THREE_ROWS, 2, 0)).isZero();
        assertThat(BiasShift.choose(new float[0][], 1, 5)).isZero();
    }

    @Test
    void moreShiftNeverMeansFewerPredictionsOverRandomLogits() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            float[][] logits = randomLogits(random);
            int cls = random.nextInt(logits[0].length);
            int previous = -1;
            for (double shift = 0; shift < 30; shift += random.nextDouble() * 0.7) {
                int now = BiasShift.predictions(logits, cls, shift);
                assertThat(now).as("trial %d shift %s", trial, shift).isGreaterThanOrEqualTo(previous);
                previous = now;
            }
        }
    }

    @Test
    void theChosenShiftReachesTheTargetAndNoSmallerShiftDoesOverRandomLogits() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            float[][] logits = randomLogits(random);
            int cls = random.nextInt(logits[0].length);
            int target = random.nextInt(logits.length + 2);
            double shift = BiasShift.choose(logits, cls, target);
            assertThat(shift).isGreaterThanOrEqualTo(0);
            int reached = BiasShift.predictions(logits, cls, shift);
            assertThat(reached).as("trial %d", trial).isGreaterThanOrEqualTo(Math.min(target, logits.length));
            if (shift > 0) {
                assertThat(BiasShift.predictions(logits, cls, Math.nextDown(shift))).as("trial %d", trial)
                        .isLessThan(Math.min(target, logits.length));
            }
        }
    }

    @Test
    void errorsCountAllRowsAndTheShiftedClassesRows() {
        int[] labels = {0, 2, 2};
        BiasShift.Errors before = BiasShift.errors(THREE_ROWS, labels, 2, 0);
        assertThat(before).isEqualTo(new BiasShift.Errors(1, 1, 3, 2));
        assertThat(before.accuracy()).isEqualTo(2 / 3.0);
        BiasShift.Errors after = BiasShift.errors(THREE_ROWS, labels, 2, 3);
        assertThat(after).isEqualTo(new BiasShift.Errors(1, 0, 3, 2)); // the 0 now reads as a 2
        assertThat(BiasShift.errors(new float[0][], new int[0], 1, 0).accuracy()).isZero();
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BiasShift.choose(THREE_ROWS, 3, 1));
        assertThrows(IllegalArgumentException.class,
                () -> BiasShift.choose(new float[][] {{Float.NaN, 0f}}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BiasShift.errors(THREE_ROWS, new int[2], 0, 0));
    }

    private static float[][] randomLogits(Random random) {
        int rows = 1 + random.nextInt(60);
        int classes = 2 + random.nextInt(9);
        float[][] logits = new float[rows][classes];
        for (float[] row : logits) {
            for (int c = 0; c < classes; c++) {
                // some exact ties and some large values, as trained networks give
                row[c] = random.nextInt(5) == 0 ? random.nextInt(3) : (float) (random.nextGaussian() * 6);
            }
        }
        return logits;
    }
}
