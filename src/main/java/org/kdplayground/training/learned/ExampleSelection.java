package org.kdplayground.training.learned;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.math.Softmax;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.ui.LogitsExample;

/**
 * The test example the learner picked in the example strip: each model's probabilities for it at the run's T, and the
 * example as the explorer takes it apart.
 */
public final class ExampleSelection {

    private final LiveMetrics live;
    private final Consumer<LogitsExample> openInExplorer;
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyDoubleWrapper runTemperature = new ReadOnlyDoubleWrapper(this, "runTemperature",
            NumericSetting.TEMPERATURE.valueIn(RunSettings.DEFAULTS));
    private RunSettings run = RunSettings.DEFAULTS;

    /** @param openInExplorer shows an example's logits in the explorer (the app switches screens) */
    public ExampleSelection(LiveMetrics live, Consumer<LogitsExample> openInExplorer) {
        this.live = Objects.requireNonNull(live);
        this.openInExplorer = Objects.requireNonNull(openInExplorer);
    }

    /** A new run's examples replace the old: nothing is selected, and the probabilities follow its settings. */
    public void runStarted(RunSettings settings) {
        run = settings;
        selected.set(-1);
        runTemperature.set(NumericSetting.TEMPERATURE.valueIn(settings));
    }

    /** The strip example the learner clicked (an index into the strip), or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** T of the latest run: what the examples' probabilities are computed at. */
    ReadOnlyDoubleProperty runTemperatureProperty() {
        return runTemperature.getReadOnlyProperty();
    }

    /** A model's probabilities at the run's T for the selected example, or null before it exists. */
    public double[] probabilities(ModelRole role) {
        float[] logits = logits(role);
        return logits == null ? null : Softmax.softmax(toDoubles(logits), run.temperature());
    }

    /** The selected example as the explorer takes it, or null when there is none yet. */
    LogitsExample asExplorerExample() {
        float[] teacher = logits(ModelRole.TEACHER);
        float[] student = logits(ModelRole.DISTILLED);
        if (teacher == null || student == null) {
            return null;
        }
        int label = live.testExamples().labels()[live.strip()[selected.get()]];
        return new LogitsExample(live.classNames(), toDoubles(teacher), toDoubles(student), label,
                NumericSetting.TEMPERATURE.valueIn(run), NumericSetting.ALPHA.valueIn(run));
    }

    /** Opens the selected example in the explorer, where its logits can be taken apart. */
    public void openInExplorer() {
        LogitsExample example = asExplorerExample();
        if (example != null) {
            openInExplorer.accept(example);
        }
    }

    private float[] logits(ModelRole role) {
        int index = selected.get();
        float[][] rows = live.stripLogits().get(role);
        return rows == null || index < 0 || index >= rows.length ? null : rows[index];
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
