package org.kdplayground.training.live;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.ui.ChartRole;

/** How the three networks of a run appear: their chart role (colour, dash) and their name. */
public final class Roles {

    private Roles() {
    }

    public static ChartRole chartRole(ModelRole role) {
        return switch (role) {
            case TEACHER -> ChartRole.TEACHER;
            case DISTILLED -> ChartRole.STUDENT;
            case BASELINE -> ChartRole.BASELINE;
        };
    }

    /** The i18n key of the network's name. */
    public static String nameKey(ModelRole role) {
        return switch (role) {
            case TEACHER -> "series_teacher";
            case DISTILLED -> "series_distilled";
            case BASELINE -> "series_baseline";
        };
    }
}
