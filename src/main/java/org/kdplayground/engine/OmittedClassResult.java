package org.kdplayground.engine;

import java.util.Map;
import java.util.Objects;

/**
 * What happened to a class the students never saw (Hinton et al. 2015, section 3): the test errors of each student
 * before and after its bias for that class was raised. The shift is chosen without labels: the smallest {@code b
 * >= 0} added to the class's output logit after which the student predicts the class on as many training inputs
 * (all training rows, unlabelled) as the frozen teacher does.
 *
 * @param omittedClass        the class left out of the students' training rows
 * @param className           its name
 * @param omittedTrainingRows training rows of that class the students never saw
 * @param teacherPredictions  training rows the teacher predicts as that class: the count each shift aims for
 * @param testRows            test rows
 * @param testClassRows       test rows of that class
 * @param teacherTestErrors   the teacher's test errors (for comparison; it trained on the class)
 * @param teacherClassErrors  the teacher's test errors on that class
 * @param students            per student ({@link ModelRole#DISTILLED}, {@link ModelRole#BASELINE}), its correction
 */
public record OmittedClassResult(int omittedClass, String className, int omittedTrainingRows, int teacherPredictions,
                                 int testRows, int testClassRows, int teacherTestErrors, int teacherClassErrors,
                                 Map<ModelRole, Correction> students) {

    public OmittedClassResult {
        Objects.requireNonNull(className, "className");
        students = Map.copyOf(students);
        check(testClassRows <= testRows, "class rows above all rows");
        check(teacherClassErrors <= teacherTestErrors && teacherTestErrors <= testRows
                && teacherClassErrors <= testClassRows, "teacher errors out of range");
        for (Correction c : students.values()) {
            check(c.testErrorsBefore() <= testRows && c.testErrorsAfter() <= testRows
                    && c.classErrorsBefore() <= testClassRows && c.classErrorsAfter() <= testClassRows
                    && c.classErrorsBefore() <= c.testErrorsBefore() && c.classErrorsAfter() <= c.testErrorsAfter(),
                    "student errors out of range");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what);
        }
    }

    /** The correction of one student, or null when it has none (the teacher). */
    public Correction of(ModelRole role) {
        return students.get(role);
    }

    /**
     * One student's bias correction.
     *
     * @param biasShift         b, added to the omitted class's logit
     * @param predictionsBefore training rows the student predicts as the class without the shift
     * @param predictionsAfter  with the shift: at least the teacher's count (more only when rows tie)
     * @param testErrorsBefore  test errors without the shift
     * @param classErrorsBefore test errors on the class's rows without the shift
     * @param testErrorsAfter   test errors with the shift
     * @param classErrorsAfter  test errors on the class's rows with the shift
     * @param testAccuracyAfter test accuracy with the shift, in [0, 1]
     */
    public record Correction(double biasShift, int predictionsBefore, int predictionsAfter, int testErrorsBefore,
                             int classErrorsBefore, int testErrorsAfter, int classErrorsAfter,
                             double testAccuracyAfter) {

        public Correction {
            check(biasShift >= 0 && Double.isFinite(biasShift), "bias shift must be finite and >= 0: " + biasShift);
            check(predictionsAfter >= predictionsBefore, "a shift never lowers the predictions of its class");
            check(Math.min(Math.min(predictionsBefore, testErrorsBefore), Math.min(classErrorsBefore,
                    Math.min(testErrorsAfter, classErrorsAfter))) >= 0, "counts must be >= 0");
        }
    }
}
