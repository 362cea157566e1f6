package org.kdplayground.training.setup;

import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
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

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;
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

    /** The preset, data set and transfer-set choices and the teacher-sees-all-labels box. */
    public void bindChoices(ComboBox<TrainingPreset> presets, ComboBox<DatasetCatalog> datasets,
                            ChoiceBox<TransferSet> transfer, CheckBox teacherSeesAllLabels) {
        presetBox = presets;
        datasetBox = datasets;
        transferBox = transfer;
        presets.getItems().setAll(TrainingPreset.values());
        datasets.getItems().setAll(DatasetCatalog.values());
        transfer.getItems().setAll(TransferSet.values());
        relabelChoices();
        presets.valueProperty().bindBidirectional(setup.presetProperty());
        datasets.valueProperty().bindBidirectional(setup.datasetProperty());
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

    /** The data set drawn small, and why it cannot be read when it cannot. */
    public void bindPreview(StackPane holder, Label problem) {
        DatasetPreview picture = new DatasetPreview();
        holder.getChildren().add(picture);
        preview.dataProperty().addListener((obs, old, now) -> picture.show(now));
        picture.show(preview.dataProperty().get());
        problem.textProperty().bind(preview.problemProperty());
        problem.visibleProperty().bind(preview.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
    }

    /** A row per field: the data set's, the networks', the loss's and the training's. */
    public void addFieldRows(GridPane data, GridPane networks, GridPane loss, GridPane training) {
        addRow(data, 0, "setup_size", setup.size);
        TextField noise = addRow(data, 1, "setup_noise", setup.noise);
        TextField classes = addRow(data, 2, "setup_classes", setup.classes);
        var dataset = setup.datasetProperty();
        noise.disableProperty().bind(Bindings.createBooleanBinding(
                () -> dataset.get() == null || dataset.get().isImage(), dataset));
        classes.disableProperty().bind(Bindings.createBooleanBinding(
                () -> dataset.get() == null || !dataset.get().hasVariableK(), dataset));
        addRow(networks, 0, "setup_teacher_layers", setup.teacherLayers);
        addRow(networks, 1, "setup_student_layers", setup.studentLayers);
        int lossRows = 0;
        int trainingRows = 0;
        for (NumericSetting setting : NumericSetting.values()) {
            boolean ofTheLoss = setting == NumericSetting.TEMPERATURE || setting == NumericSetting.ALPHA;
            addRow(ofTheLoss ? loss : training, ofTheLoss ? lossRows++ : trainingRows++, labelKey(setting),
                    setup.field(setting));
        }
        addRow(training, trainingRows, "setup_seed", setup.seed);
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
        };
    }

    private TextField addRow(GridPane grid, int row, String labelKey, SetupField<?> field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(labelKey));
        label.setWrapText(true);
        TextField text = new TextField();
        label.setLabelFor(text);
        grid.addRow(row, label, text);
        GridPane.setHgrow(text, Priority.ALWAYS);
        fields.bind(text, field);
        return text;
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
