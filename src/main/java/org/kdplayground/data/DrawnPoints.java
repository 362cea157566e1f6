package org.kdplayground.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Points a learner drew on the plane, each with its class (coordinates kept at float precision, as training uses
 * them): the "drawn" data set, kept in workspace and experiment
 * files as {@code [[x, y, class], ...]}. Immutable. Any list of finite points with classes in range is a value; whether
 * it can be trained on (at least {@link #MIN_CLASSES} classes of {@link #MIN_PER_CLASS} points, at most
 * {@link #MAX_POINTS} points) is {@link #problem()}, so the drawing tool can hold a half-drawn set and say what it
 * lacks.
 */
public final class DrawnPoints {

    /** The most classes a drawing may have (the class palette's first six colours). */
    public static final int MAX_CLASSES = 6;
    public static final int MIN_CLASSES = 2;
    public static final int MIN_PER_CLASS = 4;
    public static final int MAX_POINTS = 20_000;

    /** No points. */
    public static final DrawnPoints EMPTY = new DrawnPoints(new double[0], new double[0], new int[0]);

    private final double[] xs;
    private final double[] ys;
    private final int[] classes;

    /**
     * @throws IllegalArgumentException when the arrays differ in length, a coordinate is not finite or a class is
     *                                  outside 0 to {@code MAX_CLASSES - 1}
     */
    public DrawnPoints(double[] xs, double[] ys, int[] classes) {
        if (xs.length != ys.length || xs.length != classes.length) {
            throw new IllegalArgumentException("drawn points: " + xs.length + " x, " + ys.length + " y and "
                    + classes.length + " classes");
        }
        xs = xs.clone();
        ys = ys.clone();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = asFloat(xs[i]);
            ys[i] = asFloat(ys[i]);
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("drawn point " + i + " is not a finite (x, y): (" + xs[i] + ", "
                        + ys[i] + ")");
            }
            if (classes[i] < 0 || classes[i] >= MAX_CLASSES) {
                throw new IllegalArgumentException("drawn point " + i + " has class " + classes[i] + "; classes are 0"
                        + " to " + (MAX_CLASSES - 1));
            }
        }
        this.xs = xs;
        this.ys = ys;
        this.classes = classes.clone();
    }

    /**
     * A coordinate at the precision training uses (a float), as its shortest decimal: 0.1f is kept as 0.1, so a file
     * holds the numbers as drawn and reads back equal.
     */
    private static double asFloat(double v) {
        float f = (float) v;
        return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : Double.NaN;
    }

    /** The points of a 2-D data set (e.g. a synthetic one, to edit it), keeping at most {@link #MAX_POINTS}. */
    public static DrawnPoints of(Dataset data) {
        if (data.featureCount() != 2 || data.isImage()) {
            throw new IllegalArgumentException("only 2-D data can be drawn, " + data.name() + " has "
                    + data.featureCount() + " features");
        }
        int n = Math.min(data.size(), MAX_POINTS);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = data.features()[i][0];
            y[i] = data.features()[i][1];
            c[i] = Math.min(data.labels()[i], MAX_CLASSES - 1);
        }
        return new DrawnPoints(x, y, c);
    }

    public int size() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    public int classOf(int i) {
        return classes[i];
    }

    /** The highest class drawn plus one (0 when empty). */
    public int classSpan() {
        int max = -1;
        for (int c : classes) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /** How many points each class 0 to {@link #MAX_CLASSES} − 1 has. */
    public int[] countsPerClass() {
        int[] counts = new int[MAX_CLASSES];
        for (int c : classes) {
            counts[c]++;
        }
        return counts;
    }

    /** These points and one more. */
    public DrawnPoints plus(double x, double y, int cls) {
        DrawnPoints one = new DrawnPoints(new double[] {x}, new double[] {y}, new int[] {cls});
        return new DrawnPoints(append(xs, one.xs[0]), append(ys, one.ys[0]), appendInt(classes, cls), true);
    }

    /** Points already checked (their own or a checked point's), taken as they are. */
    private DrawnPoints(double[] xs, double[] ys, int[] classes, boolean checked) {
        this.xs = xs;
        this.ys = ys;
        this.classes = classes;
    }

    /** These points without those within {@code radius} of (x, y). */
    public DrawnPoints without(double x, double y, double radius) {
        int keep = 0;
        boolean[] kept = new boolean[size()];
        for (int i = 0; i < size(); i++) {
            kept[i] = Math.hypot(xs[i] - x, ys[i] - y) > radius;
            keep += kept[i] ? 1 : 0;
        }
        double[] nx = new double[keep];
        double[] ny = new double[keep];
        int[] nc = new int[keep];
        for (int i = 0, k = 0; i < size(); i++) {
            if (kept[i]) {
                nx[k] = xs[i];
                ny[k] = ys[i];
                nc[k++] = classes[i];
            }
        }
        return new DrawnPoints(nx, ny, nc, true);
    }

    /** Why these points cannot be trained on, or null when they can. */
    public Problem problem() {
        if (size() > MAX_POINTS) {
            return new Problem(Problem.Kind.TOO_MANY, size());
        }
        int[] counts = countsPerClass();
        int present = 0;
        for (int count : counts) {
            present += count > 0 ? 1 : 0;
        }
        if (present < MIN_CLASSES) {
            return new Problem(Problem.Kind.TOO_FEW_CLASSES, present);
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] < MIN_PER_CLASS) {
                return new Problem(Problem.Kind.TOO_FEW_IN_A_CLASS, c);
            }
        }
        return null;
    }

    /**
     * Why a drawing cannot be trained on.
     *
     * @param value the points (TOO_MANY), the classes drawn (TOO_FEW_CLASSES) or the class short of points
     */
    public record Problem(Kind kind, int value) {
        public enum Kind { TOO_FEW_CLASSES, TOO_FEW_IN_A_CLASS, TOO_MANY }

        /** In English, for the command line and files (the screen translates the kind). */
        public String describe() {
            return switch (kind) {
                case TOO_FEW_CLASSES -> String.format(Locale.ROOT, "draw points of at least %d classes (%d drawn)",
                        MIN_CLASSES, value);
                case TOO_FEW_IN_A_CLASS -> String.format(Locale.ROOT, "class %d has fewer than %d points", value,
                        MIN_PER_CLASS);
                case TOO_MANY -> String.format(Locale.ROOT, "%,d points: at most %,d can be drawn", value,
                        MAX_POINTS);
            };
        }
    }

    /**
     * The data set to train on; its classes are 0 to {@link #classSpan()} − 1 (a class left empty between drawn
     * ones stays, with no points).
     *
     * @throws DatasetException saying what the drawing lacks
     */
    public Dataset toDataset() {
        Problem problem = problem();
        if (problem != null) {
            throw new DatasetException("dataset drawn: " + problem.describe());
        }
        return sketch();
    }

    /** The points as a data set whatever they lack, to show them while they are drawn (never to train on). */
    public Dataset sketch() {
        float[][] rows = new float[size()][];
        for (int i = 0; i < size(); i++) {
            rows[i] = new float[] {(float) xs[i], (float) ys[i]};
        }
        String[] names = new String[Math.max(1, classSpan())];
        Arrays.setAll(names, Integer::toString);
        return new Dataset("drawn", rows, classes.clone(), List.of(names), 0, 0);
    }

    private static double[] append(double[] values, double v) {
        double[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    private static int[] appendInt(int[] values, int v) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrawnPoints p && Arrays.equals(xs, p.xs) && Arrays.equals(ys, p.ys)
                && Arrays.equals(classes, p.classes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(xs) + Arrays.hashCode(ys)) + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
        return "DrawnPoints[" + size() + " points]";
    }
}
