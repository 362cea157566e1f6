package org.kdplayground.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The loss bar's axis keeps its labels apart however narrow the bar is drawn. */
class LossBarTest {

    @Test
    void aWideBarIsCutIntoQuarters() {
        assertThat(LossBar.tickDivisions(400, 30)).isEqualTo(4);
        assertThat(LossBar.tickDivisions(4 * (30 + 12), 30)).as("just wide enough").isEqualTo(4);
    }

    @Test
    void aNarrowerBarIsCutIntoHalvesThenOnlyItsEnds() {
        assertThat(LossBar.tickDivisions(4 * (30 + 12) - 1, 30)).isEqualTo(2);
        assertThat(LossBar.tickDivisions(2 * (30 + 12), 30)).isEqualTo(2);
        assertThat(LossBar.tickDivisions(2 * (30 + 12) - 1, 30)).isEqualTo(1);
        assertThat(LossBar.tickDivisions(10, 30)).isEqualTo(1);
    }

    @Test
    void longerLabelsNeedMoreRoom() {
        assertThat(LossBar.tickDivisions(200, 20)).isEqualTo(4);
        assertThat(LossBar.tickDivisions(200, 45)).isEqualTo(2);
    }
}
