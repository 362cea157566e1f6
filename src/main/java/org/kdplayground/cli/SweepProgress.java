package org.kdplayground.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelPredictor;
import org.kdplayground.engine.Phase;
import org.kdplayground.engine.RunListener;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.SweepListener;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepRun;

/**
 * One stderr line per run of a sweep: which run, its swept values and seed, then what it reached and how long it took.
 */
final class SweepProgress implements SweepListener {

    private final PrintWriter err;
    private final boolean enabled;
    private boolean open;
    private double teacherMillis;

    SweepProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void runStarting(SweepRun run) {
        if (!enabled) {
            return;
        }
        int width = Integer.toString(run.total()).length();
        err.printf(Locale.ROOT, "[%" + width + "d/%d] %s seed=%d ... ", run.index(), run.total(),
                run.describePoint(), run.seed());
        err.flush();
        open = true;
    }

    /** Sums the teacher's epoch times, to show what reusing it saves. */
    @Override
    public RunListener runListener(SweepRun run) {
        teacherMillis = 0;
        return new RunListener() {
            @Override
            public void epochEnded(EpochMetrics metrics, ModelPredictor predictor) {
                if (metrics.phase() == Phase.TEACHER) {
                    teacherMillis += metrics.epochMillis();
                }
            }
        };
    }

    @Override
    public void runFinished(SweepRun run, SweepRow row, RunResult result) {
        if (!enabled) {
            return;
        }
        err.printf(Locale.ROOT, "distilled %.1f%%  baseline %.1f%%  teacher %.1f%% (%s)  %.1f s%n",
                row.distilledAccuracy() * 100, row.baselineAccuracy() * 100, row.teacherAccuracy() * 100,
                result.teacherFromCache() ? "reused" : String.format(Locale.ROOT, "trained in %.1f s",
                        teacherMillis / 1000), row.millis() / 1000);
        err.flush();
        open = false;
    }

    /** Ends a run's line left open by a cancel or a divergence. */
    void finish() {
        if (enabled && open) {
            err.println("stopped");
            err.flush();
            open = false;
        }
    }
}
