package org.kdplayground.explorer;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.ui.FirstWindow;
import org.kdplayground.ui.FormulaView;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogLineChart;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.SameHeight;
import org.kdplayground.ui.Sliders;

/**
 * The softmax and temperature explorer: binds the controls to the {@link ExplorerModel} and hands the picture to a
 * {@link PictureUpdater}. Holds no state of its own beyond the guards against feedback loops.
 */
public final class ExplorerController {

    private final ExplorerModel model;
    private final I18n i18n;

    @FXML private BorderPane explorerScreen;
    @FXML private ChoiceBox<LossMethod> methodBox;
    @FXML private Label methodNote;
    @FXML private VBox alphaControls;
    @FXML private VBox dkdControls;
    @FXML private Slider ceWeightSlider;
    @FXML private TextField ceWeightField;
    @FXML private Slider dkdAlphaSlider;
    @FXML private TextField dkdAlphaField;
    @FXML private Slider dkdBetaSlider;
    @FXML private TextField dkdBetaField;
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
    @FXML private Label teacherT1Caption;
    @FXML private Label teacherTCaption;
    @FXML private Label studentTCaption;
    @FXML private ProbabilityBarChart teacherT1Chart;
    @FXML private ProbabilityBarChart teacherTChart;
    @FXML private ProbabilityBarChart studentTChart;
    @FXML private Label hardValue;
    @FXML private Label klName;
    @FXML private Label klValue;
    @FXML private Label softName;
    @FXML private Label softValue;
    @FXML private Label tckdName;
    @FXML private Label tckdValue;
    @FXML private Label nckdName;
    @FXML private Label nckdValue;
    @FXML private Label totalValue;
    @FXML private LossBar lossBar;
    @FXML private FormulaView formula;
    @FXML private VBox lossPanel;
    @FXML private VBox lossRight;
    @FXML private GradientChart gradientChart;
    @FXML private Label gradientNote;
    @FXML private Label legendHard;
    @FXML private Label legendSoft;
    @FXML private Label legendTckd;
    @FXML private Label legendNckd;
    @FXML private Label legendApprox;
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
        bindMethod();
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
        // the student's rows (another tab) and DKD's weights (another method) are half the screen's sliders and text
        // fields: in the app's first window they are made once it is on screen, so it shows sooner
        FirstWindow.afterShown(() -> new LogitsEditor(model, i18n, Role.STUDENT, studentRows));
        if (!dkdControls.isVisible()) {
            outUntilFirstWindowShown(dkdControls);
        }
        bindMethodLabels();
        bindDetailTab();
        lossPanel.widthProperty().addListener((obs, old, now) -> placeLossParts(now.doubleValue()));
        gridField.setText(gridText(model.gridTemperaturesProperty().get()));
        model.gridTemperaturesProperty().addListener((obs, old, now) -> gridField.setText(gridText(now)));
        gridField.setOnAction(e -> model.setGridTemperatures(gridField.getText()));
        gridField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                model.setGridTemperatures(gridField.getText());
            }
        });
        picture = new PictureUpdater(model, i18n, new PictureUpdater.Nodes(teacherT1Chart, teacherTChart, studentTChart,
                hardValue, klValue, softValue, tckdValue, nckdValue, totalValue, lossBar, formula, gradientChart,
                gradientNote,
                gridCharts, curvesChart, curvesNote), explorerScreen);
    }

    /** Takes {@code node} out of its parent until the first window is on screen, then puts it back in its place. */
    private static void outUntilFirstWindowShown(Node node) {
        if (!FirstWindow.isBuilding()) {
            return;
        }
        Pane parent = (Pane) node.getParent();
        int index = parent.getChildren().indexOf(node);
        parent.getChildren().remove(index);
        FirstWindow.afterShown(() -> parent.getChildren().add(index, node));
    }

    /** The method choice and what follows it: Hinton's α and T² switch, or DKD's weights. */
    private void bindMethod() {
        MethodControls controls = new MethodControls(model, i18n);
        controls.bindChoice(methodBox, methodNote);
        LossChoice choice = model.lossChoice();
        controls.bindWeight(NumericSetting.CE_WEIGHT, ceWeightSlider, ceWeightField, choice::setCeWeight);
        controls.bindWeight(NumericSetting.DKD_ALPHA, dkdAlphaSlider, dkdAlphaField, choice::setDkdAlpha);
        controls.bindWeight(NumericSetting.DKD_BETA, dkdBetaSlider, dkdBetaField, choice::setDkdBeta);
        var method = model.lossChoice().methodProperty();
        MethodControls.showFor(alphaControls, method, m -> m != LossMethod.DKD);
        MethodControls.showFor(dkdControls, method, m -> m == LossMethod.DKD);
        MethodControls.showFor(tSquaredSwitch, method, m -> m == LossMethod.HINTON);
    }

    /** The names of the numbers, the bar charts' captions and the gradient's legend follow the method. */
    private void bindMethodLabels() {
        var method = model.lossChoice().methodProperty();
        var t = model.temperatureProperty().asString(Locale.ROOT, "%.2f");
        teacherTCaption.textProperty().bind(MethodControls.byMethod(method,
                i18n.format("explorer_chart_teacher_t", t), i18n.format("explorer_chart_teacher_t", t),
                i18n.format("explorer_chart_teacher_t_standardised", t)));
        studentTCaption.textProperty().bind(MethodControls.byMethod(method,
                i18n.format("explorer_chart_student_t", t), i18n.format("explorer_chart_student_t", t),
                i18n.format("explorer_chart_student_t_standardised", t)));
        SameHeight.of(teacherT1Caption, teacherTCaption, studentTCaption);
        klName.textProperty().bind(MethodControls.byMethod(method, i18n.text("explorer_loss_kl"),
                i18n.text("explorer_loss_kl"), i18n.text("explorer_loss_kl_standardised")));
        var hintonSoft = Bindings.when(model.softScaledByTSquaredProperty())
                .then(i18n.text("explorer_loss_soft_t_squared")).otherwise(i18n.text("explorer_loss_soft_plain"));
        softName.textProperty().bind(Bindings.when(method.isEqualTo(LossMethod.HINTON)).then(hintonSoft)
                .otherwise(i18n.text("explorer_loss_soft_t_squared")));
        for (Node row : new Node[] {klName, klValue, softName, softValue, legendSoft}) {
            MethodControls.showFor(row, method, m -> m != LossMethod.DKD);
        }
        for (Node row : new Node[] {tckdName, tckdValue, nckdName, nckdValue, legendTckd, legendNckd}) {
            MethodControls.showFor(row, method, m -> m == LossMethod.DKD);
        }
        MethodControls.showFor(legendApprox, method, m -> m == LossMethod.HINTON);
        legendHard.textProperty().bind(MethodControls.byMethod(method, i18n.text("explorer_gradient_hard"),
                i18n.text("explorer_gradient_hard_dkd"), i18n.text("explorer_gradient_hard")));
        legendSoft.textProperty().bind(MethodControls.byMethod(method, i18n.text("explorer_gradient_soft"),
                i18n.text("explorer_gradient_soft"), i18n.text("explorer_gradient_soft_lskd")));
    }

    /**
     * Below this width the formula, beside the loss bar, would shrink until it cannot be read (the lesson panel
     * open at 1280 px): it then takes a row of its own under the numbers.
     */
    static final double FORMULA_BESIDE_MIN_WIDTH = 720;
    /**
     * Below this width the loss bar beside the numbers would squeeze their names onto two lines and its own ticks
     * together (the lesson panel open at 1024 px): the bar too then takes a row of its own, above the formula.
     */
    static final double BAR_BESIDE_MIN_WIDTH = 480;

    /** The loss bar and the formula beside the loss numbers, under them, or the bar beside and the formula under. */
    private void placeLossParts(double width) {
        boolean barUnder = width < BAR_BESIDE_MIN_WIDTH;
        boolean formulaUnder = width < FORMULA_BESIDE_MIN_WIDTH;
        VBox barTarget = barUnder ? lossPanel : lossRight;
        VBox formulaTarget = formulaUnder ? lossPanel : lossRight;
        if (lossBar.getParent() == barTarget && formula.getParent() == formulaTarget) {
            return;
        }
        ((VBox) lossBar.getParent()).getChildren().remove(lossBar);
        ((VBox) formula.getParent()).getChildren().remove(formula);
        barTarget.getChildren().add(lossBar);
        formulaTarget.getChildren().add(formula);
        lossRight.setVisible(!barUnder);
        lossRight.setManaged(!barUnder);
    }

    /** Whether the formula has a row of its own under the loss numbers (for tests). */
    boolean formulaOnItsOwnRow() {
        return formula.getParent() == lossPanel;
    }

    /** Whether the loss bar has a row of its own under the loss numbers (for tests). */
    boolean lossBarOnItsOwnRow() {
        return lossBar.getParent() == lossPanel;
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
