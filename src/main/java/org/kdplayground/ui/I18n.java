package org.kdplayground.ui;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Every visible string of the app, in the current language, as observable values: a label bound to a key
 * follows a language switch at once, so switching rebuilds nothing and loses no state.
 *
 * <p>FXML reads the same table through the namespace variable {@value #FXML_NAMESPACE}:
 * {@code text="${i18n.explorer_title}"} is a live binding (keys use underscores, since FXML reads a dot as a
 * property path). Java code uses {@link #text(String)} and {@link #format(String, Object...)}.
 */
public final class I18n {

    /** The FXML namespace name of the translation table. */
    public static final String FXML_NAMESPACE = "i18n";

    static final String BUNDLE = "org.kdplayground.messages";

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObservableMap<String, String> table = FXCollections.observableHashMap();

    public I18n(Language initial) {
        language.addListener((obs, old, now) -> reload(now));
        language.set(Objects.requireNonNull(initial));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language getLanguage() {
        return language.get();
    }

    public void setLanguage(Language value) {
        language.set(Objects.requireNonNull(value));
    }

    /** The live translation table (key to text); FXML binds to it. */
    public ObservableMap<String, String> table() {
        return table;
    }

    /** The text of a key now; prefer {@link #text(String)} for anything that stays on screen. */
    public String get(String key) {
        String value = table.get(key);
        if (value == null) {
            throw new MissingResourceException("No text for key " + key, BUNDLE, key);
        }
        return value;
    }

    /** A binding to a key's text that follows the language. */
    public StringBinding text(String key) {
        get(key); // fail fast on a typo
        return Bindings.stringValueAt(table, key);
    }

    /**
     * A binding to a message with {@link MessageFormat} arguments ({@code {0}}, {@code {1}}, ...); arguments that are
     * {@link ObservableValue}s are followed too.
     */
    public StringBinding format(String key, Object... args) {
        get(key);
        Object[] dependencies = Arrays.stream(args).filter(ObservableValue.class::isInstance).toArray();
        Object[] allDependencies = Arrays.copyOf(dependencies, dependencies.length + 1);
        allDependencies[dependencies.length] = table;
        Observable[] observables = Arrays.stream(allDependencies)
                .map(Observable.class::cast).toArray(Observable[]::new);
        return Bindings.createStringBinding(() -> formatNow(key, args), observables);
    }

    /** A message with arguments, formatted now in the current language. */
    public String formatNow(String key, Object... args) {
        Object[] values = Arrays.stream(args)
                .map(arg -> arg instanceof ObservableValue<?> observable ? observable.getValue() : arg)
                .toArray();
        return new MessageFormat(get(key), getLanguage().locale()).format(values);
    }

    private void reload(Language now) {
        ResourceBundle bundle = load(now);
        Map<String, String> fresh = new HashMap<>();
        for (String key : bundle.keySet()) {
            fresh.put(key, bundle.getString(key));
        }
        // putAll (not clear + putAll) so that bound texts never see a missing key
        table.putAll(fresh);
        table.keySet().retainAll(fresh.keySet());
    }

    /** The bundle of a language, with no fallback to the system locale. */
    public static ResourceBundle load(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
