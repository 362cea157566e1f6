package org.kdplayground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small 2-D classification problems whose decision boundaries a learner can see on screen: two moons, spirals,
 * concentric circles, Gaussian blobs and XOR.
 *
 * <p>Every generator is deterministic for a seed ({@link Random}, whose sequence is specified by the JDK, so a
 * seed gives the same points on every platform and Java version), balances the classes to within one example,
 * and shuffles the rows so that any prefix is a fair sample. {@code noise} is the standard deviation of the
 * Gaussian noise added to each coordinate (for blobs: the spread of each blob); 0 gives clean shapes. Class names
 * are "class 0", "class 1", ...
 */
public final class SyntheticDatasets {

    private SyntheticDatasets() {
    }

    /** Two interleaving half circles (as scikit-learn's {@code make_moons}): not linearly separable, but easy. */
    public static Dataset twoMoons(int size, double noise, long seed) {
        check(size, 2, noise);
        Random random = new Random(seed);
        return generate("two-moons", size, 2, random, (cls, r) -> {
            double t = Math.PI * r.nextDouble();
            double x = cls == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = cls == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            return point(x, y, noise, r);
        });
    }

    /**
     * {@code arms} interleaved spiral arms, one class each, turning 1.5 times around the origin out to radius 1:
     * hard for a small network, a good case for a capable teacher.
     */
    public static Dataset spirals(int size, int arms, double noise, long seed) {
        if (arms < 2) {
            throw new IllegalArgumentException("spirals need at least 2 arms, got " + arms);
        }
        check(size, arms, noise);
        Random random = new Random(seed);
        return generate("spirals", size, arms, random, (cls, r) -> {
            double t = 0.05 + 0.95 * r.nextDouble();
            double angle = 2 * Math.PI * cls / arms + 3 * Math.PI * t;
            return point(t * Math.cos(angle), t * Math.sin(angle), noise, r);
        });
    }

    /** Two concentric circles, radius 1 (class 0, "outer") and 0.5 (class 1, "inner"): needs a curved boundary. */
    public static Dataset circles(int size, double noise, long seed) {
        check(size, 2, noise);
        Random random = new Random(seed);
        return generate("circles", size, 2, random, (cls, r) -> {
            double radius = cls == 0 ? 1.0 : 0.5;
            double angle = 2 * Math.PI * r.nextDouble();
            return point(radius * Math.cos(angle), radius * Math.sin(angle), noise, r);
        });
    }

    /**
     * {@code classes} round Gaussian blobs whose centres sit evenly on a circle of radius 2; {@code noise} is each
     * blob's standard deviation, so it alone decides how much the classes overlap.
     */
    public static Dataset blobs(int size, int classes, double noise, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("blobs need at least 2 classes, got " + classes);
        }
        check(size, classes, noise);
        Random random = new Random(seed);
        return generate("blobs", size, classes, random, (cls, r) -> {
            double angle = 2 * Math.PI * cls / classes;
            return point(2 * Math.cos(angle), 2 * Math.sin(angle), noise, r);
        });
    }

    /**
     * Points uniform in the square [-1, 1]², class 1 where exactly one coordinate is negative (the XOR of the
     * signs): the classic problem no linear model solves. Noise is added after the class is chosen.
     */
    public static Dataset xor(int size, double noise, long seed) {
        check(size, 2, noise);
        Random random = new Random(seed);
        return generate("xor", size, 2, random, (cls, r) -> {
            double x = r.nextDouble();
            double y = r.nextDouble();
            boolean flip = r.nextBoolean();
            // class 0: quadrants (+,+) and (-,-); class 1: (+,-) and (-,+)
            double sx = flip ? -1 : 1;
            double sy = (cls == 0) == flip ? -1 : 1;
            return point(sx * x, sy * y, noise, r);
        });
    }

    /** The names the generators give their classes: "class 0" ... "class k-1". */
    public static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add("class " + i);
        }
        return names;
    }

    @FunctionalInterface
    private interface PointMaker {
        float[] make(int cls, Random random);
    }

    private static Dataset generate(String name, int size, int classes, Random random, PointMaker maker) {
        float[][] features = new float[size][];
        int[] labels = new int[size];
        int row = 0;
        for (int cls = 0; cls < classes; cls++) {
            int count = size / classes + (cls < size % classes ? 1 : 0);
            for (int i = 0; i < count; i++) {
                features[row] = maker.make(cls, random);
                labels[row] = cls;
                row++;
            }
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float[] f = features[i];
            features[i] = features[j];
            features[j] = f;
            int l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
        }
        return new Dataset(name, features, labels, classNames(classes), 0, 0);
    }

    private static float[] point(double x, double y, double noise, Random random) {
        return new float[] {(float) (x + noise * random.nextGaussian()), (float) (y + noise * random.nextGaussian())};
    }

    private static void check(int size, int classes, double noise) {
        if (size < classes) {
            throw new IllegalArgumentException("size must be at least " + classes + " (one per class), got " + size);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
    }
}
