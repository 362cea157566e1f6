package org.kdplayground.io;

import java.util.List;
import java.util.Objects;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.loss.LossMethod;

/**
 * Everything on both screens at one moment, as saved in a workspace file ({@code .kdp.json}): the explorer, the
 * training set-up and the sweep's settings. Plain values that compare by content, so "unsaved changes" is a
 * comparison of two snapshots. {@link WorkspaceFile} reads and writes it.
 */
public record Workspace(Explorer explorer, Training training, Sweep sweep) {

    public Workspace {
        Objects.requireNonNull(explorer, "explorer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(sweep, "sweep");
    }

    /**
     * The explorer: classes with both sides' logits, the true class (0-based), T, α, the T² switch, the grid, and the
     * loss it shows with DKD's three weights (w_ce, α of TCKD, β of NCKD).
     */
    public record Explorer(List<String> classNames, List<Double> teacher, List<Double> student, int trueClass,
                           double temperature, double alpha, boolean softScaledByTSquared,
                           List<Double> gridTemperatures, LossMethod method, double ceWeight, double dkdAlpha,
                           double dkdBeta) {
        public Explorer {
            classNames = List.copyOf(classNames);
            teacher = List.copyOf(teacher);
            student = List.copyOf(student);
            gridTemperatures = List.copyOf(gridTemperatures);
            Objects.requireNonNull(method, "method");
        }

        /** An explorer on Hinton's loss with a run's default DKD weights (as files without a loss hold it). */
        public Explorer(List<String> classNames, List<Double> teacher, List<Double> student, int trueClass,
                        double temperature, double alpha, boolean softScaledByTSquared,
                        List<Double> gridTemperatures) {
            this(classNames, teacher, student, trueClass, temperature, alpha, softScaledByTSquared, gridTemperatures,
                    LossMethod.HINTON, NumericSetting.CE_WEIGHT.valueIn(RunSettings.DEFAULTS),
                    NumericSetting.DKD_ALPHA.valueIn(RunSettings.DEFAULTS),
                    NumericSetting.DKD_BETA.valueIn(RunSettings.DEFAULTS));
        }
    }

    /**
     * The training set-up: the experiment it describes and the preset it started from (a {@code TrainingPreset}'s
     * name), so that the preset list shows it again.
     */
    public record Training(String preset, Experiment experiment) {
        public Training {
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(experiment, "experiment");
        }
    }

    /**
     * The sweep tab's settings: the setting it varies, its values as typed (checked when restored) and the number of
     * seeds.
     */
    public record Sweep(SweptSetting setting, String values, int seeds) {
        public Sweep {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(values, "values");
        }

        /** A temperature sweep. */
        public Sweep(List<Float> temperatures, int seeds) {
            this(SweptSetting.TEMPERATURE, String.join(", ", temperatures.stream()
                    .map(t -> t == Math.rint(t) && Math.abs(t) < 1e9 ? Long.toString(t.longValue())
                            : Float.toString(t)).toList()), seeds);
        }
    }
}
