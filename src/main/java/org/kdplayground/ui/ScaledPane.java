package org.kdplayground.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;

/**
 * Shows its content enlarged by a factor (presentation mode, 100–200%): the content is laid out at the window's
 * size divided by the factor, then scaled up, so text, charts, margins and icons all grow together and stay sharp.
 */
public final class ScaledPane extends Pane {

    public static final double MIN_SCALE = 1.0;
    public static final double MAX_SCALE = 2.0;

    private final Parent content;
    private final Scale transform = new Scale(1, 1, 0, 0);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0) {
        @Override
        protected void invalidated() {
            double s = clamp(get());
            transform.setX(s);
            transform.setY(s);
            requestLayout();
        }
    };

    public ScaledPane(Parent content) {
        this.content = content;
        content.getTransforms().add(transform);
        getChildren().add(content);
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public Parent content() {
        return content;
    }

    static double clamp(double value) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, value));
    }

    @Override
    protected void layoutChildren() {
        double s = clamp(scale.get());
        content.resizeRelocate(0, 0, getWidth() / s, getHeight() / s);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * clamp(scale.get());
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * clamp(scale.get());
    }
}
