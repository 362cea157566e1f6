package org.kdplayground.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

import org.kdplayground.io.ExperimentFile;

import ai.djl.ndarray.NDManager;

/**
 * Not a test: trains the shipped two-moons experiment N times in one JVM (seeds 1..N, as {@code train --seed k}
 * would, through the shared teacher cache) and prints, after each run, the heap in use after a full GC and the
 * number of NDArrays its manager holds: both must stay flat. Run:
 * {@code java -Dai.djl.offline=true -cp <test class path> org.kdplayground.engine.ManyRunsProbe [N]}.
 */
public final class ManyRunsProbe {

    private ManyRunsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Experiment experiment = ExperimentFile.read(Path.of("assets/experiments/two-moons.json"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long first = -1;
        long max = 0;
        try (NDManager base = NDManager.newBaseManager()) {
            for (int run = 1; run <= runs; run++) {
                RunConfig config = experiment.withSettings(experiment.settings().withSeed(run)).prepare().config();
                RunResult result = new DistillationRun(config).run(base, RunListener.NONE, new RunControl());
                System.gc();
                System.gc();
                long heap = memory.getHeapMemoryUsage().getUsed();
                if (run == 1) {
                    first = heap;
                }
                max = Math.max(max, heap);
                System.out.printf(Locale.ROOT, "run %2d  %s  test acc %.3f  heap after GC %6.1f MB  arrays %d%n",
                        run, result.stopReason(), result.testAccuracy().get(ModelRole.DISTILLED), heap / 1e6,
                        base.getManagedArrays().size());
            }
        }
        System.out.printf(Locale.ROOT, "heap after GC: first run %.1f MB, highest %.1f MB%n", first / 1e6, max / 1e6);
    }
}
