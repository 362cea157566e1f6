package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void standardizedTrainingSetHasMeanZeroAndStdOne() {
        Dataset moons = SyntheticDatasets.twoMoons(2000, 0.2, 1);
        Split split = Splits.split(moons, 0.25, 1, 1);
        Normalizer normalizer = Normalizer.standardize(split.train());
        Dataset train = normalizer.apply(split.train());

        for (int j = 0; j < 2; j++) {
            double sum = 0;
            double sq = 0;
            for (float[] row : train.features()) {
                sum += row[j];
                sq += (double) row[j] * row[j];
            }
            double mean = sum / train.size();
            assertThat(mean).isCloseTo(0, offset(1e-5));
            assertThat(Math.sqrt(sq / train.size() - mean * mean)).isCloseTo(1, offset(1e-4));
        }
    }

    @Test
    void statisticsComeFromTheTrainingSetOnly() {
        Dataset train = rows(new float[][] {{0, 10}, {2, 30}});
        Dataset test = rows(new float[][] {{100, 100}});
        Normalizer normalizer = Normalizer.standardize(train);

        assertThat(normalizer.offset()).containsExactly(1f, 20f);
        assertThat(normalizer.scale()).containsExactly(1f, 10f);
        assertThat(normalizer.apply(test).features()[0]).containsExactly(99f, 8f);
        assertThat(test.features()[0]).containsExactly(100f, 100f); // original untouched
    }

    @Test
    void inPlaceGivesTheCopysNumbersToTheBitAndTouchesASharedRowOnce() {
        Dataset moons = SyntheticDatasets.twoMoons(500, 0.2, 3);
        Split copied = Splits.split(moons, 0.25, 1, 1);
        Normalizer normalizer = Normalizer.standardize(copied.train());
        Split expected = normalizer.apply(copied);
        Split fresh = Splits.split(SyntheticDatasets.twoMoons(500, 0.2, 3), 0.25, 1, 1);
        Split inPlace = normalizer.applyInPlace(fresh);
        assertThat(inPlace).isSameAs(fresh);
        assertThat(inPlace.train().features()).isDeepEqualTo(expected.train().features());
        assertThat(inPlace.test().features()).isDeepEqualTo(expected.test().features());
        assertThat(copied.train().features()) // apply left its input alone
                .isDeepEqualTo(Splits.split(SyntheticDatasets.twoMoons(500, 0.2, 3), 0.25, 1, 1).train().features());

        float[] shared = {4, 8};
        Dataset twice = rows(new float[][] {shared, shared, {0, 0}});
        Normalizer halve = Normalizer.standardize(rows(new float[][] {{0, 0}, {4, 8}}));
        halve.applyInPlace(new Split(twice, twice.subset(new int[0]), new int[0]));
        assertThat(shared).containsExactly(halve.apply(new float[] {4, 8}));
    }

    @Test
    void constantFeatureIsCentredNotDividedByZero() {
        Dataset train = rows(new float[][] {{5, 1}, {5, 3}});
        float[] out = Normalizer.standardize(train).apply(new float[] {5, 2});
        assertThat(out).containsExactly(0f, 0f);
        assertThat(Float.isFinite(Normalizer.standardize(train).apply(new float[] {7, 2})[0])).isTrue();
    }

    @Test
    void unitRangeScalesImagesToZeroOne() {
        Dataset digits = BundledDatasets.digits8x8();
        Normalizer normalizer = Normalizer.unitRange(digits);
        Dataset scaled = normalizer.apply(digits);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float[] row : scaled.features()) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        assertThat(normalizer.apply(new float[64])[0]).isZero();
        assertThat(scaled.imageWidth()).isEqualTo(8);
        assertThat(scaled.labels()).isEqualTo(digits.labels());
    }

    @Test
    void applyToSplitNormalisesBothSidesAndKeepsLabelledIndices() {
        Split split = Splits.split(SyntheticDatasets.blobs(300, 3, 1, 1), 0.2, 0.5, 2);
        Normalizer normalizer = Normalizer.standardize(split.train());
        Split normalised = normalizer.apply(split);

        assertThat(normalised.labelled()).isEqualTo(split.labelled());
        assertThat(normalised.test().features()[0]).isEqualTo(normalizer.apply(split.test().features()[0]));
    }

    @Test
    void invertUndoesApply() {
        Normalizer normalizer = Normalizer.standardize(SyntheticDatasets.circles(100, 0.3, 4));
        float[] point = {0.3f, -1.7f};
        float[] back = normalizer.invert(normalizer.apply(point));
        assertThat(back[0]).isCloseTo(0.3f, offset(1e-6f));
        assertThat(back[1]).isCloseTo(-1.7f, offset(1e-6f));
    }

    @Test
    void identityChangesNothingAndWrongWidthIsRejected() {
        Normalizer identity = Normalizer.identity(2);
        assertThat(identity.apply(new float[] {3, 4})).containsExactly(3f, 4f);
        assertThatThrownBy(() -> identity.apply(new float[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalizer.standardize(rows(new float[0][]))).isInstanceOf(
                IllegalArgumentException.class);
    }

    private static Dataset rows(float[][] features) {
        return new Dataset("t", features, new int[features.length], List.of("a"), 0, 0);
    }
}
