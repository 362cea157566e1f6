package org.kdplayground.training.setup;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.ui.I18n;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Binds the set-up panel's controls to the {@link RunSetup}: the choices, a row per field, the data preview and the
 * networks' summaries, the omitted class. The controls come from the screen's FXML.
 */
public final class SetupPanel {

    private final RunSetup setup;
    private final DataPreview preview;
    private final I18n i18n;
    private final ValidationSupport validation;
    private final FieldBinding fields;
    private ComboBox<TrainingPreset> presetBox;
    private ComboBox<DatasetCatalog> datasetBox;
    private ChoiceBox<LossMethod> lossBox;
    private ChoiceBox<TransferSet> transferBox;
    private ComboBox<Integer> omittedClassBox;

    public SetupPanel(RunSetup setup, DataPreview preview, I18n i18n, ValidationSupport validation) {
        this.setup = setup;
        this.preview = preview;
        this.i18n = i18n;
        this.validation = validation;
        this.fields = new FieldBinding(i18n, validation);
        // once per language switch (the table itself changes key by key, hundreds of times)
        i18n.languageProperty().addListener((obs, old, now) -> {
            relabelChoices();
            validation.revalidate();
        });
    }

    /** The preset, data set, loss and transfer-set choices and the teacher-sees-all-labels box. */
    public void bindChoices(ComboBox<TrainingPreset> presets, ComboBox<DatasetCatalog> datasets,
                            ChoiceBox<LossMethod> losses, ChoiceBox<TransferSet> transfer,
                            CheckBox teacherSeesAllLabels) {
        presetBox = presets;
        datasetBox = datasets;
        lossBox = losses;
        transferBox = transfer;
        presets.getItems().setAll(TrainingPreset.values());
        datasets.getItems().setAll(DatasetCatalog.values());
        losses.getItems().setAll(LossMethod.values());
        transfer.getItems().setAll(TransferSet.values());
        relabelChoices();
        presets.valueProperty().bindBidirectional(setup.presetProperty());
        datasets.valueProperty().bindBidirectional(setup.datasetProperty());
        losses.valueProperty().bindBidirectional(setup.lossProperty());
        transfer.valueProperty().bindBidirectional(setup.transferSetProperty());
        teacherSeesAllLabels.selectedProperty().bindBidirectional(setup.teacherSeesAllLabelsProperty());
    }

    /** The row that shows where IDX data is read from (only for IDX data sets). */
    public void bindFolder(HBox row, Label label) {
        var data = setup.datasetProperty();
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> data.get() != null
                && data.get().kind() == DatasetCatalog.Kind.IDX_FOLDER, data));
        row.managedProperty().bind(row.visibleProperty());
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            Path folder = setup.folderProperty().get();
            return i18n.formatNow("setup_folder", folder != null ? folder
                    : data.get() == null || data.get().defaultFolder() == null ? "" : data.get().defaultFolder());
        }, data, setup.folderProperty(), i18n.table()));
    }

    /**
     * The data set drawn small; why it cannot be trained on or read when it cannot (what the drawing lacks, a table
     * that did not open, data that cannot be read; not while {@code downloadOffered}: the download's own row says
     * what is missing); and for the user's own data, its rows and classes.
     */
    public void bindPreview(StackPane holder, Label problem, Label summary, ObservableStringValue openProblem,
                            ObservableBooleanValue downloadOffered) {
        DatasetPreview picture = new DatasetPreview();
        holder.getChildren().add(picture);
        preview.dataProperty().addListener((obs, old, now) -> picture.show(now, preview.trainingProperty().get()));
        picture.show(preview.dataProperty().get(), preview.trainingProperty().get());
        var users = setup.users().problemProperty();
        problem.textProperty().bind(Bindings.createStringBinding(() -> users.get() != null
                        ? fields.describe(users.get())
                        : !openProblem.get().isEmpty() ? openProblem.get() : preview.problemProperty().get(),
                users, openProblem, preview.problemProperty(), i18n.table()));
        problem.visibleProperty().bind(Bindings.createBooleanBinding(() -> !problem.getText().isEmpty()
                        && (users.get() != null || !openProblem.get().isEmpty() || !downloadOffered.get()),
                problem.textProperty(), users, openProblem, downloadOffered));
        problem.managedProperty().bind(problem.visibleProperty());
        var data = setup.datasetProperty();
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            Dataset shown = preview.dataProperty().get();
            return shown == null || data.get() == null || !data.get().isUsers() ? ""
                    : DataSummary.of(shown, data.get() == DatasetCatalog.CSV, i18n);
        }, preview.dataProperty(), data, i18n.table()));
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
    }

    /** The label column of an opened table, shown while the data set is a CSV table. */
    public void bindLabelColumn(HBox row, Label label, ComboBox<Integer> box, TableOpener opener) {
        var data = setup.datasetProperty();
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> data.get() == DatasetCatalog.CSV, data));
        row.managedProperty().bind(row.visibleProperty());
        label.setLabelFor(box);
        box.setConverter(converter(c -> c < opener.columns().size() ? opener.columns().get(c) : ""));
        boolean[] updating = {false};
        Runnable refresh = () -> {
            updating[0] = true;
            List<Integer> indices = new java.util.ArrayList<>();
            for (int c = 0; c < opener.columns().size(); c++) {
                indices.add(c);
            }
            box.getItems().setAll(indices);
            int chosen = opener.labelColumn();
            box.setValue(chosen < 0 ? null : chosen);
            updating[0] = false;
        };
        opener.columns().addListener((ListChangeListener<String>) change -> refresh.run());
        setup.users().tableProperty().addListener((obs, old, now) -> refresh.run());
        opener.problemProperty().addListener((obs, old, now) -> refresh.run()); // a refused choice goes back
        box.valueProperty().addListener((obs, old, now) -> {
            if (!updating[0] && now != null && now != opener.labelColumn()) {
                opener.chooseLabelColumn(now);
            }
        });
        refresh.run();
    }

    /** A row per field: the data set's, the networks', the loss's and the training's. */
    public void addFieldRows(GridPane data, GridPane networks, GridPane loss, GridPane training) {
        TextField size = addRow(data, 0, "setup_size", setup.size).field();
        TextField noise = addRow(data, 1, "setup_noise", setup.noise).field();
        TextField classes = addRow(data, 2, "setup_classes", setup.classes).field();
        var dataset = setup.datasetProperty();
        noise.disableProperty().bind(Bindings.createBooleanBinding(
                () -> dataset.get() == null || dataset.get().isImage() || dataset.get().isUsers(), dataset));
        size.disableProperty().bind(Bindings.createBooleanBinding(
                () -> dataset.get() == null || dataset.get().isUsers(), dataset));
        classes.disableProperty().bind(Bindings.createBooleanBinding(
                () -> dataset.get() == null || !dataset.get().hasVariableK(), dataset));
        addRow(networks, 0, "setup_teacher_layers", setup.teacherLayers);
        addRow(networks, 1, "setup_student_layers", setup.studentLayers);
        Label tooLarge = new Label();
        tooLarge.setId("network-memory-problem");
        tooLarge.getStyleClass().add("setup-error");
        tooLarge.setWrapText(true);
        tooLarge.textProperty().bind(Bindings.createStringBinding(() -> setup.networkProblemProperty().get() == null
                ? "" : fields.describe(setup.networkProblemProperty().get()), setup.networkProblemProperty(),
                i18n.table()));
        tooLarge.visibleProperty().bind(tooLarge.textProperty().isNotEmpty());
        tooLarge.managedProperty().bind(tooLarge.visibleProperty());
        networks.add(tooLarge, 0, 2, 2, 1);
        int lossRows = 0;
        int trainingRows = 0;
        for (NumericSetting setting : NumericSetting.values()) {
            boolean ofTheLoss = usedBy(setting) != null;
            Row row = addRow(ofTheLoss ? loss : training, ofTheLoss ? lossRows++ : trainingRows++, labelKey(setting),
                    setup.field(setting));
            if (ofTheLoss) {
                row.showWhen(Bindings.createBooleanBinding(() -> usedBy(setting).test(setup.lossProperty().get()),
                        setup.lossProperty()));
            }
        }
        addRow(training, trainingRows, "setup_seed", setup.seed);
    }

    /** Which losses a setting of the loss section applies to; null for a training setting. */
    private static Predicate<LossMethod> usedBy(NumericSetting setting) {
        return switch (setting) {
            case TEMPERATURE -> method -> true;
            case ALPHA -> method -> method != LossMethod.DKD;
            case CE_WEIGHT, DKD_ALPHA, DKD_BETA, DKD_WARMUP_EPOCHS -> method -> method == LossMethod.DKD;
            default -> null;
        };
    }

    /** The note under the loss's fields: what the chosen loss computes. */
    public void bindLossNote(Label note) {
        note.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(switch (setup.lossProperty().get()) {
            case HINTON -> "setup_alpha_note";
            case DKD -> "setup_note_dkd";
            case LSKD -> "setup_note_lskd";
        }), setup.lossProperty(), i18n.table()));
    }

    private static String lossLabel(LossMethod method) {
        return switch (method) {
            case HINTON -> "loss_hinton";
            case DKD -> "loss_dkd";
            case LSKD -> "loss_lskd";
        };
    }

    /** Each run setting's name on the panel. */
    static String labelKey(NumericSetting setting) {
        return switch (setting) {
            case TEMPERATURE -> "setup_temperature";
            case ALPHA -> "setup_alpha";
            case LEARNING_RATE -> "setup_learning_rate";
            case TEACHER_EPOCHS -> "setup_teacher_epochs";
            case STUDENT_EPOCHS -> "setup_student_epochs";
            case BATCH_SIZE -> "setup_batch_size";
            case LABELLED_FRACTION -> "setup_labelled_fraction";
            case CE_WEIGHT -> "setup_ce_weight";
            case DKD_ALPHA -> "setup_dkd_alpha";
            case DKD_BETA -> "setup_dkd_beta";
            case DKD_WARMUP_EPOCHS -> "setup_dkd_warmup_epochs";
            case TEACHER_LABEL_SMOOTHING -> "setup_teacher_label_smoothing";
        };
    }

    /** A label and its text field in a grid. */
    private record Row(Label label, TextField field) {
        /** Shown (and taking room) only while {@code condition} holds. */
        void showWhen(ObservableBooleanValue condition) {
            for (Node node : new Node[] {label, field}) {
                node.visibleProperty().bind(condition);
                node.managedProperty().bind(condition);
            }
        }
    }

    private Row addRow(GridPane grid, int row, String labelKey, SetupField<?> field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(labelKey));
        label.setWrapText(true);
        TextField text = new TextField();
        label.setLabelFor(text);
        grid.addRow(row, label, text);
        GridPane.setHgrow(text, Priority.ALWAYS);
        fields.bind(text, field);
        return new Row(label, text);
    }

    /** The class left out of the students' training: none or one of the data set's classes, checked like a field. */
    public void bindOmittedClass(Label label, ComboBox<Integer> box) {
        omittedClassBox = box;
        label.setLabelFor(box);
        box.setItems(setup.omittedClassChoices());
        // not a bidirectional binding: a combo box clears its value while its items are replaced, and that null
        // must not reach the set-up
        box.setValue(setup.omittedClassProperty().get());
        setup.omittedClassProperty().addListener((obs, old, now) -> box.setValue(now));
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setup.omittedClassProperty().set(now);
            }
        });
        setup.omittedClassChoices().addListener((ListChangeListener<Integer>) change ->
                box.setValue(setup.omittedClassProperty().get()));
        validation.registerValidator(box, false, (control, value) -> {
            SetupField.Problem problem = setup.omittedClassProblemProperty().get();
            return ValidationResult.fromErrorIf(control, problem == null ? "" : fields.describe(problem),
                    problem != null);
        });
        setup.omittedClassProblemProperty().addListener((obs, old, now) -> {
            box.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), now != null);
            box.setTooltip(now == null ? null : new Tooltip(fields.describe(now)));
            validation.revalidate(box);
        });
        // class names arrive with the data preview: name the choices anew
        preview.dataProperty().addListener((obs, old, now) -> relabelOmittedClass());
        relabelOmittedClass();
    }

    private void relabelOmittedClass() {
        if (omittedClassBox == null) {
            return;
        }
        Integer value = omittedClassBox.getValue();
        omittedClassBox.setConverter(converter(c -> {
            if (c == RunSettings.NO_OMITTED_CLASS) {
                return i18n.get("setup_omitted_none");
            }
            String name = preview.className(c);
            return name.equals(Integer.toString(c)) ? name : i18n.formatNow("setup_omitted_choice", name, c);
        }));
        omittedClassBox.setValue(value);
    }

    /** Converters that name the choices in the current language; set anew so closed boxes redraw their text. */
    private void relabelChoices() {
        if (presetBox != null) {
            TrainingPreset preset = presetBox.getValue();
            presetBox.setConverter(converter(p -> i18n.get(p.labelKey())));
            presetBox.setValue(preset);
            datasetBox.setConverter(converter(data -> i18n.get(DatasetNames.key(data))));
            transferBox.setConverter(converter(t -> i18n.get(t == TransferSet.ALL ? "setup_transfer_all"
                    : "setup_transfer_labelled")));
            lossBox.setConverter(converter(method -> i18n.get(lossLabel(method))));
        }
        relabelOmittedClass();
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
