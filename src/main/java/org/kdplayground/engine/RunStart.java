package org.kdplayground.engine;

/**
 * Sent once before the first step, so the UI can label the charts.
 *
 * @param device               where the networks train, e.g. {@code cpu()}
 * @param teacherParameters    weights and biases of the teacher
 * @param studentParameters    weights and biases of each student
 * @param teacherFromCache     true when a trained teacher was reused and the teacher phase is skipped
 * @param teacherStepsPerEpoch steps in one teacher epoch
 * @param studentStepsPerEpoch steps in one student epoch
 * @param labelledRows         training rows whose labels are used
 * @param trainingRows         all training rows
 */
public record RunStart(String device, long teacherParameters, long studentParameters, boolean teacherFromCache,
                       int teacherStepsPerEpoch, int studentStepsPerEpoch, int labelledRows, int trainingRows) {
}
