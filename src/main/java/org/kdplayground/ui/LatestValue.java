package org.kdplayground.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A value that another thread publishes and the screens observe on the FX thread: the engine's status, which the
 * engine reports on its worker, shown by the status bar, About and the training screen's Start button.
 */
public final class LatestValue<T> {

    private final ReadOnlyObjectWrapper<T> value;

    public LatestValue(T initial) {
        value = new ReadOnlyObjectWrapper<>(this, "value", initial);
    }

    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public T get() {
        return value.get();
    }

    /** Sets the value on the FX thread: at once when called there, else in a later FX task. */
    public void publish(T next) {
        if (Platform.isFxApplicationThread()) {
            value.set(next);
        } else {
            Platform.runLater(() -> value.set(next));
        }
    }
}
