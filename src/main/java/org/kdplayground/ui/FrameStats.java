package org.kdplayground.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame intervals of the FX thread while something streams (the gaps between AnimationTimer calls): if the FX
 * thread keeps up, they stay at the display's period (16.7 ms at 60 Hz). Or, recorded with {@link #duration}, how
 * long each pulse kept the FX thread busy. One instance records one of the two. Records into a fixed array; not
 * thread-safe (FX thread only).
 */
public final class FrameStats {

    private final long[] samples;
    private int count;
    private long last = -1;

    public FrameStats(int capacity) {
        samples = new long[capacity];
    }

    public void reset() {
        count = 0;
        last = -1;
    }

    /** Records a frame at {@code nanos} (the AnimationTimer's timestamp). */
    public void frame(long nanos) {
        if (last >= 0 && count < samples.length) {
            samples[count++] = nanos - last;
        }
        last = nanos;
    }

    /** Records one pulse's duration (the FX thread's work on it), in nanoseconds. */
    public void duration(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    public int count() {
        return count;
    }

    /** The q-quantile (0..1) of the samples in milliseconds, nearest rank; NaN when none were recorded. */
    public double quantileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    /**
     * The share (0..1) of samples longer than {@code millis}: at 60 Hz an interval over 25 ms (1.5 periods) means
     * at least one frame the display showed twice.
     */
    public double shareLongerThan(double millis) {
        if (count == 0) {
            return Double.NaN;
        }
        int longer = 0;
        for (int i = 0; i < count; i++) {
            longer += samples[i] > millis * 1e6 ? 1 : 0;
        }
        return longer / (double) count;
    }

    /** The {@link #duration} records: how long the pulses kept the FX thread busy. */
    public String durationSummary() {
        return String.format(Locale.ROOT, "%d pulses, work median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                count, quantileMillis(0.5), quantileMillis(0.95), quantileMillis(0.99), quantileMillis(1.0));
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "%d frames, interval median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.1f%% over 25 ms",
                count, quantileMillis(0.5), quantileMillis(0.95), quantileMillis(0.99), quantileMillis(1.0),
                shareLongerThan(25) * 100);
    }
}
