package org.kdplayground.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a screen's FXML with the live translation table in its namespace (see {@link I18n}) and its controller
 * made by the app's controller factory, so controllers get their services through their constructors.
 */
public final class ViewLoader {

    private final I18n i18n;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(I18n i18n, Callback<Class<?>, Object> controllerFactory) {
        this.i18n = Objects.requireNonNull(i18n);
        this.controllerFactory = Objects.requireNonNull(controllerFactory);
    }

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    /**
     * Loads {@code Name.fxml} next to the controller class ({@code explorer/ExplorerController} reads
     * {@code explorer/Explorer.fxml}).
     */
    public <C> View<C> load(Class<C> controllerClass) {
        String name = controllerClass.getSimpleName().replaceFirst("Controller$", "") + ".fxml";
        URL fxml = Objects.requireNonNull(controllerClass.getResource(name),
                () -> "missing FXML " + name + " for " + controllerClass.getName());
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.getNamespace().put(I18n.FXML_NAMESPACE, i18n.table());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
