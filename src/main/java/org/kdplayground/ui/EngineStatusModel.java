package org.kdplayground.ui;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;

/**
 * The engine's status on the FX thread, for every screen that shows it or depends on it (the status bar,
 * About, the training screen's Start button). The engine reports on its worker thread; this moves the news over.
 */
public final class EngineStatusModel {

    private final ReadOnlyObjectWrapper<EngineStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", EngineStatus.notStarted());
    private final Consumer<EngineStatus> listener = next -> runOnFxThread(() -> status.set(next));

    public ReadOnlyObjectProperty<EngineStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public EngineStatus getStatus() {
        return status.get();
    }

    /** Follows a service's status from now on. */
    public void follow(EngineService service) {
        service.addStatusListener(listener);
    }

    public void unfollow(EngineService service) {
        service.removeStatusListener(listener);
    }

    private static void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
