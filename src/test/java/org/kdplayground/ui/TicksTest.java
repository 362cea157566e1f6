package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void linearTicksFallOnNiceValues() {
        assertThat(Ticks.of(0, 1, 5, false)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(Ticks.of(0, 1000, 5, false)).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
        assertThat(Ticks.of(3, 17, 3, false)).containsExactly(5.0, 10.0, 15.0);
    }

    @Test
    void logTicksAreDecades() {
        assertThat(Ticks.of(0.01, 10, 5, true)).containsExactly(0.01, 0.1, 1.0, 10.0);
    }

    @Test
    void emptyForAnEmptyRange() {
        assertThat(Ticks.of(1, 1, 5, false)).isEmpty();
    }

    @Test
    void labelsAreShort() {
        assertThat(Ticks.format(0)).isEqualTo("0");
        assertThat(Ticks.format(1200)).isEqualTo("1,200");
        assertThat(Ticks.format(0.25)).isEqualTo("0.25");
        assertThat(Ticks.format(0.0001)).isEqualTo("1e-04");
    }

    @Test
    void percentLabelsRoundAwayBinaryNoise() {
        assertThat(Ticks.percent(0.05)).isEqualTo("5%");
        assertThat(Ticks.percent(0.15000000000000002)).isEqualTo("15%");
        assertThat(Ticks.percent(0.025)).isEqualTo("2.5%");
        assertThat(Ticks.percent(1)).isEqualTo("100%");
    }
}
