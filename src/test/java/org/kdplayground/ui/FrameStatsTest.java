package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void quantilesOfTheIntervalsBetweenFrames() {
        FrameStats stats = new FrameStats(1000);
        long t = 0;
        stats.frame(t);
        for (int i = 0; i < 99; i++) {
            t += 16_000_000;
            stats.frame(t);
        }
        t += 50_000_000; // one slow frame
        stats.frame(t);
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.quantileMillis(0.5)).isEqualTo(16.0);
        assertThat(stats.quantileMillis(0.99)).isEqualTo(16.0);
        assertThat(stats.quantileMillis(1.0)).isEqualTo(50.0);
        assertThat(stats.shareLongerThan(25)).isEqualTo(0.01);
        assertThat(stats.summary()).isEqualTo("100 frames, interval median 16.0 ms, p95 16.0 ms, p99 16.0 ms, "
                + "max 50.0 ms, 1.0% over 25 ms");
    }

    @Test
    void durationsAreRecordedAsGivenAndSummarisedAsWork() {
        FrameStats stats = new FrameStats(200);
        for (int i = 1; i <= 100; i++) {
            stats.duration(i * 100_000L); // 0.1 .. 10 ms
        }
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.quantileMillis(0.5)).isEqualTo(5.0);
        assertThat(stats.quantileMillis(0.99)).isEqualTo(9.9);
        assertThat(stats.durationSummary()).isEqualTo(
                "100 pulses, work median 5.0 ms, p95 9.5 ms, p99 9.9 ms, max 10.0 ms");
    }

    @Test
    void emptyHasNoQuantileAndResetForgets() {
        FrameStats stats = new FrameStats(10);
        assertThat(stats.quantileMillis(0.5)).isNaN();
        stats.frame(0);
        stats.frame(5_000_000);
        stats.reset();
        stats.frame(100_000_000);
        assertThat(stats.count()).isZero();
    }
}
