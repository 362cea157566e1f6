package org.kdplayground.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;

/** Tooltips that explain: their text follows a binding (the language, a state) and wraps at a readable width. */
public final class Tooltips {

    /** The widest an explaining tooltip grows before it wraps (px). */
    static final double MAX_WIDTH = 420;

    private Tooltips() {
    }

    /** A tooltip showing {@code text}, wrapped at {@link #MAX_WIDTH}. */
    public static Tooltip wrapping(ObservableValue<String> text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(MAX_WIDTH);
        return tip;
    }
}
