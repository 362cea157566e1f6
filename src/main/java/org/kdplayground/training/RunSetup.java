package org.kdplayground.training;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.io.Experiment;
import org.kdplayground.io.Workspace;

/**
 * The set-up panel's state: a preset, the data set and every hyper-parameter as a {@link SetupField}. It turns
 * into an {@link Experiment} when all fields are valid; {@link #validProperty()} says when that is. The class left
 * out of the students' training ({@link RunConfig#NO_OMITTED_CLASS}: none) is a choice, not a text; it is invalid
 * when the data set has no such class (fewer blobs, another data set).
 */
final class RunSetup {

    private final ObjectProperty<TrainingPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<DatasetCatalog> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<TransferSet> transferSet = new SimpleObjectProperty<>(this, "transferSet");
    private final BooleanProperty teacherSeesAllLabels = new SimpleBooleanProperty(this, "teacherSeesAllLabels");
    /** Where IDX data sets are read from; null: the data set's default folder. */
    private final ObjectProperty<java.nio.file.Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObjectProperty<Integer> omittedClass = new SimpleObjectProperty<>(this, "omittedClass",
            RunConfig.NO_OMITTED_CLASS);
    private final ReadOnlyObjectWrapper<SetupField.Problem> omittedClassProblem =
            new ReadOnlyObjectWrapper<>(this, "omittedClassProblem");
    private final IntegerBinding classCount;

    final SetupField<Integer> size = new SetupField<>("size", Parsers.whole(0, 100_000), "1000");
    final SetupField<Double> noise = new SetupField<>("noise", Parsers.decimal(0, 5, true), "0.2");
    final SetupField<Integer> classes = new SetupField<>("classes", Parsers.whole(2, 10), "3");
    final SetupField<List<Integer>> teacherLayers = new SetupField<>("teacherLayers", Parsers.layers(), "64, 64");
    final SetupField<List<Integer>> studentLayers = new SetupField<>("studentLayers", Parsers.layers(), "8");
    final SetupField<Double> temperature = new SetupField<>("temperature", Parsers.decimal(0, 1000, false), "4");
    final SetupField<Double> alpha = new SetupField<>("alpha", Parsers.decimal(0, 1, true), "0.5");
    final SetupField<Double> learningRate = new SetupField<>("learningRate", Parsers.decimal(0, 10, false), "0.01");
    final SetupField<Integer> teacherEpochs = new SetupField<>("teacherEpochs", Parsers.whole(1, 1000), "30");
    final SetupField<Integer> studentEpochs = new SetupField<>("studentEpochs", Parsers.whole(1, 1000), "30");
    final SetupField<Integer> batchSize = new SetupField<>("batchSize", Parsers.whole(1, 4096), "64");
    final SetupField<Double> labelledFraction = new SetupField<>("labelledFraction",
            Parsers.decimal(0, 1, false), "1");
    final SetupField<Long> seed = new SetupField<>("seed", Parsers.seed(), "1");

    private final BooleanBinding valid;
    private Experiment base;
    private boolean loading;

    RunSetup() {
        classCount = Bindings.createIntegerBinding(() -> classCountOf(dataset.get(), classes.value()), dataset,
                classes.valueProperty());
        omittedClassProblem.bind(Bindings.createObjectBinding(() -> {
            Integer omitted = omittedClass.get();
            return omitted == null || omitted < classCount.get() ? null
                    : new SetupField.Problem("setup_error_omitted_class", omitted);
        }, omittedClass, classCount));
        valid = Bindings.createBooleanBinding(() -> fields().allMatch(SetupField::isValid)
                        && omittedClassProblem.get() == null,
                Stream.concat(fields().map(SetupField::problemProperty), Stream.of(omittedClassProblem))
                        .toArray(javafx.beans.Observable[]::new));
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                load(now.experiment());
            }
        });
        preset.set(TrainingPreset.TWO_MOONS);
        dataset.addListener((obs, old, now) -> {
            if (!loading && now != null && old != null) {
                useDefaultsOf(now, old);
            }
        });
    }

    /** A data set picked by hand starts from its own size, noise and classes, and suitable networks. */
    private void useDefaultsOf(DatasetCatalog now, DatasetCatalog old) {
        omittedClass.set(RunConfig.NO_OMITTED_CLASS);
        size.textProperty().set(Integer.toString(now.defaultSize()));
        noise.textProperty().set(Parsers.fmt(now.defaultNoise()));
        classes.textProperty().set(Integer.toString(now.defaultK()));
        if (now.isImage() != old.isImage()) {
            teacherLayers.textProperty().set(Parsers.layersText(now.isImage() ? List.of(256, 256) : List.of(64, 64)));
            studentLayers.textProperty().set(Parsers.layersText(now.isImage() ? List.of(16) : List.of(8)));
        }
    }

    Stream<SetupField<?>> fields() {
        return Stream.of(size, noise, classes, teacherLayers, studentLayers, temperature, alpha, learningRate,
                teacherEpochs, studentEpochs, batchSize, labelledFraction, seed);
    }

    /** Fills every field from an experiment. */
    void load(Experiment e) {
        loading = true;
        try {
            fill(e);
        } finally {
            loading = false;
        }
    }

    private void fill(Experiment e) {
        base = e;
        DatasetSpec spec = e.dataset();
        dataset.set(spec.catalogEntry());
        size.textProperty().set(Integer.toString(spec.size()));
        noise.textProperty().set(Parsers.fmt(spec.noise()));
        classes.textProperty().set(Integer.toString(spec.k()));
        teacherLayers.textProperty().set(Parsers.layersText(networkOrPreset(e.teacher(), true)));
        studentLayers.textProperty().set(Parsers.layersText(networkOrPreset(e.student(), false)));
        temperature.textProperty().set(Parsers.fmt(e.temperature()));
        alpha.textProperty().set(Parsers.fmt(e.alpha()));
        learningRate.textProperty().set(Parsers.fmt(e.learningRate()));
        teacherEpochs.textProperty().set(Integer.toString(e.teacherEpochs()));
        studentEpochs.textProperty().set(Integer.toString(e.studentEpochs()));
        batchSize.textProperty().set(Integer.toString(e.batchSize()));
        labelledFraction.textProperty().set(Parsers.fmt(e.labelledFraction()));
        seed.textProperty().set(Long.toString(e.seed()));
        transferSet.set(e.transferSet());
        teacherSeesAllLabels.set(e.teacherSeesAllLabels());
        omittedClass.set(e.omittedClass());
    }

    /** The classes of a data set with this many classes typed (only spirals and blobs take the typed number). */
    private static int classCountOf(DatasetCatalog data, Integer typed) {
        if (data == null) {
            return 0;
        }
        return data.hasVariableK() && typed != null ? typed : data.defaultK();
    }

    /** The preset networks of the engine, for data sets whose experiment leaves them out. */
    private List<Integer> networkOrPreset(MlpSpec spec, boolean teacher) {
        if (spec != null) {
            return spec.hidden();
        }
        boolean flat = dataset.get().isImage();
        if (teacher) {
            return flat ? List.of(256, 256) : List.of(64, 64);
        }
        return flat ? List.of(16) : List.of(8);
    }

    /** The experiment the panel describes; only call when {@link #validProperty()} is true. */
    Experiment toExperiment() {
        if (!valid.get()) {
            throw new IllegalStateException("the set-up has invalid fields");
        }
        DatasetCatalog data = dataset.get();
        DatasetSpec spec = data.defaultSpec().withSize(size.value()).withNoise(noise.value()).withSeed(seed.value())
                .withK(classes.value());
        if (data.kind() == DatasetCatalog.Kind.IDX_FOLDER && folder.get() != null) {
            spec = spec.withFolder(folder.get());
        }
        MlpSpec.Activation activation = base.teacher() != null ? base.teacher().activation()
                : MlpSpec.Activation.RELU;
        return base.toBuilder()
                .dataset(spec)
                .teacher(new MlpSpec(teacherLayers.value(), activation, 0f))
                .student(new MlpSpec(studentLayers.value(), activation, 0f))
                .temperature(temperature.value().floatValue())
                .alpha(alpha.value().floatValue())
                .learningRate(learningRate.value().floatValue())
                .teacherEpochs(teacherEpochs.value())
                .studentEpochs(studentEpochs.value())
                .batchSize(batchSize.value())
                .labelledFraction(labelledFraction.value())
                .transferSet(transferSet.get())
                .seed(seed.value())
                .teacherSeesAllLabels(teacherSeesAllLabels.get())
                .omittedClass(omittedClass.get())
                .build();
    }

    /** The panel's last valid values and its preset, for a workspace file. */
    Workspace.Training snapshot() {
        return new Workspace.Training(preset.get().name(), dataset.get(), size.value(), noise.value(),
                classes.value(), folder.get(), teacherLayers.value(), studentLayers.value(), temperature.value(),
                alpha.value(), learningRate.value(), teacherEpochs.value(), studentEpochs.value(), batchSize.value(),
                labelledFraction.value(), transferSet.get(), seed.value(), teacherSeesAllLabels.get(),
                omittedClass.get());
    }

    /**
     * Checks a set-up from a file with the fields' own parsers, changing nothing.
     *
     * @throws IllegalArgumentException naming the first value the panel would reject
     */
    void check(Workspace.Training state) {
        presetOf(state.preset());
        List<Map.Entry<SetupField<?>, String>> texts = texts(state);
        for (Map.Entry<SetupField<?>, String> entry : texts) {
            if (!entry.getKey().accepts(entry.getValue())) {
                throw new IllegalArgumentException("the set-up's " + entry.getKey().id() + " \"" + entry.getValue()
                        + "\" is out of range");
            }
        }
        int omitted = state.omittedClass();
        int count = classCountOf(state.dataset(), state.classes());
        if (omitted != RunConfig.NO_OMITTED_CLASS && (omitted < 0 || omitted >= count)) {
            throw new IllegalArgumentException("the set-up's omitted class " + omitted + " is not one of the "
                    + count + " classes of " + state.dataset().id());
        }
    }

    /** Replaces the panel's state with a checked one from a file. */
    void restore(Workspace.Training state) {
        check(state);
        preset.set(presetOf(state.preset()));
        loading = true;
        try {
            dataset.set(state.dataset());
            folder.set(state.folder());
            for (Map.Entry<SetupField<?>, String> entry : texts(state)) {
                entry.getKey().textProperty().set(entry.getValue());
            }
            transferSet.set(state.transferSet());
            teacherSeesAllLabels.set(state.teacherSeesAllLabels());
            omittedClass.set(state.omittedClass());
        } finally {
            loading = false;
        }
    }

    private List<Map.Entry<SetupField<?>, String>> texts(Workspace.Training s) {
        return List.of(Map.entry(size, Integer.toString(s.size())), Map.entry(noise, Parsers.fmt(s.noise())),
                Map.entry(classes, Integer.toString(s.classes())),
                Map.entry(teacherLayers, Parsers.layersText(s.teacherLayers())),
                Map.entry(studentLayers, Parsers.layersText(s.studentLayers())),
                Map.entry(temperature, Parsers.fmt(s.temperature())), Map.entry(alpha, Parsers.fmt(s.alpha())),
                Map.entry(learningRate, Parsers.fmt(s.learningRate())),
                Map.entry(teacherEpochs, Integer.toString(s.teacherEpochs())),
                Map.entry(studentEpochs, Integer.toString(s.studentEpochs())),
                Map.entry(batchSize, Integer.toString(s.batchSize())),
                Map.entry(labelledFraction, Parsers.fmt(s.labelledFraction())),
                Map.entry(seed, Long.toString(s.seed())));
    }

    private static TrainingPreset presetOf(String name) {
        try {
            return TrainingPreset.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset \"" + name + "\"");
        }
    }

    /** What a workspace file holds of this panel, for noticing unsaved changes. */
    javafx.beans.Observable[] observables() {
        return java.util.stream.Stream.concat(Stream.of(preset, dataset, folder, transferSet, teacherSeesAllLabels,
                        omittedClass),
                fields().map(SetupField::valueProperty)).toArray(javafx.beans.Observable[]::new);
    }

    ObjectProperty<TrainingPreset> presetProperty() {
        return preset;
    }

    ObjectProperty<DatasetCatalog> datasetProperty() {
        return dataset;
    }

    ObjectProperty<java.nio.file.Path> folderProperty() {
        return folder;
    }

    ObjectProperty<TransferSet> transferSetProperty() {
        return transferSet;
    }

    BooleanProperty teacherSeesAllLabelsProperty() {
        return teacherSeesAllLabels;
    }

    /** The class the students never see, or {@link RunConfig#NO_OMITTED_CLASS}. */
    ObjectProperty<Integer> omittedClassProperty() {
        return omittedClass;
    }

    /** Why the omitted class cannot be used with this data set, or null. */
    ReadOnlyObjectProperty<SetupField.Problem> omittedClassProblemProperty() {
        return omittedClassProblem.getReadOnlyProperty();
    }

    /** How many classes the data set of the set-up has. */
    IntegerBinding classCountProperty() {
        return classCount;
    }

    BooleanBinding validProperty() {
        return valid;
    }
}
