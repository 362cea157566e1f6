package org.kdplayground.app;

import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.Theme;

/** The main window's state: which screen shows, the theme and the language. Views bind to it. */
final class MainModel {

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.EXPLORER);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    /** Presentation mode's UI scale, 1.0 to 2.0. */
    private final DoubleProperty uiScale =
            new SimpleDoubleProperty(this, "uiScale", 1.0);
    private final BooleanProperty fullScreen =
            new SimpleBooleanProperty(this, "fullScreen", false);
    private final I18n i18n;
    private final Runnable quitAction;

    MainModel(I18n i18n, Theme initialTheme, Runnable quitAction) {
        this.i18n = Objects.requireNonNull(i18n);
        this.theme.set(Objects.requireNonNull(initialTheme));
        this.quitAction = Objects.requireNonNull(quitAction);
    }

    // ---- properties

    ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    DoubleProperty uiScaleProperty() {
        return uiScale;
    }

    BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    ObjectProperty<Language> languageProperty() {
        return i18n.languageProperty();
    }

    // ---- commands

    void navigate(Screen target) {
        screen.set(Objects.requireNonNull(target));
    }

    void useTheme(Theme target) {
        theme.set(Objects.requireNonNull(target));
    }

    void useLanguage(Language target) {
        i18n.setLanguage(target);
    }

    void useScale(double value) {
        uiScale.set(Math.max(1.0, Math.min(2.0, value)));
    }

    void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    void quit() {
        quitAction.run();
    }
}
