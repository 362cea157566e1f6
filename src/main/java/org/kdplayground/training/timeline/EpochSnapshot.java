package org.kdplayground.training.timeline;

import java.util.EnumMap;
import java.util.Map;

import org.kdplayground.engine.EpochMetrics;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Phase;
import org.kdplayground.math.Calibration;
import org.kdplayground.training.live.EpochPictures;
import org.kdplayground.training.live.RunEvent;

/**
 * What the screen showed at the end of one epoch: its metrics, the step it ended on, and each model's picture as it
 * was then (a frozen teacher's picture is shared with the epochs before, not copied).
 *
 * @param index      the epoch's place in the run, from 1: the teacher's epochs first, then the students'
 * @param globalStep the run's step count at the epoch's end (where the loss chart's cursor goes)
 * @param boundaries per model, for 2-D data
 * @param confusion  per model, for image data
 * @param strip      per model, the example strip's logits (image data)
 */
public record EpochSnapshot(int index, EpochMetrics metrics, long globalStep,
                            Map<ModelRole, CompactBoundary> boundaries, Map<ModelRole, int[][]> confusion,
                            Map<ModelRole, float[][]> strip) {

    /** A rough size of a snapshot's metrics (accuracies, losses, reliability bins of three models). */
    static final long METRICS_BYTES = 4096;

    public Phase phase() {
        return metrics.phase();
    }

    public int epoch() {
        return metrics.epoch();
    }

    /** Bytes this snapshot holds, counting shared pictures in full (so the budget is never underestimated). */
    public long bytes() {
        long bytes = METRICS_BYTES;
        for (CompactBoundary b : boundaries.values()) {
            bytes += b.bytes();
        }
        for (int[][] matrix : confusion.values()) {
            bytes += 16 + matrix.length * (16L + 4L * matrix.length + 8);
        }
        for (float[][] logits : strip.values()) {
            for (float[] row : logits) {
                bytes += 24 + 4L * row.length;
            }
        }
        return bytes;
    }

    /** The pictures to show for this epoch. */
    public EpochPictures pictures() {
        Map<ModelRole, RunEvent.Boundary> decoded = new EnumMap<>(ModelRole.class);
        boundaries.forEach((role, b) -> decoded.put(role, b.decode()));
        Map<ModelRole, Calibration.Reliability> reliability = new EnumMap<>(ModelRole.class);
        for (ModelRole role : ModelRole.values()) {
            metrics.quality(role).ifPresent(q -> reliability.put(role, q.reliability()));
        }
        return new EpochPictures(decoded, confusion, strip, reliability);
    }
}
