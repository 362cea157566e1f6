package org.kdplayground.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kdplayground.math.BiasShift;

/**
 * After the students trained without one class: raises each student's logit for that class until it predicts the
 * class on as many training inputs as the teacher does (no labels used), and counts the test errors before and after.
 */
final class OmittedClassCorrection {

    private static final int CHUNK = ModelEvaluator.EVALUATION_CHUNK;

    private OmittedClassCorrection() {
    }

    static OmittedClassResult correct(RunConfig config, ModelEvaluator evaluator, float[][] trainFeatures,
                                      float[][] testFeatures, Map<ModelRole, TrainableNet> nets) {
        int omitted = config.settings().omittedClass();
        int[] trainLabels = config.train().labels();
        int[] testLabels = config.test().labels();
        int trainRows = trainLabels.length;
        TrainableNet teacher = nets.get(ModelRole.TEACHER);
        int target = BiasShift.predictions(evaluator.logits(teacher, trainFeatures, trainRows, CHUNK), omitted);
        BiasShift.Errors teacherErrors = BiasShift.errors(evaluator.logits(teacher, testFeatures, testLabels.length,
                CHUNK), testLabels, omitted, 0);
        Map<ModelRole, OmittedClassResult.Correction> corrections = new EnumMap<>(ModelRole.class);
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
            TrainableNet student = nets.get(role);
            float[][] onTrain = evaluator.logits(student, trainFeatures, trainRows, CHUNK);
            float[][] onTest = evaluator.logits(student, testFeatures, testLabels.length, CHUNK);
            double shift = BiasShift.choose(onTrain, omitted, target);
            BiasShift.Errors before = BiasShift.errors(onTest, testLabels, omitted, 0);
            BiasShift.Errors after = BiasShift.errors(onTest, testLabels, omitted, shift);
            corrections.put(role, new OmittedClassResult.Correction(shift,
                    BiasShift.predictions(onTrain, omitted, 0), BiasShift.predictions(onTrain, omitted, shift),
                    before.total(), before.onClass(), after.total(), after.onClass(), after.accuracy()));
        }
        int omittedRows = 0;
        for (int label : trainLabels) {
            omittedRows += label == omitted ? 1 : 0;
        }
        return new OmittedClassResult(omitted, config.train().classNames().get(omitted), omittedRows, target,
                testLabels.length, teacherErrors.classRows(), teacherErrors.total(), teacherErrors.onClass(),
                corrections);
    }
}
