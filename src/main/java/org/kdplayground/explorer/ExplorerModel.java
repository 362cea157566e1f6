package org.kdplayground.explorer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.io.Workspace;
import org.kdplayground.math.DistillationLoss;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.SoftScaling;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogitsExample;
import org.kdplayground.ui.NumberText;

/**
 * The explorer's state (logits, true class, the loss method, T, α, DKD's weights, the T² switch, the grid's
 * temperatures) and everything derived from it. Derived values are lazy bindings: any number of input changes within
 * one frame cost one recomputation, made when a view asks at layout time, so dragging stays smooth even with 1,000
 * classes.
 */
public final class ExplorerModel {

    /** T's range is the run setting's, so every T a run can have opens here unchanged. */
    public static final double MIN_TEMPERATURE = NumericSetting.TEMPERATURE.range().min();
    public static final double MAX_TEMPERATURE = NumericSetting.TEMPERATURE.range().max();
    public static final double DEFAULT_TEMPERATURE = NumericSetting.TEMPERATURE.valueIn(RunSettings.DEFAULTS);
    public static final double DEFAULT_ALPHA = NumericSetting.ALPHA.valueIn(RunSettings.DEFAULTS);
    public static final int MIN_CLASSES = 2;
    public static final int MAX_EDITOR_CLASSES = 20;
    public static final int MAX_CLASSES = 1000;
    public static final double LOGIT_LIMIT = 1e4;
    static final int MAX_GRID_TEMPERATURES = 8;

    /** The tabs under the loss panel, in their order there. */
    public enum DetailTab { GRADIENT, GRID, CURVES }

    // ---- properties ----
    private final ReadOnlyObjectWrapper<ClassLogits> logits = new ReadOnlyObjectWrapper<>(this, "logits");
    private final IntegerProperty label = new SimpleIntegerProperty(this, "label", 0);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", DEFAULT_TEMPERATURE);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", DEFAULT_ALPHA);
    private final BooleanProperty softScaledByTSquared = new SimpleBooleanProperty(this, "softScaledByTSquared", true);
    private final ReadOnlyObjectWrapper<double[]> gridTemperatures =
            new ReadOnlyObjectWrapper<>(this, "gridTemperatures", new double[] {1, 2, 4, 8});
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<DetailTab> detailTab =
            new SimpleObjectProperty<>(this, "detailTab", DetailTab.GRADIENT);
    private final ObjectBinding<LossBreakdown> breakdown;
    private final ObjectBinding<MethodLoss> loss;
    private final ObjectBinding<GradientInfo> gradient;
    private final ObjectBinding<TemperatureCurves> curves;

    private final I18n i18n;
    private final ClassEditing classes;
    private final LossChoice lossChoice;

    public ExplorerModel(I18n i18n) {
        this.i18n = Objects.requireNonNull(i18n);
        this.classes = new ClassEditing(logits, label, i18n, this::report, this::clearMessage);
        this.lossChoice = new LossChoice(i18n, this::report, this::clearMessage);
        ObjectProperty<LossMethod> method = lossChoice.methodProperty();
        DoubleProperty ceWeight = lossChoice.ceWeightProperty();
        DoubleProperty dkdAlpha = lossChoice.dkdAlphaProperty();
        DoubleProperty dkdBeta = lossChoice.dkdBetaProperty();
        applyPreset(Preset.NOTEBOOK);
        breakdown = Bindings.createObjectBinding(this::computeBreakdown,
                logits, label, temperature, alpha, softScaledByTSquared);
        loss = Bindings.createObjectBinding(this::computeLoss, breakdown, method, ceWeight, dkdAlpha, dkdBeta);
        gradient = Bindings.createObjectBinding(this::computeGradient, logits, label, temperature, alpha,
                softScaledByTSquared, method, ceWeight, dkdAlpha, dkdBeta);
        curves = Bindings.createObjectBinding(() -> TemperatureCurves.of(getLogits()), logits);
    }

    public ReadOnlyObjectProperty<ClassLogits> logitsProperty() {
        return logits.getReadOnlyProperty();
    }

    public ClassLogits getLogits() {
        return logits.get();
    }

    /** The true class, 0-based. */
    public IntegerProperty labelProperty() {
        return label;
    }

    public int getLabel() {
        return label.get();
    }

    /** T, kept within [{@link #MIN_TEMPERATURE}, {@link #MAX_TEMPERATURE}]. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public double getTemperature() {
        return temperature.get();
    }

    public void setTemperature(double value) {
        temperature.set(Math.max(MIN_TEMPERATURE, Math.min(MAX_TEMPERATURE, value)));
    }

    /** α, the weight of the hard loss (as in the teaching notebook), within [0, 1]. */
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public double getAlpha() {
        return alpha.get();
    }

    public void setAlpha(double value) {
        alpha.set(Math.max(0.0, Math.min(1.0, value)));
    }

    /** Whether the soft loss is multiplied by T², as in the teaching notebook (on by default). */
    public BooleanProperty softScaledByTSquaredProperty() {
        return softScaledByTSquared;
    }

    public SoftScaling scaling() {
        return softScaledByTSquared.get() ? SoftScaling.T_SQUARED : SoftScaling.NONE;
    }

    /** The loss the formula, the loss bar and the gradient show, and DKD's weights. */
    public LossChoice lossChoice() {
        return lossChoice;
    }

    /** The temperatures of the small-multiples grid. */
    public ReadOnlyObjectProperty<double[]> gridTemperaturesProperty() {
        return gridTemperatures.getReadOnlyProperty();
    }

    /** The tab shown under the loss panel (lessons pick it; the view follows both ways). */
    public ObjectProperty<DetailTab> detailTabProperty() {
        return detailTab;
    }

    /** The last input problem, in the current language; empty when the last input was fine. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    /**
     * Hinton's loss and its parts for the current state (see {@link DistillationLoss#compute}), whatever the method:
     * its probabilities at T are what the bar charts show (but for LSKD, see {@link #getLoss()}).
     */
    public ObservableObjectValue<LossBreakdown> breakdownProperty() {
        return breakdown;
    }

    public LossBreakdown getBreakdown() {
        return breakdown.get();
    }

    /** The chosen method's loss: its terms, total and the distributions at T its soft part compares. */
    ObservableObjectValue<MethodLoss> lossProperty() {
        return loss;
    }

    MethodLoss getLoss() {
        return loss.get();
    }

    /** The chosen method's total loss. */
    public double getTotalLoss() {
        return loss.get().total();
    }

    /**
     * The gradient of the chosen method's loss with respect to the student's logits, split into its weighted parts,
     * with Hinton's approximation for Hinton's loss.
     */
    public ObservableObjectValue<GradientInfo> gradientProperty() {
        return gradient;
    }

    public GradientInfo getGradient() {
        return gradient.get();
    }

    /** Entropy of the soft labels and KL(teacher ‖ student) over T. */
    public ObservableObjectValue<TemperatureCurves> curvesProperty() {
        return curves;
    }

    public TemperatureCurves getCurves() {
        return curves.get();
    }

    // ---- commands ----

    /** Sets one logit from a slider. */
    public void setLogit(Role role, int index, double value) {
        classes.setLogit(role, index, value);
    }

    /** Sets one logit from typed text; on bad text reports it and keeps the last valid value. */
    public boolean setLogit(Role role, int index, String text) {
        return classes.setLogit(role, index, text);
    }

    /** Sets T from typed text; on bad text reports it and keeps T. */
    public boolean setTemperature(String text) {
        OptionalDouble value = NumberText.parse(text);
        if (value.isEmpty() || value.getAsDouble() < MIN_TEMPERATURE || value.getAsDouble() > MAX_TEMPERATURE) {
            report(i18n.format("explorer_error_temperature", text.strip()));
            return false;
        }
        setTemperature(value.getAsDouble());
        clearMessage();
        return true;
    }

    /** Renames a class; a blank name falls back to its index. */
    public void renameClass(int index, String name) {
        classes.renameClass(index, name);
    }

    /** Adds a class with logits 0 (the editor holds up to {@value #MAX_EDITOR_CLASSES}). */
    public boolean addClass() {
        return classes.addClass();
    }

    /** Removes the last class (at least {@value #MIN_CLASSES} stay); the true class moves into range. */
    public boolean removeClass() {
        return classes.removeClass();
    }

    /**
     * Replaces one side's logits with a comma-separated list of 2 to {@value #MAX_CLASSES} numbers; the other
     * side is cut or padded with zeros to match. Bad lists are reported and change nothing.
     */
    public boolean paste(Role role, String text) {
        return classes.paste(role, text);
    }

    /**
     * Shows a real example from a training run: its classes, the teacher's and the student's logits, its true
     * class, and the run's T (kept within the slider's range) and α.
     */
    public void showExample(LogitsExample example) {
        logits.set(new ClassLogits(example.classNames(), example.teacher(), example.student()));
        label.set(example.label());
        setTemperature(example.temperature());
        setAlpha(example.alpha());
        clearMessage();
    }

    /** Loads a preset (see {@link Preset}). */
    public void applyPreset(Preset preset) {
        classes.applyPreset(preset);
    }

    /** The seed of the next random draw (each draw uses the next one, so draws are reproducible). */
    public void setRandomSeed(long seed) {
        classes.setRandomSeed(seed);
    }

    /** Sets the grid's temperatures from a comma-separated list (1 to 8 values within [0.1, 100]). */
    public boolean setGridTemperatures(String text) {
        String[] items = NumberText.splitList(text);
        double[] values = new double[items.length];
        boolean ok = items.length >= 1 && items.length <= MAX_GRID_TEMPERATURES;
        for (int i = 0; ok && i < items.length; i++) {
            OptionalDouble value = NumberText.parse(items[i]);
            ok = value.isPresent() && value.getAsDouble() >= MIN_TEMPERATURE && value.getAsDouble() <= MAX_TEMPERATURE;
            values[i] = ok ? value.getAsDouble() : 0;
        }
        if (!ok) {
            report(i18n.format("explorer_error_grid", MAX_GRID_TEMPERATURES));
            return false;
        }
        gridTemperatures.set(values);
        clearMessage();
        return true;
    }

    /** The whole state, for a workspace file; compares by content. */
    public Workspace.Explorer snapshot() {
        ClassLogits now = getLogits();
        return new Workspace.Explorer(now.names(), boxed(now.teacher()), boxed(now.student()), getLabel(),
                getTemperature(), getAlpha(), softScaledByTSquared.get(), boxed(gridTemperatures.get()),
                lossChoice.getMethod(), lossChoice.ceWeightProperty().get(), lossChoice.dkdAlphaProperty().get(),
                lossChoice.dkdBetaProperty().get());
    }

    /** Everything {@link #snapshot()} is made of, to notice changes. */
    public List<Observable> workspaceInputs() {
        return List.of(logits, label, temperature, alpha, softScaledByTSquared, gridTemperatures,
                lossChoice.methodProperty(), lossChoice.ceWeightProperty(), lossChoice.dkdAlphaProperty(),
                lossChoice.dkdBetaProperty());
    }

    /**
     * Checks a state from a file against this screen's limits.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public static void check(Workspace.Explorer state) {
        ExplorerLimits.check(state);
    }

    /** Replaces the whole state with one from a file; an invalid state is rejected before anything changes. */
    public void restore(Workspace.Explorer state) {
        check(state);
        logits.set(new ClassLogits(state.classNames(), unboxed(state.teacher()), unboxed(state.student())));
        label.set(state.trueClass());
        temperature.set(state.temperature());
        alpha.set(state.alpha());
        softScaledByTSquared.set(state.softScaledByTSquared());
        lossChoice.restore(state.method(), new DkdWeights(state.ceWeight(), state.dkdAlpha(), state.dkdBeta()));
        gridTemperatures.set(unboxed(state.gridTemperatures()));
        clearMessage();
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---- internals ----

    private LossBreakdown computeBreakdown() {
        ClassLogits now = getLogits();
        return DistillationLoss.compute(now.student(), now.teacher(), safeLabel(), getTemperature(), getAlpha(),
                scaling());
    }

    private MethodLoss computeLoss() {
        return switch (lossChoice.getMethod()) {
            case HINTON -> MethodLoss.hinton(getBreakdown());
            case DKD -> MethodLoss.dkd(getBreakdown(), getLogits(), safeLabel(), lossChoice.getDkdWeights());
            case LSKD -> MethodLoss.lskd(getLogits(), safeLabel(), getTemperature(), getAlpha());
        };
    }

    private GradientInfo computeGradient() {
        return switch (lossChoice.getMethod()) {
            case HINTON -> GradientInfo.of(getLogits(), safeLabel(), getTemperature(), getAlpha(), scaling());
            case DKD -> GradientInfo.dkd(getLogits(), safeLabel(), getTemperature(), lossChoice.getDkdWeights());
            case LSKD -> GradientInfo.lskd(getLogits(), safeLabel(), getTemperature(), getAlpha());
        };
    }

    int safeLabel() {
        return Math.max(0, Math.min(getLabel(), getLogits().classes() - 1));
    }

    private void report(StringBinding text) {
        message.unbind();
        message.bind(text);
    }

    private void clearMessage() {
        message.unbind();
        message.set("");
    }

}
