package org.kdplayground.training.setup;

import java.util.List;
import java.util.function.LongSupplier;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.MemoryBudget;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NetworkBudget;
import org.kdplayground.engine.NetworkTooLargeException;

/**
 * Whether the typed teacher and student fit this machine's memory with the typed batch size ({@link NetworkBudget}):
 * the set-up panel says so below the networks and keeps Start disabled, before anything is allocated.
 */
final class NetworkFit {

    private final LongSupplier allowedBytes;

    NetworkFit(LongSupplier allowedBytes) {
        this.allowedBytes = allowedBytes;
    }

    /** Why these networks cannot be trained here, or null when they fit (or a field they need is not valid yet). */
    SetupField.Problem problem(DatasetCatalog data, int classes, List<Integer> teacher, List<Integer> student,
                              Double batchSize) {
        if (data == null || teacher == null || student == null || batchSize == null || classes < 2) {
            return null;
        }
        try {
            NetworkBudget.check(MlpSpec.of(teacher.toArray(Integer[]::new)),
                    MlpSpec.of(student.toArray(Integer[]::new)), MemoryBudget.features(data), classes, batchSize.intValue(), allowedBytes.getAsLong());
            return null;
        } catch (NetworkTooLargeException e) {
            return new SetupField.Problem("setup_error_network_memory", MemoryBudget.size(e.needBytes()),
                    MemoryBudget.size(e.allowedBytes()));
        }
    }
}
