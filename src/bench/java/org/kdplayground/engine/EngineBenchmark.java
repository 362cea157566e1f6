package org.kdplayground.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.Normalizer;
import org.kdplayground.data.Split;

import ai.djl.ndarray.NDManager;

/**
 * Not a test: {@code java ... org.kdplayground.engine.EngineBenchmark [batch] [epochs]} times the student step
 * (distilled + baseline) with the teacher's soft targets cached versus a teacher forward every step, on the 8x8
 * digits with the digits preset networks. Per-step times are the gaps between consecutive step events within an
 * epoch (evaluation excluded); a warm-up run comes first.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Split split = Datasets.loadSplit(DatasetSpec.of("digits-8x8"), 0.3, 1.0);
        split = Normalizer.standardize(split.train()).apply(split);
        RunConfig base = RunConfig.builder(split).teacher(MlpSpec.of(256, 256)).student(MlpSpec.of(16))
                .settings(s -> s.withTeacherEpochs(2).withStudentEpochs(epochs).withBatchSize(batch)
                        .withLearningRate(0.005f)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            time(manager, base.toBuilder().settings(s -> s.withStudentEpochs(Math.max(5, epochs / 3)))
                    .build(), "warm-up");
            for (int rep = 0; rep < 2; rep++) {
                time(manager, base, "cached teacher logits");
                time(manager, base.toBuilder().cacheTeacherLogits(false).build(), "teacher forward each step");
            }
        }
    }

    private static void time(NDManager manager, RunConfig config, String label) {
        List<Long> gaps = new ArrayList<>();
        long[] last = {0};
        int[] lastEpoch = {-1};
        RunListener listener = new RunListener() {
            @Override
            public void step(StepMetrics m) {
                long now = System.nanoTime();
                if (m.phase() == Phase.STUDENTS && m.epoch() == lastEpoch[0]) {
                    gaps.add(now - last[0]);
                }
                lastEpoch[0] = m.phase() == Phase.STUDENTS ? m.epoch() : -1;
                last[0] = now;
            }
        };
        RunResult r = new DistillationRun(config, new TeacherCache(1)).run(manager, listener, new RunControl());
        long[] g = gaps.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(g);
        System.out.printf(Locale.ROOT, "%-28s batch %3d: %5d steps, median %.3f ms, p99 %.3f ms, mean %.3f ms;"
                        + " student epoch %.0f ms; run %.1f s; test acc distilled %.3f baseline %.3f%n",
                label, config.settings().batchSize(), g.length, g[g.length / 2] / 1e6, g[(int) (g.length * 0.99)] / 1e6,
                Arrays.stream(g).average().orElse(0) / 1e6, r.studentMsPerEpoch(), r.totalMillis() / 1000,
                r.testAccuracy().get(ModelRole.DISTILLED), r.testAccuracy().get(ModelRole.BASELINE));
    }
}
