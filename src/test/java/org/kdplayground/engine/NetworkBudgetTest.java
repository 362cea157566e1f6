package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.kdplayground.data.Dataset;

import org.junit.jupiter.api.Test;

/** Networks too large for the machine are refused before they are allocated, with their need and the allowance. */
class NetworkBudgetTest {

    @Test
    void theEstimateCountsParametersFourTimesAndABatchsActivationsThreeTimes() {
        MlpSpec net = MlpSpec.of(10, 5); // 2-10-5-3: 30 + 55 + 18 = 103 parameters, 18 units
        assertThat(net.parameterCount(2, 3)).isEqualTo(103);
        assertThat(NetworkBudget.bytesFor(net, 2, 3, 4)).isEqualTo(103 * 16 + 4 * 18 * 12);
    }

    @Test
    void aTeacherOfTwoHundredThousandSquaredIsRefusedWithItsSizeWhatItNeedsAndWhatIsAllowed() {
        MlpSpec huge = MlpSpec.of(200_000, 200_000);
        assertThatThrownBy(() -> NetworkBudget.check(huge, MlpSpec.of(8), 2, 2, 64, 8_000_000_000L))
                .isInstanceOf(NetworkTooLargeException.class)
                .hasMessage("the teacher 2-200000-200000-2 relu has 40,001,200,002 parameters: teacher and student"
                        + " need about 640.3 GB of memory to train (weights, gradients, Adam's state and the"
                        + " activations of a batch of 64), more than the 8.0 GB a run may take on this machine; choose"
                        + " smaller hidden layers");
    }

    @Test
    void whatFitsPassesAndAnAbsurdSizeSaturatesInsteadOfOverflowing() {
        NetworkBudget.check(MlpSpec.of(256, 256), MlpSpec.of(16), 784, 10, 65_536, 2_000_000_000L);
        MlpSpec absurd = MlpSpec.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(NetworkBudget.bytesFor(absurd, 784, 10, 65_536)).isEqualTo(Long.MAX_VALUE);
        assertThat(NetworkBudget.allowed()).isPositive();
    }

    /** Every run is built through RunConfig, so no path (train, sweep, screen) allocates such a network. */
    @Test
    void aRunConfigWithATooLargeNetworkIsNotBuilt() {
        Dataset data = new Dataset("d", new float[][] {{0, 1}, {1, 0}}, new int[] {0, 1}, List.of("a", "b"), 0, 0);
        assertThatThrownBy(() -> RunConfig.builder(data, data).teacher(MlpSpec.of(200_000, 200_000)).build())
                .isInstanceOf(NetworkTooLargeException.class).hasMessageContaining("40,001,200,002 parameters");
    }
}
