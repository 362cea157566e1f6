package org.kdplayground.training.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;

import org.junit.jupiter.api.Test;

class RunSetupTest {

    @Test
    void startsOnTheSpiralsWithFewLabelsWhereDistillationWins() {
        RunSetup setup = new RunSetup();
        assertThat(setup.presetProperty().get()).isEqualTo(TrainingPreset.SPIRALS_FEW_LABELS);
        assertThat(setup.datasetProperty().get()).isEqualTo(DatasetCatalog.SPIRALS);
        assertThat(setup.field(NumericSetting.LABELLED_FRACTION).textProperty().get()).isEqualTo("0.05");
        assertThat(setup.text("transferSet")).isEqualTo("ALL");
        assertThat(setup.toExperiment().settings().teacherSeesAllLabels()).isTrue();
        assertThat(setup.field(NumericSetting.TEMPERATURE).textProperty().get()).isEqualTo("4");
        assertThat(setup.field(NumericSetting.ALPHA).textProperty().get()).isEqualTo("0.5");
        assertThat(setup.validProperty().get()).isTrue();
    }

    @Test
    void aPresetsFloatValuesShowAsTyped() {
        RunSetup setup = new RunSetup();
        setup.presetProperty().set(TrainingPreset.DIGITS);
        assertThat(setup.field(NumericSetting.LEARNING_RATE).textProperty().get()).as("0.005f, not 0.004999999888241291").isEqualTo("0.005");
        assertThat(setup.toExperiment().settings().learningRate()).isEqualTo(0.005f);
    }

    @Test
    void experimentCarriesEveryField() {
        RunSetup setup = new RunSetup();
        setup.field(NumericSetting.TEMPERATURE).textProperty().set("2.5");
        setup.field(NumericSetting.ALPHA).textProperty().set("0.1");
        setup.teacherLayers.textProperty().set("32, 16");
        setup.studentLayers.textProperty().set("");
        setup.field(NumericSetting.LABELLED_FRACTION).textProperty().set("0.2");
        setup.seed.textProperty().set("9");
        setup.transferSetProperty().set(TransferSet.ALL);
        Experiment e = setup.toExperiment();
        assertThat(e.settings().temperature()).isEqualTo(2.5f);
        assertThat(e.settings().alpha()).isEqualTo(0.1f);
        assertThat(e.teacher()).isEqualTo(MlpSpec.of(32, 16));
        assertThat(e.student().hidden()).isEmpty();
        assertThat(e.settings().labelledFraction()).isEqualTo(0.2);
        assertThat(e.settings().seed()).isEqualTo(9);
        assertThat(e.dataset().seed()).isEqualTo(9);
        assertThat(e.settings().transferSet()).isEqualTo(TransferSet.ALL);
    }

    @Test
    void invalidTextKeepsTheLastValidValueAndNamesTheProblem() {
        RunSetup setup = new RunSetup();
        setup.field(NumericSetting.TEMPERATURE).textProperty().set("abc");
        assertThat(setup.field(NumericSetting.TEMPERATURE).value()).isEqualTo(4.0);
        assertThat(setup.field(NumericSetting.TEMPERATURE).problemProperty().get().key()).isEqualTo("setup_error_number");
        assertThat(setup.validProperty().get()).isFalse();
        assertThrows(IllegalStateException.class, setup::toExperiment);

        setup.field(NumericSetting.TEMPERATURE).textProperty().set("0");
        assertThat(setup.field(NumericSetting.TEMPERATURE).problemProperty().get().key())
                .isEqualTo("setup_error_range");
        setup.field(NumericSetting.TEMPERATURE).textProperty().set("3");
        assertThat(setup.validProperty().get()).isTrue();
    }

    @Test
    void eachFieldRejectsWhatTrainingCannotUse() {
        RunSetup setup = new RunSetup();
        List<Object[]> cases = List.of(
                new Object[] {setup.field(NumericSetting.ALPHA), "1.5", "setup_error_range"},
                new Object[] {setup.field(NumericSetting.LEARNING_RATE), "-0.1", "setup_error_range_open"},
                new Object[] {setup.field(NumericSetting.TEACHER_EPOCHS), "2.5", "setup_error_whole"},
                new Object[] {setup.field(NumericSetting.BATCH_SIZE), "0", "setup_error_range"},
                new Object[] {setup.field(NumericSetting.LABELLED_FRACTION), "0", "setup_error_range_open"},
                new Object[] {setup.seed, "x", "setup_error_seed"},
                new Object[] {setup.teacherLayers, "64, a", "setup_error_layers"},
                new Object[] {setup.studentLayers, "0", "setup_error_units"},
                new Object[] {setup.studentLayers, "1,1,1,1,1,1,1", "setup_error_depth"},
                new Object[] {setup.noise, "NaN", "setup_error_number"},
                new Object[] {setup.size, "", "setup_error_empty"});
        for (Object[] c : cases) {
            SetupField<?> field = (SetupField<?>) c[0];
            String before = field.textProperty().get();
            field.textProperty().set((String) c[1]);
            assertThat(field.problemProperty().get()).as(field.id() + " <- " + c[1]).isNotNull();
            assertThat(field.problemProperty().get().key()).as(field.id() + " <- " + c[1]).isEqualTo(c[2]);
            field.textProperty().set(before);
            assertThat(field.isValid()).isTrue();
        }
    }

    @Test
    void presetLoadsItsExperiment() {
        RunSetup setup = new RunSetup();
        setup.presetProperty().set(TrainingPreset.DIGITS_FEW_LABELS);
        assertThat(setup.datasetProperty().get()).isEqualTo(DatasetCatalog.DIGITS_8X8);
        assertThat(setup.field(NumericSetting.LABELLED_FRACTION).value()).isEqualTo(0.05);
        assertThat(setup.transferSetProperty().get()).isEqualTo(TransferSet.ALL);
        assertThat(setup.teacherSeesAllLabelsProperty().get()).isTrue();
        assertThat(setup.teacherLayers.value()).containsExactly(256, 256);
    }

    @Test
    void pickingAnotherDataSetTakesItsDefaultsAndFittingNetworks() {
        RunSetup setup = new RunSetup();
        setup.datasetProperty().set(DatasetCatalog.SPIRALS);
        assertThat(setup.classes.value()).isEqualTo(DatasetCatalog.SPIRALS.defaultK());
        assertThat(setup.noise.value()).isEqualTo(DatasetCatalog.SPIRALS.defaultNoise());
        assertThat(setup.teacherLayers.value()).containsExactly(64, 64);
        setup.datasetProperty().set(DatasetCatalog.DIGITS_8X8);
        assertThat(setup.teacherLayers.value()).containsExactly(256, 256);
        assertThat(setup.studentLayers.value()).containsExactly(16);
    }

    @Test
    void aChosenFolderIsWhereIdxDataIsRead() {
        RunSetup setup = new RunSetup();
        java.nio.file.Path folder = java.nio.file.Path.of("/data/my-fashion");
        setup.folderProperty().set(folder);
        assertThat(setup.toExperiment().dataset().folder()).isNotEqualTo(folder);
        setup.datasetProperty().set(DatasetCatalog.FASHION_MNIST);
        assertThat(setup.toExperiment().dataset().folder()).isEqualTo(folder);
        setup.folderProperty().set(null);
        assertThat(setup.toExperiment().dataset().folder()).isEqualTo(DatasetCatalog.FASHION_MNIST.defaultFolder());
    }

    @Test
    void omitThreePresetLeavesOutTheThreesAndTheExperimentCarriesIt() {
        RunSetup setup = new RunSetup();
        assertThat(setup.omittedClassProperty().get()).isEqualTo(RunSettings.NO_OMITTED_CLASS);
        setup.presetProperty().set(TrainingPreset.DIGITS_OMIT_3);
        assertThat(setup.datasetProperty().get()).isEqualTo(DatasetCatalog.DIGITS_8X8);
        assertThat(setup.omittedClassProperty().get()).isEqualTo(3);
        assertThat(setup.classCountProperty().get()).isEqualTo(10);
        assertThat(setup.toExperiment().settings().omittedClass()).isEqualTo(3);
        assertThat(setup.snapshot().experiment().settings().omittedClass()).isEqualTo(3);
        setup.presetProperty().set(TrainingPreset.DIGITS);
        assertThat(setup.toExperiment().settings().omitsAClass()).isFalse();
    }

    @Test
    void anOmittedClassTheDataSetLacksIsInvalidUntilFixed() {
        RunSetup setup = new RunSetup();
        setup.datasetProperty().set(DatasetCatalog.BLOBS);
        setup.classes.textProperty().set("5");
        setup.omittedClassProperty().set(4);
        assertThat(setup.validProperty().get()).isTrue();
        setup.classes.textProperty().set("3");
        assertThat(setup.omittedClassProblemProperty().get().key()).isEqualTo("setup_error_omitted_class");
        assertThat(setup.omittedClassProblemProperty().get().args()).containsExactly(4);
        assertThat(setup.validProperty().get()).isFalse();
        assertThrows(IllegalStateException.class, setup::toExperiment);
        setup.omittedClassProperty().set(2);
        assertThat(setup.validProperty().get()).isTrue();
        assertThat(setup.toExperiment().settings().omittedClass()).isEqualTo(2);
    }

    @Test
    void pickingAnotherDataSetByHandLeavesNoClassOut() {
        RunSetup setup = new RunSetup();
        setup.presetProperty().set(TrainingPreset.DIGITS_OMIT_3);
        setup.datasetProperty().set(DatasetCatalog.FASHION_MNIST);
        assertThat(setup.omittedClassProperty().get()).isEqualTo(RunSettings.NO_OMITTED_CLASS);
    }

    @Test
    void aFileWhoseOmittedClassTheDataSetLacksIsRejected() {
        RunSetup setup = new RunSetup();
        setup.presetProperty().set(TrainingPreset.DIGITS_OMIT_3);
        var digits = setup.snapshot();
        setup.restore(digits);
        assertThat(setup.omittedClassProperty().get()).isEqualTo(3);
        setup.presetProperty().set(TrainingPreset.TWO_MOONS);
        var moons = setup.snapshot();
        Experiment e = moons.experiment();
        var bad = new org.kdplayground.io.Workspace.Training(moons.preset(),
                e.withSettings(e.settings().withOmittedClass(2)));
        assertThat(assertThrows(IllegalArgumentException.class, () -> setup.check(bad)).getMessage())
                .contains("omitted class 2").contains("2 classes of two-moons");
    }

    @Test
    void eachSettingsFieldAcceptsExactlyItsSettingsRange() {
        RunSetup setup = new RunSetup();
        for (NumericSetting setting : NumericSetting.values()) {
            SetupField<Double> field = setup.field(setting);
            double min = setting.range().min();
            double max = setting.range().max();
            assertThat(field.accepts(Parsers.fmt(max))).as(setting + " max").isEqualTo(setting.range().maxIncluded());
            assertThat(field.accepts(Parsers.fmt(max + 1))).as(setting + " above max").isFalse();
            assertThat(field.accepts(Parsers.fmt(min))).as(setting + " min").isEqualTo(setting.range().minIncluded());
            assertThat(field.accepts(Parsers.fmt(min - 0.01))).as(setting + " below min").isFalse();
        }
    }

    /** The explorer's T range is the set-up's: a run at any T the set-up accepts opens there at that T. */
    @Test
    void temperatureFieldRejectsWhatTheExplorerCannotShow() {
        RunSetup setup = new RunSetup();
        SetupField<Double> t = setup.field(NumericSetting.TEMPERATURE);
        assertThat(t.accepts("500")).isFalse();
        assertThat(t.accepts("100")).isTrue();
        assertThat(t.accepts("0.1")).isTrue();
        assertThat(t.accepts("0.05")).isFalse();
    }

    /** The set-up reads numbers as the explorer does: the typographic minus and full-width commas too. */
    @Test
    void fieldsReadNumbersAsTheExplorerDoes() {
        RunSetup setup = new RunSetup();
        setup.seed.textProperty().set("\u22125");
        assertThat(setup.seed.value()).isEqualTo(-5L);
        setup.teacherLayers.textProperty().set("32\uFF0C16");
        assertThat(setup.teacherLayers.value()).containsExactly(32, 16);
        setup.field(NumericSetting.ALPHA).textProperty().set(" 0.25 ");
        assertThat(setup.field(NumericSetting.ALPHA).value()).isEqualTo(0.25);
        setup.studentLayers.textProperty().set("8.5");
        assertThat(setup.studentLayers.problemProperty().get().key()).isEqualTo("setup_error_layers");
    }

    @Test
    void theLossAndItsWeightsGoIntoTheExperimentAndBack() {
        RunSetup setup = new RunSetup();
        assertThat(setup.text("loss")).isEqualTo("hinton");
        setup.type("loss", "dkd");
        setup.field(NumericSetting.DKD_BETA).textProperty().set("2");
        setup.field(NumericSetting.DKD_WARMUP_EPOCHS).textProperty().set("5");
        setup.field(NumericSetting.TEACHER_LABEL_SMOOTHING).textProperty().set("0.1");
        Experiment e = setup.toExperiment();
        assertThat(e.settings().loss()).isEqualTo(org.kdplayground.engine.loss.LossMethod.DKD);
        assertThat(e.settings().dkdBeta()).isEqualTo(2f);
        assertThat(e.settings().dkdWarmupEpochs()).isEqualTo(5);
        assertThat(e.settings().teacherLabelSmoothing()).isEqualTo(0.1f);
        RunSetup other = new RunSetup();
        other.load(e);
        assertThat(other.toExperiment()).isEqualTo(e);
        setup.field(NumericSetting.TEACHER_LABEL_SMOOTHING).textProperty().set("0.5");
        assertThat(setup.field(NumericSetting.TEACHER_LABEL_SMOOTHING).problemProperty().get().key())
                .isEqualTo("setup_error_range_below");
        setup.field(NumericSetting.DKD_BETA).textProperty().set("-1");
        assertThat(setup.validProperty().get()).isFalse();
    }

    /**
     * Networks (with the batch's activations) that would not fit a run's memory disable Start with both figures, before
     * anything is allocated; smaller layers or a smaller batch make the set-up valid again.
     */
    @Test
    void networksTooLargeForThisMachineAreRefusedWithWhatTheyNeedAndWhatIsAllowed() {
        RunSetup setup = new RunSetup(() -> 100_000_000L);
        assertThat(setup.networkProblemProperty().get()).isNull();

        setup.teacherLayers.textProperty().set("4096, 4096, 4096");
        assertThat(setup.validProperty().get()).isFalse();
        SetupField.Problem problem = setup.networkProblemProperty().get();
        assertThat(problem.key()).isEqualTo("setup_error_network_memory");
        long teacherParameters = MlpSpec.of(4096, 4096, 4096).parameterCount(2, 2);
        assertThat(problem.args()).containsExactly(org.kdplayground.data.MemoryBudget.size(
                16 * (teacherParameters + MlpSpec.of(8).parameterCount(2, 2))
                        + 64L * 12 * (3 * 4096 + 2 + 8 + 2)), "100 MB");

        setup.teacherLayers.textProperty().set("1024");
        assertThat(setup.validProperty().get()).isTrue();
        setup.field(NumericSetting.BATCH_SIZE).textProperty().set("65536"); // activations: 65536 x 1036 x 12 bytes
        assertThat(setup.networkProblemProperty().get()).isNotNull();
        setup.field(NumericSetting.BATCH_SIZE).textProperty().set("64");
        assertThat(setup.validProperty().get()).isTrue();
    }
}
