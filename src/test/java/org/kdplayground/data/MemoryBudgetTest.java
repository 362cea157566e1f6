package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A data set too large for the VM is refused before it is made, with what it needs and what the VM allows. */
class MemoryBudgetTest {

    @Test
    void aSizeBeyondTheBudgetIsRefusedWithBothFigures() {
        long need = MemoryBudget.bytesFor(100_000_000, 784); // 100 M images of 28x28
        assertThat(need).isEqualTo(100_000_000L * (784 * 8 + 60)); // raw and normalised rows
        assertThatThrownBy(() -> MemoryBudget.check("fashion-mnist", 100_000_000, 784, 8_000_000_000L))
                .isInstanceOf(DatasetException.class)
                .hasMessage("dataset fashion-mnist: 100,000,000 examples need about 633.2 GB of memory, more than the"
                        + " 6.0 GB this Java VM can give them; ask for fewer examples (or start Java with a larger"
                        + " -Xmx)");
    }

    @Test
    void whatFitsPasses() {
        MemoryBudget.check("two-moons", 1_000_000, 2, 1_000_000_000L); // 76 MB of 750 MB
        MemoryBudget.check(DatasetCatalog.FASHION_MNIST, 60_000); // the whole training file, in this test's VM
        assertThat(MemoryBudget.features(DatasetCatalog.DIGITS_8X8)).isEqualTo(64);
        assertThat(MemoryBudget.size(1_500_000)).isEqualTo("2 MB");
    }

    @Test
    void loadingChecksFirst() {
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.of("two-moons").withSize(Integer.MAX_VALUE)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("examples need about");
    }
}
