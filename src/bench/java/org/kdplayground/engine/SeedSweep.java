package org.kdplayground.engine;

import java.util.Locale;

import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.Normalizer;
import org.kdplayground.data.Split;

/**
 * Not a test: {@code java ... org.kdplayground.engine.SeedSweep CASE [seeds]} runs one named preset over seeds
 * 1..n (data split, labelled subset, weights and batch order all change with the seed) and prints the mean and
 * standard deviation of each model's test accuracy, and the mean of distilled − baseline.
 */
public final class SeedSweep {

    private SeedSweep() {
    }

    public static void main(String[] args) {
        String name = args[0];
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[][] acc = new double[3][seeds];
        double seconds = 0;
        for (int s = 1; s <= seeds; s++) {
            RunConfig c = preset(name, s);
            RunResult r = new DistillationRun(c, new TeacherCache(1)).run(RunListener.NONE, new RunControl());
            for (ModelRole role : ModelRole.values()) {
                acc[role.ordinal()][s - 1] = r.testAccuracy().get(role);
            }
            seconds += r.totalMillis() / 1000;
            System.out.printf(Locale.ROOT, "%s seed %d: teacher %.4f distilled %.4f baseline %.4f (%.1f s)%n", name,
                    s, acc[0][s - 1], acc[1][s - 1], acc[2][s - 1], r.totalMillis() / 1000);
        }
        double[] diff = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            diff[i] = acc[1][i] - acc[2][i];
        }
        System.out.printf(Locale.ROOT, "%s over %d seeds: teacher %s, distilled %s, baseline %s, distilled-baseline %s;"
                + " mean run %.1f s%n", name, seeds, stat(acc[0]), stat(acc[1]), stat(acc[2]), stat(diff),
                seconds / seeds);
    }

    static RunConfig preset(String name, long seed) {
        return switch (name) {
            case "moons" -> builder("two-moons", seed, 1.0).teacher(MlpSpec.of(64, 64)).student(MlpSpec.of(8))
                    .settings(s -> s.withEpochs(30).withLearningRate(0.01f)).build();
            case "digits" -> builder("digits-8x8", seed, 1.0).teacher(MlpSpec.of(256, 256)).student(MlpSpec.of(16))
                    .settings(s -> s.withTeacherEpochs(20).withStudentEpochs(30).withLearningRate(0.005f)).build();
            case "digits-few-labels-all" -> builder("digits-8x8", seed, 0.05).teacher(MlpSpec.of(256, 256))
                    .student(MlpSpec.of(16)).settings(s -> s.withTeacherEpochs(150).withStudentEpochs(30)
                            .withLearningRate(0.005f).withTransferSet(TransferSet.ALL)).build();
            case "digits-few-labels-labelled" -> builder("digits-8x8", seed, 0.05).teacher(MlpSpec.of(256, 256))
                    .student(MlpSpec.of(16)).settings(s -> s.withTeacherEpochs(150).withStudentEpochs(300)
                            .withLearningRate(0.005f).withTransferSet(TransferSet.LABELLED)).build();
            case "digits-strong-teacher" -> builder("digits-8x8", seed, 0.05).teacher(MlpSpec.of(256, 256))
                    .student(MlpSpec.of(16)).settings(s -> s.withTeacherEpochs(20).withStudentEpochs(30)
                            .withLearningRate(0.005f).withTransferSet(TransferSet.ALL).withTeacherSeesAllLabels(true))
                            .build();
            case "digits-tiny-student" -> builder("digits-8x8", seed, 1.0).teacher(MlpSpec.of(256, 256))
                    .student(MlpSpec.of(4)).settings(s -> s.withTeacherEpochs(20).withStudentEpochs(40)
                            .withLearningRate(0.005f)).build();
            default -> throw new IllegalArgumentException("unknown preset " + name);
        };
    }

    private static RunConfig.Builder builder(String dataset, long seed, double labelled) {
        Split split = Datasets.loadSplit(DatasetSpec.of(dataset).withSeed(seed), 0.3, labelled);
        split = Normalizer.standardize(split.train()).apply(split);
        return RunConfig.builder(split).settings(s -> s.withSeed(seed).withBatchSize(64).withTemperature(4f)
                .withAlpha(0.5f));
    }

    private static String stat(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(var / (v.length - 1)) : 0;
        return String.format(Locale.ROOT, "%.2f%% ± %.2f", mean * 100, sd * 100);
    }
}
