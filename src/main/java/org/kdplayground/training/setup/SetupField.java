package org.kdplayground.training.setup;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One typed value of the set-up panel: the text the user types, the last valid value parsed from it, and the
 * problem with the text when there is one (an i18n key with arguments). Invalid text never loses the last valid
 * value; it only flags the field and keeps Start disabled.
 */
public final class SetupField<T> {

    /** Why a text is not a valid value: the message's i18n key and its arguments. */
    public record Problem(String key, Object... args) {
    }

    /** Thrown by a parser with the problem to show. */
    public static final class Invalid extends Exception {
        private final Problem problem;

        Invalid(String key, Object... args) {
            super(key, null, false, false);
            this.problem = new Problem(key, args);
        }

        Problem problem() {
            return problem;
        }
    }

    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws Invalid;
    }

    private final String id;
    private final Parser<T> parser;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<T> value = new SimpleObjectProperty<>(this, "value");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    public SetupField(String id, Parser<T> parser, String initialText) {
        this.id = Objects.requireNonNull(id);
        this.parser = Objects.requireNonNull(parser);
        text.addListener((obs, old, now) -> reparse());
        text.set(initialText);
        if (problem.get() != null) {
            throw new IllegalArgumentException(id + ": invalid initial text " + initialText);
        }
    }

    private void reparse() {
        try {
            value.set(parser.parse(text.get() == null ? "" : text.get().strip()));
            problem.set(null);
        } catch (Invalid e) {
            problem.set(e.problem());
        }
    }

    /** Parses the text again, for a parser whose rules changed (a sweep list when its setting changes). */
    public void revalidate() {
        reparse();
    }

    /** Whether this text would be a valid value (the field is left as it is). */
    public boolean accepts(String candidate) {
        try {
            parser.parse(candidate.strip());
            return true;
        } catch (Invalid e) {
            return false;
        }
    }

    public String id() {
        return id;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The last valid value. */
    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T value() {
        return value.get();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isValid() {
        return problem.get() == null;
    }
}
