package org.kdplayground.training.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import org.kdplayground.ui.I18n;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds a text field to a {@link SetupField}: what is typed goes in, the field's problem shows in place. */
public final class FieldBinding {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final I18n i18n;
    private final ValidationSupport validation;

    public FieldBinding(I18n i18n, ValidationSupport validation) {
        this.i18n = i18n;
        this.validation = validation;
    }

    /** The text field gets the id {@code field-<id>} (lessons and tests find it by that). */
    public void bind(TextField text, SetupField<?> field) {
        text.setId("field-" + field.id());
        text.textProperty().bindBidirectional(field.textProperty());
        validation.registerValidator(text, false, (control, value) -> {
            SetupField.Problem problem = field.problemProperty().get();
            return ValidationResult.fromErrorIf(control, problem == null ? "" : describe(problem), problem != null);
        });
        field.problemProperty().addListener((obs, old, now) -> {
            text.pseudoClassStateChanged(DANGER, now != null);
            text.setTooltip(now == null ? null : new Tooltip(describe(now)));
        });
    }

    /** A field's problem in the current language, or "" while its text is valid; follows the language. */
    public StringBinding problemText(SetupField<?> field) {
        return Bindings.createStringBinding(() -> field.problemProperty().get() == null ? ""
                : describe(field.problemProperty().get()), field.problemProperty(), i18n.table());
    }

    /** A problem in the current language. */
    public String describe(SetupField.Problem problem) {
        return i18n.formatNow(problem.key(), problem.args());
    }
}
