package org.kdplayground.engine;

import java.util.List;
import java.util.Random;

import org.kdplayground.data.Dataset;

/** Small seeded data sets made here, so engine tests do not depend on the data package. */
public final class TinyData {

    private TinyData() {
    }

    /** Two interleaving half-moons with Gaussian noise, roughly centred and scaled to unit size. */
    public static Dataset moons(int n, double noise, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double a = Math.PI * random.nextDouble();
            double px = c == 0 ? Math.cos(a) : 1 - Math.cos(a);
            double py = c == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
            x[i] = new float[] {(float) ((px - 0.5 + noise * random.nextGaussian()) / 0.9),
                    (float) ((py - 0.25 + noise * random.nextGaussian()) / 0.5)};
            y[i] = c;
        }
        return new Dataset("moons", x, y, List.of("a", "b"), 0, 0);
    }

    /** {@code k} Gaussian blobs on a circle, classes in turn. */
    public static Dataset blobs(int n, int k, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][];
        int[] y = new int[n];
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("c" + c);
        }
        for (int i = 0; i < n; i++) {
            int c = i % k;
            double angle = 2 * Math.PI * c / k;
            x[i] = new float[] {(float) (Math.cos(angle) + 0.35 * random.nextGaussian()),
                    (float) (Math.sin(angle) + 0.35 * random.nextGaussian())};
            y[i] = c;
        }
        return new Dataset("blobs", x, y, names, 0, 0);
    }

    public static RunConfig.Builder smallConfig(long seed) {
        return RunConfig.builder(moons(96, 0.15, 1), moons(64, 0.15, 2))
                .teacher(MlpSpec.of(16, 16))
                .student(MlpSpec.of(4))
                .settings(s -> s.withEpochs(3).withBatchSize(16).withLearningRate(0.02f).withSeed(seed))
                .reuseTeacher(false);
    }
}
