package org.kdplayground.math;

/** Argument checks shared by the math classes, so every entry point fails with the same clear message. */
final class Checks {

    private Checks() {
    }

    static void logits(String name, double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + logits[i]);
            }
        }
    }

    static void probabilities(String name, double[] p) {
        if (p == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (p.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0.0) || p[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] is not a probability: " + p[i]);
            }
        }
    }

    static void sameLength(String firstName, double[] first, String secondName, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(firstName + " has " + first.length + " classes but "
                    + secondName + " has " + second.length);
        }
    }

    static void output(double[] out, int length) {
        if (out == null) {
            throw new IllegalArgumentException("output array must not be null");
        }
        if (out.length != length) {
            throw new IllegalArgumentException(
                    "output array has length " + out.length + " but " + length + " classes are needed");
        }
    }

    static void temperature(double temperature) {
        if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
    }

    static void alpha(double alpha) {
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be within [0, 1], got " + alpha);
        }
    }

    static void label(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is out of range for " + classes
                    + " classes (0 to " + (classes - 1) + ")");
        }
    }
}
