package org.kdplayground.explorer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The explorer's classes at one moment: their names and the teacher's and student's logits, always of one length.
 * Immutable, so a change replaces the whole value at once and every view sees a consistent set.
 *
 * <p>The arrays are shared, not copied, on the way out (the charts read them at display rate): callers must not
 * modify them.
 */
public record ClassLogits(List<String> names, double[] teacher, double[] student) {

    public ClassLogits {
        names = List.copyOf(Objects.requireNonNull(names));
        teacher = teacher.clone();
        student = student.clone();
        if (teacher.length != names.size() || student.length != names.size()) {
            throw new IllegalArgumentException("names, teacher and student must have one length");
        }
    }

    /** Default names: the class index, as PyTorch's labels count them. */
    static List<String> indexNames(int classes) {
        return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
    }

    /** Number of classes. */
    public int classes() {
        return names.size();
    }

    /** The logits of one side. */
    public double[] of(Role role) {
        return role == Role.TEACHER ? teacher : student;
    }

    /** This value with one side's logits replaced (same length). */
    ClassLogits with(Role role, double[] logits) {
        return role == Role.TEACHER ? new ClassLogits(names, logits, student) : new ClassLogits(names, teacher, logits);
    }

    /** The logits of a side with one entry changed. */
    ClassLogits withLogit(Role role, int index, double value) {
        double[] changed = of(role).clone();
        changed[index] = value;
        return with(role, changed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassLogits other && names.equals(other.names)
                && Arrays.equals(teacher, other.teacher) && Arrays.equals(student, other.student);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, Arrays.hashCode(teacher), Arrays.hashCode(student));
    }

    @Override
    public String toString() {
        return "ClassLogits" + names + " teacher " + Arrays.toString(teacher)
                + " student " + Arrays.toString(student);
    }

    /** Which model's logits. */
    public enum Role {
        TEACHER, STUDENT
    }
}
