package org.kdplayground.ui;

import javafx.scene.Node;

/**
 * Whether a node can be seen: it and every parent visible (a tab pane hides the content of its other tabs). JavaFX
 * still renders what is drawn on a hidden canvas, so views in a hidden tab wait until it is shown.
 */
public final class TreeVisibility {

    private TreeVisibility() {
    }

    public static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
