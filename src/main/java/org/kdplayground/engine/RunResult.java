package org.kdplayground.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.kdplayground.engine.loss.LossPart;

/**
 * How a run ended and what it achieved. Maps hold only what was measured before the run stopped (a run cancelled
 * in its teacher phase has no student accuracies); no value is NaN.
 *
 * @param stopReason         why the run stopped
 * @param message            one line for the user (for DIVERGED: the likely cause and what to change)
 * @param device             where it trained, e.g. {@code cpu()}
 * @param teacherParameters  weights and biases of the teacher
 * @param studentParameters  weights and biases of each student
 * @param testAccuracy       final test accuracy per model
 * @param trainAccuracy      final accuracy on the labelled training rows per model (an omitted class's rows
 *                           included, though the students never trained on them)
 * @param finalLosses        last epoch's mean training loss per model (total loss for DISTILLED)
 * @param distilledParts     last student epoch's mean of each part of the distilled student's loss; empty when no
 *                           student epoch ended
 * @param teacherFromCache   whether the teacher was reused rather than trained
 * @param teacherMsPerEpoch  mean wall time of a teacher epoch's steps (0 when reused)
 * @param studentMsPerEpoch  mean wall time of a student epoch's steps (both students)
 * @param teacherMsPerStep   mean wall time of a teacher step (0 when reused)
 * @param studentMsPerStep   mean wall time of a student step (distilled and baseline together)
 * @param studentPhaseMsPerStep the students' whole phase per student step: the teacher's targets, the steps and each
 *                           epoch's measures (accuracies, calibration, fidelity) and listener calls; 0 unless the
 *                           phase ran to its end
 * @param totalMillis        wall time of the whole run, evaluation included
 * @param omittedClass       for a completed run that left a class out of the students' training rows, what their
 *                           bias correction for it did; empty otherwise
 * @param testQuality        final calibration on the test set per model and, for the students, fidelity to the
 *                           teacher
 */
public record RunResult(StopReason stopReason, String message, String device, long teacherParameters,
                        long studentParameters, Map<ModelRole, Double> testAccuracy,
                        Map<ModelRole, Double> trainAccuracy, Map<ModelRole, Double> finalLosses,
                        Map<LossPart, Double> distilledParts, boolean teacherFromCache,
                        double teacherMsPerEpoch, double studentMsPerEpoch, double teacherMsPerStep,
                        double studentMsPerStep, double studentPhaseMsPerStep, double totalMillis,
                        Optional<OmittedClassResult> omittedClass, Map<ModelRole, TestQuality> testQuality) {

    /** Why a run stopped. */
    public enum StopReason {
        COMPLETED,
        CANCELLED,
        /** A loss became NaN or infinite. */
        DIVERGED
    }

    public RunResult {
        testAccuracy = Map.copyOf(testAccuracy);
        trainAccuracy = Map.copyOf(trainAccuracy);
        finalLosses = Map.copyOf(finalLosses);
        distilledParts = Map.copyOf(distilledParts);
        Objects.requireNonNull(omittedClass, "omittedClass");
        testQuality = Map.copyOf(testQuality);
    }

    public Optional<TestQuality> quality(ModelRole role) {
        return Optional.ofNullable(testQuality.get(role));
    }

    public boolean completed() {
        return stopReason == StopReason.COMPLETED;
    }
}
