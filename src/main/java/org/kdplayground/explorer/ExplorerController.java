package org.kdplayground.explorer;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.FormulaView;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogLineChart;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.Sliders;

/**
 * The softmax and temperature explorer: binds the controls to the {@link ExplorerModel} and hands the picture to a
 * {@link PictureUpdater}. Holds no state of its own beyond the guards against feedback loops.
 */
public final class ExplorerController {

    private final ExplorerModel model;
    private final I18n i18n;

    @FXML private BorderPane explorerScreen;
    @FXML private Slider temperatureSlider;
    @FXML private TextField temperatureField;
    @FXML private Slider alphaSlider;
    @FXML private Label alphaValue;
    @FXML private CheckBox tSquaredSwitch;
    @FXML private Label messageLabel;
    @FXML private MenuButton presetMenu;
    @FXML private VBox teacherRows;
    @FXML private VBox studentRows;
    @FXML private TextField pasteField;
    @FXML private Label teacherTCaption;
    @FXML private Label studentTCaption;
    @FXML private ProbabilityBarChart teacherT1Chart;
    @FXML private ProbabilityBarChart teacherTChart;
    @FXML private ProbabilityBarChart studentTChart;
    @FXML private Label hardValue;
    @FXML private Label klValue;
    @FXML private Label softName;
    @FXML private Label softValue;
    @FXML private Label totalValue;
    @FXML private LossBar lossBar;
    @FXML private FormulaView formula;
    @FXML private VBox lossPanel;
    @FXML private VBox lossRight;
    @FXML private GradientChart gradientChart;
    @FXML private Label gradientNote;
    @FXML private TabPane detailTabs;
    @FXML private TextField gridField;
    @FXML private VBox gridCharts;
    @FXML private LogLineChart curvesChart;
    @FXML private Label curvesNote;

    private boolean syncingTemperature;
    private PictureUpdater picture;

    public ExplorerController(ExplorerModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
    }

    /** The screen model (the app keeps it across screen and language switches). */
    public ExplorerModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        bindTemperature();
        alphaSlider.valueProperty().bindBidirectional(model.alphaProperty());
        Sliders.pageKeys(alphaSlider, 0.25);
        alphaValue.textProperty().bind(model.alphaProperty().asString(Locale.ROOT, "%.2f"));
        tSquaredSwitch.selectedProperty().bindBidirectional(model.softScaledByTSquaredProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        for (Preset preset : Preset.values()) {
            MenuItem item = new MenuItem();
            item.setId("preset-" + preset.name().toLowerCase(Locale.ROOT));
            item.textProperty().bind(i18n.text(preset.labelKey()));
            item.setOnAction(e -> model.applyPreset(preset));
            presetMenu.getItems().add(item);
        }
        new LogitsEditor(model, i18n, Role.TEACHER, teacherRows);
        new LogitsEditor(model, i18n, Role.STUDENT, studentRows);
        teacherTCaption.textProperty().bind(i18n.format("explorer_chart_teacher_t",
                model.temperatureProperty().asString(Locale.ROOT, "%.2f")));
        studentTCaption.textProperty().bind(i18n.format("explorer_chart_student_t",
                model.temperatureProperty().asString(Locale.ROOT, "%.2f")));
        softName.textProperty().bind(Bindings.when(model.softScaledByTSquaredProperty())
                .then(i18n.text("explorer_loss_soft_t_squared")).otherwise(i18n.text("explorer_loss_soft_plain")));
        bindDetailTab();
        lossPanel.widthProperty().addListener((obs, old, now) -> placeFormula(now.doubleValue()));
        gridField.setText(gridText(model.gridTemperaturesProperty().get()));
        model.gridTemperaturesProperty().addListener((obs, old, now) -> gridField.setText(gridText(now)));
        gridField.setOnAction(e -> model.setGridTemperatures(gridField.getText()));
        gridField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                model.setGridTemperatures(gridField.getText());
            }
        });
        picture = new PictureUpdater(model, i18n, new PictureUpdater.Nodes(teacherT1Chart, teacherTChart, studentTChart,
                hardValue, klValue, softValue, totalValue, lossBar, formula, gradientChart, gradientNote,
                gridCharts, curvesChart, curvesNote), explorerScreen);
    }

    /**
     * Below this width the formula, beside the loss bar, would shrink until it cannot be read (the lesson panel
     * open at 1280 px): it then takes a row of its own under the numbers.
     */
    static final double FORMULA_BESIDE_MIN_WIDTH = 720;

    private void placeFormula(double width) {
        VBox target = width < FORMULA_BESIDE_MIN_WIDTH ? lossPanel : lossRight;
        if (formula.getParent() != target) {
            ((VBox) formula.getParent()).getChildren().remove(formula);
            target.getChildren().add(formula);
        }
    }

    /** Whether the formula has a row of its own under the loss numbers (for tests). */
    boolean formulaOnItsOwnRow() {
        return formula.getParent() == lossPanel;
    }

    private void bindDetailTab() {
        var selection = detailTabs.getSelectionModel();
        selection.select(model.detailTabProperty().get().ordinal());
        selection.selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.detailTabProperty().set(ExplorerModel.DetailTab.values()[now.intValue()]);
            }
        });
        model.detailTabProperty().addListener((obs, old, now) -> selection.select(now.ordinal()));
    }

    /** How many times the picture was filled so far (tests check the once-per-frame rule). */
    int pictureUpdates() {
        return picture.updates();
    }

    private void bindTemperature() {
        temperatureSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double exponent) {
                return NumberFormats.significant(Math.pow(10, exponent), 1);
            }

            @Override
            public Double fromString(String text) {
                return Math.log10(Double.parseDouble(text));
            }
        });
        Sliders.pageKeys(temperatureSlider, 0.25);
        temperatureSlider.valueProperty().addListener((obs, old, now) -> {
            if (!syncingTemperature) {
                syncingTemperature = true;
                model.setTemperature(Math.pow(10, now.doubleValue()));
                syncingTemperature = false;
            }
        });
        model.temperatureProperty().addListener((obs, old, now) -> showTemperature());
        temperatureField.setOnAction(e -> model.setTemperature(temperatureField.getText()));
        temperatureField.focusedProperty().addListener((obs, was, is) -> {
            if (!is && !temperatureField.getText().equals(NumberFormats.temperature(model.getTemperature()))) {
                if (!model.setTemperature(temperatureField.getText())) {
                    showTemperature();
                }
            }
        });
        showTemperature();
    }

    private void showTemperature() {
        double t = model.getTemperature();
        if (!syncingTemperature) {
            syncingTemperature = true;
            temperatureSlider.setValue(Math.log10(t));
            syncingTemperature = false;
        }
        temperatureField.setText(NumberFormats.temperature(t));
    }

    private static String gridText(double[] temperatures) {
        StringBuilder text = new StringBuilder();
        for (double t : temperatures) {
            text.append(text.length() == 0 ? "" : ", ").append(NumberFormats.significant(t, 3));
        }
        return text.toString();
    }

    @FXML
    private void addClass() {
        model.addClass();
    }

    @FXML
    private void removeClass() {
        model.removeClass();
    }

    @FXML
    private void pasteTeacher() {
        model.paste(Role.TEACHER, pasteField.getText());
    }

    @FXML
    private void pasteStudent() {
        model.paste(Role.STUDENT, pasteField.getText());
    }
}
