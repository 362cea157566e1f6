package org.kdplayground.engine;

import java.util.Map;
import java.util.Optional;

/**
 * Accuracies and mean losses at the end of an epoch. In the teacher phase only the teacher is measured; in the
 * student phase the teacher's (fixed) accuracy is repeated beside both students', so a chart can draw all three.
 * "Train" accuracy is over the labelled training examples, those whose labels the run used.
 *
 * @param phase          which phase ended an epoch
 * @param epoch          1-based epoch within the phase
 * @param accuracies     per model, accuracy on the labelled training rows and on the test set
 * @param meanLosses     per model, the mean over the epoch's steps of its training loss (total for DISTILLED)
 * @param epochMillis    wall time of the epoch's steps, without evaluation
 * @param quality        per model, its calibration on the test set and, for the students, their fidelity to the
 *                       teacher
 */
public record EpochMetrics(Phase phase, int epoch, Map<ModelRole, Accuracy> accuracies,
                           Map<ModelRole, Double> meanLosses, double epochMillis, Map<ModelRole, TestQuality> quality) {

    public EpochMetrics {
        accuracies = Map.copyOf(accuracies);
        meanLosses = Map.copyOf(meanLosses);
        quality = Map.copyOf(quality);
    }

    /** Accuracies and losses alone, as a test's listener might see an epoch. */
    public EpochMetrics(Phase phase, int epoch, Map<ModelRole, Accuracy> accuracies,
                        Map<ModelRole, Double> meanLosses, double epochMillis) {
        this(phase, epoch, accuracies, meanLosses, epochMillis, Map.of());
    }

    /** Accuracies in [0, 1]; the test accuracy is NaN when the run has no test rows (charts skip it). */
    public record Accuracy(double train, double test) {
    }

    public Optional<Accuracy> accuracy(ModelRole role) {
        return Optional.ofNullable(accuracies.get(role));
    }

    public Optional<TestQuality> quality(ModelRole role) {
        return Optional.ofNullable(quality.get(role));
    }
}
