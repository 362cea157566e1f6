package org.kdplayground.ui;

import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Wrapping labels side by side (the captions over a row of charts) kept at the height of the tallest, so that when
 * a narrow window wraps one of them onto a second line what lies under them stays level.
 */
public final class SameHeight {

    private SameHeight() {
    }

    /** Keeps the labels at one height from now on: the tallest one's at its present width and text. */
    public static void of(Labeled... labels) {
        List<Labeled> all = List.of(labels);
        InvalidationListener level = ignored -> level(all);
        for (Labeled label : all) {
            label.widthProperty().addListener(level);
            label.textProperty().addListener(level);
            label.fontProperty().addListener(level);
        }
        level(all);
    }

    private static void level(List<Labeled> labels) {
        double tallest = 0;
        for (Labeled label : labels) {
            // the height it asks for itself: a minimum already set would be counted in
            label.setMinHeight(Region.USE_COMPUTED_SIZE);
            double width = label.getWidth() > 0 ? label.getWidth() : -1;
            tallest = Math.max(tallest, label.prefHeight(width));
        }
        for (Labeled label : labels) {
            label.setMinHeight(tallest);
        }
    }
}
