package org.kdplayground.ui;

import java.util.List;

/**
 * One example's logits from a trained teacher and student, handed from the training screen to the explorer
 * ("open in the Explorer"), so the learner can take a real prediction apart with the sliders.
 *
 * @param classNames  the class names, in class order
 * @param teacher     the teacher's logits
 * @param student     the distilled student's logits
 * @param label       the true class
 * @param temperature T of the run
 * @param alpha       α of the run
 */
public record LogitsExample(List<String> classNames, double[] teacher, double[] student, int label,
                            double temperature, double alpha) {

    public LogitsExample {
        classNames = List.copyOf(classNames);
        teacher = teacher.clone();
        student = student.clone();
        if (teacher.length != classNames.size() || student.length != classNames.size()) {
            throw new IllegalArgumentException("one logit per class is needed");
        }
        if (label < 0 || label >= classNames.size()) {
            throw new IllegalArgumentException("label out of range: " + label);
        }
    }
}
