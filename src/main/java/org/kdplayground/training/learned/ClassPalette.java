package org.kdplayground.training.learned;

import javafx.scene.paint.Color;

/**
 * Colours for the classes of a data set (points, heatmaps, thumbnails' frames): muted hues, so they never read
 * as the role colours of teacher, student and baseline. Ten, for the ten digits.
 */
public final class ClassPalette {

    private static final Color[] COLORS = {
        Color.web("#5DA5DA"), Color.web("#F2A541"), Color.web("#60BD68"), Color.web("#F17CB0"),
        Color.web("#B276B2"), Color.web("#DECF3F"), Color.web("#4DC9C9"), Color.web("#F15854"),
        Color.web("#8C8C8C"), Color.web("#B2912F"),
    };

    private ClassPalette() {
    }

    public static Color of(int classIndex) {
        return COLORS[Math.floorMod(classIndex, COLORS.length)];
    }
}
