package org.kdplayground.explorer;

import java.util.function.DoubleConsumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.Sliders;

/**
 * The loss method's part of the controls: the method choice and its one-line note, and DKD's three weights, each a
 * slider with a text field that is checked like the other fields (bad text is reported, outlined and changes
 * nothing). Each weight lives in the model whatever the method, so nothing typed is lost on switching.
 */
final class MethodControls {

    private final ExplorerModel model;
    private final I18n i18n;

    MethodControls(ExplorerModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    /** The choice, labelled as on the training screen's set-up, and the note under it. */
    void bindChoice(ChoiceBox<LossMethod> box, Label note) {
        box.getItems().setAll(LossMethod.values());
        relabel(box);
        i18n.languageProperty().addListener((obs, old, now) -> relabel(box));
        box.valueProperty().bindBidirectional(model.lossChoice().methodProperty());
        note.textProperty().bind(byMethod(model.lossChoice().methodProperty(), i18n.text("explorer_method_note_hinton"),
                i18n.text("explorer_method_note_dkd"), i18n.text("explorer_method_note_lskd")));
    }

    private void relabel(ChoiceBox<LossMethod> box) {
        LossMethod chosen = box.getValue();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(LossMethod method) {
                return method == null ? "" : i18n.get(switch (method) {
                    case HINTON -> "loss_hinton";
                    case DKD -> "loss_dkd";
                    case LSKD -> "loss_lskd";
                });
            }

            @Override
            public LossMethod fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        box.setValue(chosen);
    }

    /** One of DKD's weights: a slider over its range and a text field, both following the model. */
    void bindWeight(NumericSetting setting, Slider slider, TextField field, Predicate<String> fromText) {
        DoubleProperty weight = switch (setting) {
            case CE_WEIGHT -> model.lossChoice().ceWeightProperty();
            case DKD_ALPHA -> model.lossChoice().dkdAlphaProperty();
            case DKD_BETA -> model.lossChoice().dkdBetaProperty();
            default -> throw new IllegalArgumentException(setting + " is not one of DKD's weights");
        };
        slider.setMin(setting.range().min());
        slider.setMax(setting.range().max());
        Sliders.pageKeys(slider, (setting.range().max() - setting.range().min()) / 10);
        double perUnit = Math.round(1 / slider.getBlockIncrement()); // the slider moves in block increments
        LossChoice choice = model.lossChoice();
        new WeightInput(weight, slider, field, v -> choice.setDkdWeight(setting, Math.round(v * perUnit) / perUnit),
                fromText).show();
    }

    /** A text that follows the method: Hinton's, DKD's or LSKD's. */
    static StringBinding byMethod(ObservableValue<LossMethod> method, StringBinding hinton, StringBinding dkd,
                                  StringBinding lskd) {
        return Bindings.createStringBinding(() -> switch (method.getValue()) {
            case HINTON -> hinton.get();
            case DKD -> dkd.get();
            case LSKD -> lskd.get();
        }, method, hinton, dkd, lskd);
    }

    /** Shows {@code node} (and gives it room) only for the methods {@code shown} accepts. */
    static void showFor(Node node, ObservableValue<LossMethod> method, Predicate<LossMethod> shown) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> shown.test(method.getValue()), method));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** A slider and a text field on one weight, kept in step without feedback loops. */
    private static final class WeightInput {
        private final DoubleProperty weight;
        private final Slider slider;
        private final TextField field;
        private boolean syncing;

        WeightInput(DoubleProperty weight, Slider slider, TextField field,
                    DoubleConsumer fromSlider, Predicate<String> fromText) {
            this.weight = weight;
            this.slider = slider;
            this.field = field;
            slider.valueProperty().addListener((obs, old, now) -> {
                if (!syncing) {
                    syncing = true;
                    fromSlider.accept(now.doubleValue());
                    syncing = false;
                }
            });
            weight.addListener((obs, old, now) -> show());
            field.setOnAction(e -> commit(fromText));
            field.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    commit(fromText);
                    if (field.getPseudoClassStates().contains(LogitsEditor.INVALID)) {
                        show(); // the kept value again; the message says why
                    }
                }
            });
        }

        private void commit(Predicate<String> fromText) {
            if (field.getPseudoClassStates().contains(LogitsEditor.INVALID)
                    || !field.getText().equals(NumberFormats.editable(weight.get()))) {
                boolean ok = fromText.test(field.getText());
                field.pseudoClassStateChanged(LogitsEditor.INVALID, !ok);
            }
        }

        void show() {
            if (!syncing) {
                syncing = true;
                slider.setValue(weight.get());
                syncing = false;
            }
            field.setText(NumberFormats.editable(weight.get()));
            field.pseudoClassStateChanged(LogitsEditor.INVALID, false);
        }
    }
}
