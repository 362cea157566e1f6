package org.kdplayground.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An input normalisation {@code x' = (x - offset) / scale}, fitted on the training set only and then applied to
 * train, test and any point the GUI evaluates (the decision-boundary grid), so no test statistics leak into
 * training. Immutable.
 */
public final class Normalizer {

    private static final double MIN_STD = 1e-6;

    private final float[] offset;
    private final float[] scale;

    private Normalizer(float[] offset, float[] scale) {
        this.offset = offset;
        this.scale = scale;
    }

    /**
     * Standardises each feature to mean 0 and standard deviation 1 over {@code train} (population std). A
     * constant feature (e.g. an image's always-blank border) is only centred, not divided by zero.
     */
    public static Normalizer standardize(Dataset train) {
        requireRows(train);
        int d = train.featureCount();
        double[] sum = new double[d];
        for (float[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
            }
        }
        int n = train.size();
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        double[] sq = new double[d];
        for (float[] row : train.features()) {
            for (int j = 0; j < d; j++) {
                double diff = row[j] - mean[j];
                sq[j] += diff * diff;
            }
        }
        float[] offset = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(sq[j] / n);
            offset[j] = (float) mean[j];
            scale[j] = std < MIN_STD ? 1f : (float) std;
        }
        return new Normalizer(offset, scale);
    }

    /**
     * Maps the smallest and largest value over all of {@code train}'s features to 0 and 1, the same for every
     * feature: the usual scaling for images (pixels 0..255 or 0..16), which keeps the pixels comparable.
     */
    public static Normalizer unitRange(Dataset train) {
        requireRows(train);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : train.features()) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int d = train.featureCount();
        float[] offset = new float[d];
        float[] scale = new float[d];
        Arrays.fill(offset, min);
        Arrays.fill(scale, max > min ? max - min : 1f);
        return new Normalizer(offset, scale);
    }

    /** Leaves inputs as they are: for comparing with and without normalisation. */
    public static Normalizer identity(int featureCount) {
        float[] scale = new float[featureCount];
        Arrays.fill(scale, 1f);
        return new Normalizer(new float[featureCount], scale);
    }

    /** A normalised copy of {@code data}; the original is not changed. */
    public Dataset apply(Dataset data) {
        float[][] rows = new float[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = apply(data.features()[i]);
        }
        return data.withFeatures(rows);
    }

    /** The split with its train and test sets normalised (the labelled indices unchanged). */
    public Split apply(Split split) {
        return split.with(apply(split.train()), apply(split.test()));
    }

    /**
     * Normalises the split's rows where they are, and returns it: for data read afresh that nobody else holds, so that
     * a large set (Fashion-MNIST's 60,000 images, 188 MB) is held once rather than twice. A row object that appears
     * more than once is normalised once.
     */
    public Split applyInPlace(Split split) {
        Set<float[]> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Dataset part : List.of(split.train(), split.test())) {
            for (float[] row : part.features()) {
                if (row.length != offset.length) {
                    throw new IllegalArgumentException("expected " + offset.length + " features, got " + row.length);
                }
                if (done.add(row)) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (row[j] - offset[j]) / scale[j];
                    }
                }
            }
        }
        return split;
    }

    /** A normalised copy of one input row. */
    public float[] apply(float[] row) {
        if (row.length != offset.length) {
            throw new IllegalArgumentException("expected " + offset.length + " features, got " + row.length);
        }
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - offset[j]) / scale[j];
        }
        return out;
    }

    /** Undoes {@link #apply(float[])}: to show a normalised point (or grid) in the data's own units. */
    public float[] invert(float[] row) {
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] * scale[j] + offset[j];
        }
        return out;
    }

    public int featureCount() {
        return offset.length;
    }

    /** What is subtracted from each feature (a copy). */
    public float[] offset() {
        return offset.clone();
    }

    /** What each feature is then divided by (a copy). */
    public float[] scale() {
        return scale.clone();
    }

    private static void requireRows(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot fit a normaliser on an empty training set");
        }
    }
}
