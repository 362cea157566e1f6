package org.kdplayground.ui;

import javafx.scene.control.Slider;
import javafx.scene.input.KeyEvent;

/** Keyboard steps for sliders: arrows move by the block increment, Page Up/Down by a larger step. */
public final class Sliders {

    private Sliders() {
    }

    /** Makes Page Up and Page Down move the slider by {@code largeStep}. */
    public static void pageKeys(Slider slider, double largeStep) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case PAGE_UP -> {
                    slider.setValue(Math.min(slider.getMax(), slider.getValue() + largeStep));
                    event.consume();
                }
                case PAGE_DOWN -> {
                    slider.setValue(Math.max(slider.getMin(), slider.getValue() - largeStep));
                    event.consume();
                }
                default -> {
                }
            }
        });
    }
}
