package org.kdplayground.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * The stock scroll pane skin with its viewport left uncached. JavaFX caches the viewport as a bitmap, so any change
 * inside the pane (a slider thumb moving while it is dragged, a number being retyped) first renders the pane's whole
 * content into that bitmap again, and then draws the bitmap: on the software pipeline the explorer spent about 2 ms
 * of every frame doing so. The bitmap also blurs text at fractional UI scales. app.css gives every scroll pane this
 * skin ({@code -fx-skin}).
 */
public final class UncachedScrollPaneSkin extends ScrollPaneSkin {

    public UncachedScrollPaneSkin(ScrollPane pane) {
        super(pane);
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
