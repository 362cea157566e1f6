package org.kdplayground.training.setup;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

import org.kdplayground.data.Dataset;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.ui.I18n;

/** The set-up panel's lines about its networks: each one's shape and size, and how much smaller the student is. */
public final class SetupSummaries {

    private final I18n i18n;
    private final RunSetup setup;
    private final DataPreview preview;

    public SetupSummaries(I18n i18n, RunSetup setup, DataPreview preview) {
        this.i18n = i18n;
        this.setup = setup;
        this.preview = preview;
    }

    /** E.g. "2-64-64-2 · 4,482 parameters" on the previewed data. */
    public StringBinding network(SetupField<List<Integer>> layers) {
        return Bindings.createStringBinding(() -> {
            Dataset data = preview.dataProperty().get();
            if (data == null || layers.value() == null) {
                return "";
            }
            MlpSpec spec = new MlpSpec(layers.value(), MlpSpec.Activation.RELU, 0f);
            return i18n.formatNow("setup_parameters", spec.describe(data.featureCount(), data.classCount())
                    .replace(" relu", ""), spec.parameterCount(data.featureCount(), data.classCount()));
        }, preview.dataProperty(), layers.valueProperty(), i18n.table());
    }

    /** How many times more parameters the teacher has than the student. */
    public StringBinding compression() {
        return Bindings.createStringBinding(() -> {
            Dataset data = preview.dataProperty().get();
            List<Integer> teacher = setup.teacherLayers.value();
            List<Integer> student = setup.studentLayers.value();
            if (data == null || teacher == null || student == null) {
                return "";
            }
            return i18n.formatNow("setup_compression", (double) parameters(teacher, data) / parameters(student, data));
        }, preview.dataProperty(), setup.teacherLayers.valueProperty(), setup.studentLayers.valueProperty(),
                i18n.table());
    }

    private static long parameters(List<Integer> layers, Dataset data) {
        return new MlpSpec(layers, MlpSpec.Activation.RELU, 0f).parameterCount(data.featureCount(),
                data.classCount());
    }
}
