package org.kdplayground.engine;

import java.util.List;
import java.util.Random;

import org.kdplayground.data.Dataset;

/** Small seeded data sets made here, so engine tests do not depend on the data package. */
final class TinyData {

    private TinyData() {
    }

    /** Two interleaving half-moons with Gaussian noise, roughly centred and scaled to unit size. */
    static Dataset moons(int n, double noise, long seed) {
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

    static RunConfig.Builder smallConfig(long seed) {
        return RunConfig.builder(moons(96, 0.15, 1), moons(64, 0.15, 2))
                .teacher(MlpSpec.of(16, 16))
                .student(MlpSpec.of(4))
                .epochs(3)
                .batchSize(16)
                .learningRate(0.02f)
                .seed(seed)
                .reuseTeacher(false);
    }
}
