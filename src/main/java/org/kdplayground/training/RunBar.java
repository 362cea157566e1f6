package org.kdplayground.training;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;

import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Tooltips;

/**
 * The run bar over the charts, bound to the {@link TrainingModel}: Start (with why it cannot start, on hover), Pause or
 * Resume, Stop, the progress and the run's message beside it.
 */
final class RunBar {

    /** The bar's controls, from the screen's FXML. */
    record Controls(Button start, Button pause, Button stop, ProgressBar progress, Label progressText,
                    Label message) {
    }

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private RunBar() {
    }

    static void bind(TrainingModel model, I18n i18n, Controls c) {
        var state = model.stateProperty();
        c.start().disableProperty().bind(model.canStartProperty().not());
        Tooltip startTip = new Tooltip();
        startTip.textProperty().bind(Bindings.createStringBinding(() -> {
            String blocked = model.startBlockedReason().get();
            return blocked.isEmpty() ? i18n.get("training_start_tooltip") : blocked;
        }, model.startBlockedReason(), i18n.table()));
        c.start().setTooltip(startTip);
        c.pause().textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                state.get() == RunState.PAUSED ? "training_resume" : "training_pause"), state, i18n.table()));
        c.pause().disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get() != RunState.TRAINING && state.get() != RunState.PAUSED, state));
        c.stop().disableProperty().bind(Bindings.createBooleanBinding(
                () -> !state.get().busy() || state.get() == RunState.STOPPING, state));
        c.progress().progressProperty().bind(model.progressProperty());
        c.progressText().textProperty().bind(model.progressTextProperty());
        c.progressText().managedProperty().bind(c.progressText().textProperty().isNotEmpty());
        // beside the progress the message may be cut short: whole on hover
        c.message().setTooltip(Tooltips.wrapping(c.message().textProperty()));
        c.message().textProperty().bind(Bindings.createStringBinding(() -> {
            String msg = model.messageProperty().get();
            String blocked = model.startBlockedReason().get();
            return msg.isEmpty() && !state.get().busy() ? blocked : msg;
        }, model.messageProperty(), model.startBlockedReason(), state));
        model.messageIsErrorProperty().addListener((obs, old, now) -> c.message().pseudoClassStateChanged(ERROR, now));
    }
}
