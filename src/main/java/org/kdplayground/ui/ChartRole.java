package org.kdplayground.ui;

/**
 * The roles that keep one colour on every chart (design.md): a series, bar or legend entry names its role, and
 * the role's paint comes from the theme's CSS ({@code -kd-paint-teacher: -kd-teacher;} and so on).
 */
public enum ChartRole {
    TEACHER("-kd-paint-teacher", false),
    STUDENT("-kd-paint-student", false),
    /** Dashed wherever it is a line: meaning never rests on colour alone. */
    BASELINE("-kd-paint-baseline", true),
    HARD("-kd-paint-hard", false),
    SOFT("-kd-paint-soft", false),
    /** DKD's target-class term: sky blue. */
    TCKD("-kd-paint-tckd", false),
    /** DKD's non-target term, the dark knowledge: the soft loss's colour, dashed, for it is a part of it. */
    NCKD("-kd-paint-nckd", true),
    TOTAL("-kd-paint-total", false);

    private final String cssProperty;
    private final boolean dashed;

    ChartRole(String cssProperty, boolean dashed) {
        this.cssProperty = cssProperty;
        this.dashed = dashed;
    }

    public String cssProperty() {
        return cssProperty;
    }

    public boolean dashed() {
        return dashed;
    }
}
