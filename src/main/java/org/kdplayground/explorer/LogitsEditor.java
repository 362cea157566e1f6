package org.kdplayground.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.Sliders;

/**
 * One side's logits as rows (true-class radio, editable name, slider, number field) for up to 20 classes, and as
 * a one-line summary with a true-class spinner beyond that. Rows are rebuilt only when the class count changes.
 */
final class LogitsEditor {

    static final double SLIDER_LIMIT = 10.0;
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    private final ExplorerModel model;
    private final I18n i18n;
    private final Role role;
    private final VBox box;
    private final ToggleGroup labels = new ToggleGroup();
    private final List<Row> rows = new ArrayList<>();
    private final Label summary = new Label();
    private final Spinner<Integer> labelSpinner = new Spinner<>();
    private boolean updating;

    LogitsEditor(ExplorerModel model, I18n i18n, Role role, VBox box) {
        this.model = model;
        this.i18n = i18n;
        this.role = role;
        this.box = box;
        summary.getStyleClass().add("logits-summary");
        summary.setWrapText(true);
        labelSpinner.setEditable(true);
        labelSpinner.setId(role.name().toLowerCase(Locale.ROOT) + "-label-spinner");
        labelSpinner.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                model.labelProperty().set(now);
            }
        });
        labels.selectedToggleProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                model.labelProperty().set((Integer) now.getUserData());
            }
        });
        model.logitsProperty().addListener(ignored -> refresh());
        model.labelProperty().addListener(ignored -> refresh());
        refresh();
    }

    /** The row controls of class {@code index} (for tests and focus). */
    Row row(int index) {
        return rows.get(index);
    }

    private void refresh() {
        ClassLogits now = model.getLogits();
        updating = true;
        try {
            if (now.classes() > ExplorerModel.MAX_EDITOR_CLASSES) {
                showSummary(now);
                return;
            }
            if (rows.size() != now.classes() || box.getChildren().size() != now.classes()) {
                rebuild(now.classes());
            }
            double[] values = now.of(role);
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).show(now.names().get(i), values[i], i == model.getLabel());
            }
        } finally {
            updating = false;
        }
    }

    private void rebuild(int classes) {
        rows.clear();
        labels.getToggles().clear();
        for (int i = 0; i < classes; i++) {
            rows.add(new Row(i));
        }
        box.getChildren().setAll(rows.stream().map(Row::node).toList());
    }

    private void showSummary(ClassLogits now) {
        rows.clear();
        labels.getToggles().clear();
        double[] values = now.of(role);
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        summary.textProperty().bind(i18n.format("explorer_summary", now.classes(),
                NumberFormats.significant(min), NumberFormats.significant(max)));
        labelSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, now.classes() - 1,
                model.getLabel()));
        Label spinnerLabel = new Label();
        spinnerLabel.textProperty().bind(i18n.text("explorer_true_class"));
        HBox line = new HBox(spinnerLabel, labelSpinner);
        line.getStyleClass().add("control-row");
        box.getChildren().setAll(summary, line);
    }

    /** The controls of one class. */
    final class Row {
        final RadioButton radio = new RadioButton();
        final TextField name = new TextField();
        final Slider slider = new Slider(-SLIDER_LIMIT, SLIDER_LIMIT, 0);
        final TextField value = new TextField();
        private final HBox node;

        Row(int index) {
            String prefix = role.name().toLowerCase(Locale.ROOT) + "-";
            radio.setUserData(index);
            radio.setToggleGroup(labels);
            radio.setId(prefix + "label-" + index);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(i18n.text("explorer_true_class"));
            radio.setTooltip(tip);
            name.setId(prefix + "name-" + index);
            name.getStyleClass().add("class-name");
            name.setPrefColumnCount(3);
            name.setOnAction(e -> model.renameClass(index, name.getText()));
            name.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    model.renameClass(index, name.getText());
                }
            });
            slider.setId(prefix + "slider-" + index);
            slider.setBlockIncrement(0.1);
            Sliders.pageKeys(slider, 1.0);
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.valueProperty().addListener((obs, old, now) -> {
                if (!updating) {
                    model.setLogit(role, index, Math.round(now.doubleValue() * 100) / 100.0);
                }
            });
            value.setId(prefix + "value-" + index);
            value.getStyleClass().add("number-field");
            value.setPrefColumnCount(4);
            value.setOnAction(e -> commit(index));
            value.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    commit(index);
                }
            });
            node = new HBox(radio, name, slider, value);
            node.getStyleClass().add("logit-row");
        }

        private void commit(int index) {
            if (value.getPseudoClassStates().contains(INVALID) || !value.getText().equals(
                    NumberFormats.editable(model.getLogits().of(role)[index]))) {
                boolean ok = model.setLogit(role, index, value.getText());
                value.pseudoClassStateChanged(INVALID, !ok);
            }
        }

        void show(String className, double logit, boolean isLabel) {
            if (!name.isFocused()) {
                name.setText(className);
            }
            slider.setValue(Math.max(-SLIDER_LIMIT, Math.min(SLIDER_LIMIT, logit)));
            if (!value.getPseudoClassStates().contains(INVALID) || !value.isFocused()) {
                value.setText(NumberFormats.editable(logit));
                value.pseudoClassStateChanged(INVALID, false);
            }
            radio.setSelected(isLabel);
        }

        HBox node() {
            return node;
        }
    }
}
