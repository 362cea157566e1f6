package org.kdplayground.explorer;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.Range;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.NumberText;

/**
 * The explorer's loss (Hinton's by default, DKD or logit-standardised KD) and DKD's three weights, each kept within
 * its run setting's range: typed text outside it is reported and the last valid value stays.
 */
public final class LossChoice {

    private final ObjectProperty<LossMethod> method = new SimpleObjectProperty<>(this, "method", LossMethod.HINTON);
    private final DoubleProperty ceWeight = new SimpleDoubleProperty(this, "ceWeight", DkdWeights.DEFAULTS.ceWeight());
    private final DoubleProperty dkdAlpha = new SimpleDoubleProperty(this, "dkdAlpha", DkdWeights.DEFAULTS.alpha());
    private final DoubleProperty dkdBeta = new SimpleDoubleProperty(this, "dkdBeta", DkdWeights.DEFAULTS.beta());
    private final I18n i18n;
    private final Consumer<StringBinding> report;
    private final Runnable clearMessage;

    /**
     * @param report       shows a problem with typed text on the explorer's message line
     * @param clearMessage clears that line after a valid input
     */
    LossChoice(I18n i18n, Consumer<StringBinding> report, Runnable clearMessage) {
        this.i18n = Objects.requireNonNull(i18n);
        this.report = Objects.requireNonNull(report);
        this.clearMessage = Objects.requireNonNull(clearMessage);
    }

    /** The loss the formula, the loss bar and the gradient show (Hinton's by default). */
    public ObjectProperty<LossMethod> methodProperty() {
        return method;
    }

    public LossMethod getMethod() {
        return method.get();
    }

    /** DKD's weight of the cross-entropy with the label, w_ce, within {@link NumericSetting#CE_WEIGHT}'s range. */
    public DoubleProperty ceWeightProperty() {
        return ceWeight;
    }

    /** DKD's weight of TCKD, α, within {@link NumericSetting#DKD_ALPHA}'s range (not Hinton's α). */
    public DoubleProperty dkdAlphaProperty() {
        return dkdAlpha;
    }

    /** DKD's weight of NCKD, β, within {@link NumericSetting#DKD_BETA}'s range. */
    public DoubleProperty dkdBetaProperty() {
        return dkdBeta;
    }

    /** DKD's three weights now. */
    public DkdWeights getDkdWeights() {
        return new DkdWeights(ceWeight.get(), dkdAlpha.get(), dkdBeta.get());
    }

    /** Sets DKD's w_ce from typed text; on bad text reports it (with the range) and keeps the last valid value. */
    public boolean setCeWeight(String text) {
        return setWeight(ceWeight, NumericSetting.CE_WEIGHT, text,
                (typed, range) -> i18n.format("explorer_error_ce_weight", typed, range.min(), range.max()));
    }

    /** Sets DKD's α (the weight of TCKD) from typed text; on bad text reports it and keeps the last valid value. */
    public boolean setDkdAlpha(String text) {
        return setWeight(dkdAlpha, NumericSetting.DKD_ALPHA, text,
                (typed, range) -> i18n.format("explorer_error_dkd_alpha", typed, range.min(), range.max()));
    }

    /** Sets DKD's β (the weight of NCKD) from typed text; on bad text reports it and keeps the last valid value. */
    public boolean setDkdBeta(String text) {
        return setWeight(dkdBeta, NumericSetting.DKD_BETA, text,
                (typed, range) -> i18n.format("explorer_error_dkd_beta", typed, range.min(), range.max()));
    }

    /** Sets one of DKD's weights from a slider, kept within its range. */
    public void setDkdWeight(NumericSetting setting, double value) {
        DoubleProperty weight = switch (setting) {
            case CE_WEIGHT -> ceWeight;
            case DKD_ALPHA -> dkdAlpha;
            case DKD_BETA -> dkdBeta;
            default -> throw new IllegalArgumentException(setting + " is not one of DKD's weights");
        };
        weight.set(Math.max(setting.range().min(), Math.min(setting.range().max(), value)));
    }

    /** Takes a checked state from a file. */
    void restore(LossMethod chosen, DkdWeights weights) {
        method.set(Objects.requireNonNull(chosen));
        ceWeight.set(weights.ceWeight());
        dkdAlpha.set(weights.alpha());
        dkdBeta.set(weights.beta());
    }

    /** Sets a DKD weight from typed text; on bad text reports {@code error(typed text, range)} and keeps it. */
    private boolean setWeight(DoubleProperty weight, NumericSetting setting, String text,
                              BiFunction<String, Range, StringBinding> error) {
        OptionalDouble value = NumberText.parse(text);
        if (value.isEmpty() || !setting.range().contains(value.getAsDouble())) {
            report.accept(error.apply(text.strip(), setting.range()));
            return false;
        }
        weight.set(value.getAsDouble());
        clearMessage.run();
        return true;
    }
}
