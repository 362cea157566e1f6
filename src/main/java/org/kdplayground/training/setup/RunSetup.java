package org.kdplayground.training.setup;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NetworkBudget;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.Workspace;

/**
 * The set-up panel's state: a preset, the data set and every hyper-parameter as a {@link SetupField}. It turns
 * into an {@link Experiment} when all fields are valid; {@link #validProperty()} says when that is. The class left
 * out of the students' training ({@link RunSettings#NO_OMITTED_CLASS}: none) is a choice, not a text; it is invalid
 * when the data set has no such class (fewer blobs, another data set).
 */
public final class RunSetup {

    private final ObjectProperty<TrainingPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ObjectProperty<DatasetCatalog> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<TransferSet> transferSet = new SimpleObjectProperty<>(this, "transferSet");
    private final BooleanProperty teacherSeesAllLabels = new SimpleBooleanProperty(this, "teacherSeesAllLabels");
    /** Where IDX data sets are read from; null: the data set's default folder. */
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final IntegerBinding classCount;
    private final OmittedClassChoice omitted;
    private final ObjectProperty<Integer> omittedClass;
    private final ReadOnlyObjectWrapper<SetupField.Problem> networkProblem = new ReadOnlyObjectWrapper<>();
    private final UsersData users = new UsersData(dataset);

    public final SetupField<Integer> size = new SetupField<>("size", Parsers.whole(0, 100_000), "1000");
    public final SetupField<Double> noise = new SetupField<>("noise", Parsers.decimal(0, 5, true), "0.2");
    public final SetupField<Integer> classes = new SetupField<>("classes", Parsers.whole(2, 10), "3");
    public final SetupField<List<Integer>> teacherLayers = new SetupField<>("teacherLayers", Parsers.layers(), "64, 64");
    public final SetupField<List<Integer>> studentLayers = new SetupField<>("studentLayers", Parsers.layers(), "8");
    /** One field per numeric run setting, its parser from the setting's range. */
    private final Map<NumericSetting, SetupField<Double>> settings = new EnumMap<>(NumericSetting.class);
    public final SetupField<Long> seed = new SetupField<>("seed", Parsers.seed(), "1");
    private final ObjectProperty<LossMethod> loss = new SimpleObjectProperty<>(this, "loss", LossMethod.HINTON);

    private final BooleanBinding valid;
    private final ObjectBinding<DatasetSpec> dataSpec;
    /** The data set of the last valid fields. */
    private DatasetSpec validData;
    private Experiment base;
    private boolean loading;

    public RunSetup() {
        this(NetworkBudget::allowed);
    }

    /** With {@code networkBytes} the memory a run's networks may take ({@link NetworkBudget#allowed()}). */
    RunSetup(LongSupplier networkBytes) {
        for (NumericSetting setting : NumericSetting.values()) {
            settings.put(setting, new SetupField<>(setting.key(), Parsers.setting(setting),
                    Parsers.fmt(setting.valueIn(RunSettings.DEFAULTS))));
        }
        classCount = Bindings.createIntegerBinding(() -> classCountOf(dataset.get(), classes.value()), dataset,
                classes.valueProperty());
        omitted = new OmittedClassChoice(classCount);
        omittedClass = omitted.chosenProperty();
        var omittedClassProblem = omitted.problemProperty();
        NetworkFit fit = new NetworkFit(networkBytes);
        SetupField<Double> batch = settings.get(NumericSetting.BATCH_SIZE);
        networkProblem.bind(Bindings.createObjectBinding(() -> fit.problem(dataset.get(), classCount.get(),
                teacherLayers.value(), studentLayers.value(), batch.value()), dataset, classCount,
                teacherLayers.valueProperty(), studentLayers.valueProperty(), batch.valueProperty()));
        valid = Bindings.createBooleanBinding(() -> fields().allMatch(SetupField::isValid)
                        && omittedClassProblem.get() == null && networkProblem.get() == null
                        && users.problemProperty().get() == null,
                Stream.concat(fields().map(SetupField::problemProperty), Stream.of(omittedClassProblem,
                        networkProblem, users.problemProperty())).toArray(Observable[]::new));
        dataSpec = Bindings.createObjectBinding(() -> {
            if (valid.get()) {
                validData = dataOfFields();
            }
            return validData;
        }, valid, dataset, folder, size.valueProperty(), noise.valueProperty(), classes.valueProperty(),
                seed.valueProperty(), users.drawnProperty(), users.tableProperty());
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                load(now.experiment());
            }
        });
        preset.set(TrainingPreset.SPIRALS_FEW_LABELS);
        dataset.addListener((obs, old, now) -> {
            if (!loading && now != null && old != null) {
                useDefaultsOf(now, old);
            }
        });
    }

    /** A data set picked by hand starts from its own size, noise and classes, and suitable networks. */
    private void useDefaultsOf(DatasetCatalog now, DatasetCatalog old) {
        omittedClass.set(RunSettings.NO_OMITTED_CLASS);
        size.textProperty().set(Integer.toString(now.defaultSize()));
        noise.textProperty().set(Parsers.fmt(now.defaultNoise()));
        classes.textProperty().set(Integer.toString(now.defaultK()));
        if (now.isImage() != old.isImage()) {
            teacherLayers.textProperty().set(Parsers.layersText(now.isImage() ? List.of(256, 256) : List.of(64, 64)));
            studentLayers.textProperty().set(Parsers.layersText(now.isImage() ? List.of(16) : List.of(8)));
        }
    }

    public Stream<SetupField<?>> fields() {
        return Stream.of(Stream.<SetupField<?>>of(size, noise, classes, teacherLayers, studentLayers),
                settings.values().stream(), Stream.<SetupField<?>>of(seed)).flatMap(f -> f);
    }

    /** The field of a numeric run setting. */
    public SetupField<Double> field(NumericSetting setting) {
        return settings.get(setting);
    }

    /** Fills every field from an experiment. */
    public void load(Experiment e) {
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
        DatasetCatalog data = spec.catalogEntry();
        users.load(spec);
        dataset.set(data);
        folder.set(Objects.equals(spec.folder(), data.defaultFolder()) ? null : spec.folder());
        size.textProperty().set(Integer.toString(spec.size()));
        noise.textProperty().set(Parsers.fmt(spec.noise()));
        classes.textProperty().set(Integer.toString(spec.k()));
        teacherLayers.textProperty().set(Parsers.layersText(networkOrPreset(e.teacher(), true, data)));
        studentLayers.textProperty().set(Parsers.layersText(networkOrPreset(e.student(), false, data)));
        RunSettings s = e.settings();
        settings.forEach((setting, field) -> field.textProperty().set(Parsers.fmt(setting.valueIn(s))));
        seed.textProperty().set(Long.toString(s.seed()));
        loss.set(s.loss());
        transferSet.set(s.transferSet());
        teacherSeesAllLabels.set(s.teacherSeesAllLabels());
        omittedClass.set(s.omittedClass());
    }

    /** The classes of a data set with this many classes typed (only spirals and blobs take the typed number). */
    private static int classCountOf(DatasetCatalog data, Integer typed) {
        if (data == null) {
            return 0;
        }
        return data.hasVariableK() && typed != null ? typed : data.defaultK();
    }

    /** The preset networks of the engine, for data sets whose experiment leaves them out. */
    private static List<Integer> networkOrPreset(MlpSpec spec, boolean teacher, DatasetCatalog data) {
        if (spec != null) {
            return spec.hidden();
        }
        boolean flat = data.isImage();
        if (teacher) {
            return flat ? List.of(256, 256) : List.of(64, 64);
        }
        return flat ? List.of(16) : List.of(8);
    }

    /** The experiment the panel describes; only call when {@link #validProperty()} is true. */
    public Experiment toExperiment() {
        if (!valid.get()) {
            throw new IllegalStateException("the set-up has invalid fields");
        }
        return lastValidExperiment();
    }

    /** The data set the fields describe; the run seed is the data's seed too. */
    private DatasetSpec dataOfFields() {
        DatasetCatalog data = dataset.get();
        DatasetSpec spec = data.defaultSpec().withSize(size.value()).withNoise(noise.value()).withSeed(seed.value())
                .withK(classes.value());
        if (data.kind() == DatasetCatalog.Kind.IDX_FOLDER && folder.get() != null) {
            spec = spec.withFolder(folder.get());
        }
        return users.applyTo(spec);
    }

    /** The experiment of every field's last valid value (the omitted class may not fit the data set then). */
    private Experiment lastValidExperiment() {
        DatasetSpec spec = dataOfFields();
        RunSettings s = base.settings();
        for (Map.Entry<NumericSetting, SetupField<Double>> entry : settings.entrySet()) {
            s = entry.getKey().with(s, entry.getValue().value());
        }
        s = s.withLoss(loss.get()).withTransferSet(transferSet.get()).withSeed(seed.value())
                .withTeacherSeesAllLabels(teacherSeesAllLabels.get()).withOmittedClass(omittedClass.get());
        MlpSpec teacher = network(teacherLayers.value(), base.teacher(), null);
        return base.withDataset(spec)
                .withNetworks(teacher, network(studentLayers.value(), base.student(), teacher))
                .withSettings(s);
    }

    /** The typed layers with the activation and dropout the set-up does not show: the base's, else {@code like}'s. */
    private static MlpSpec network(List<Integer> layers, MlpSpec base, MlpSpec like) {
        MlpSpec from = base != null ? base : like;
        return from == null ? new MlpSpec(layers, MlpSpec.Activation.RELU, 0f)
                : new MlpSpec(layers, from.activation(), base != null ? base.dropout() : 0f);
    }

    /** The panel's last valid values and its preset, for a workspace file. */
    public Workspace.Training snapshot() {
        return new Workspace.Training(preset.get().name(), lastValidExperiment());
    }

    /**
     * Checks a set-up from a file with the fields' own parsers, changing nothing (the run settings were checked
     * against their ranges when the file was read).
     *
     * @throws IllegalArgumentException naming the first value the panel would reject
     */
    public void check(Workspace.Training state) {
        presetOf(state.preset());
        Experiment e = state.experiment();
        DatasetSpec spec = e.dataset();
        List<Map.Entry<SetupField<?>, String>> texts = List.of(Map.entry(size, Integer.toString(spec.size())),
                Map.entry(noise, Parsers.fmt(spec.noise())), Map.entry(classes, Integer.toString(spec.k())),
                Map.entry(teacherLayers, Parsers.layersText(networkOrPreset(e.teacher(), true, spec.catalogEntry()))),
                Map.entry(studentLayers, Parsers.layersText(networkOrPreset(e.student(), false, spec.catalogEntry()))));
        for (Map.Entry<SetupField<?>, String> entry : texts) {
            if (!entry.getKey().accepts(entry.getValue())) {
                throw new IllegalArgumentException("the set-up's " + entry.getKey().id() + " \"" + entry.getValue()
                        + "\" is out of range");
            }
        }
        int omitted = e.settings().omittedClass();
        int count = classCountOf(spec.catalogEntry(), spec.k());
        if (omitted != RunSettings.NO_OMITTED_CLASS && omitted >= count) {
            throw new IllegalArgumentException("the set-up's omitted class " + omitted + " is not one of the "
                    + count + " classes of " + spec.name());
        }
    }

    /** Replaces the panel's state with a checked one from a file. */
    public void restore(Workspace.Training state) {
        check(state);
        preset.set(presetOf(state.preset()));
        load(state.experiment());
    }

    /** Loads a preset, afresh even when it is already selected, so fields typed since are reset. */
    public void usePreset(TrainingPreset chosen) {
        if (preset.get() == chosen) {
            load(chosen.experiment());
        } else {
            preset.set(chosen);
        }
    }

    /**
     * The text of a field by its id ({@code temperature}, {@code seed}, ...; {@code transferSet}: {@code ALL} or
     * {@code LABELLED}; {@code omittedClass}: a class number or {@code none}), as lessons read it.
     */
    public String text(String id) {
        return switch (id) {
            case "transferSet" -> transferSet.get() == null ? "" : transferSet.get().name();
            case "loss" -> loss.get().id();
            case "omittedClass" -> omittedClass.get() == RunSettings.NO_OMITTED_CLASS ? "none"
                    : Integer.toString(omittedClass.get());
            default -> fieldById(id).textProperty().get();
        };
    }

    /** Types a text into a field by its id (see {@link #text}), as if the learner had typed it. */
    public void type(String id, String text) {
        switch (id) {
            case "transferSet" -> transferSet.set(TransferSet.valueOf(text));
            case "loss" -> loss.set(LossMethod.fromId(text));
            case "omittedClass" -> omittedClass.set("none".equals(text) ? RunSettings.NO_OMITTED_CLASS
                    : Integer.parseInt(text));
            default -> fieldById(id).textProperty().set(text);
        }
    }

    private SetupField<?> fieldById(String id) {
        return fields().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no set-up field " + id));
    }

    /** The omitted-class choices for the set-up's data set: none, then every class. */
    ObservableList<Integer> omittedClassChoices() {
        return omitted.choices();
    }

    /** The share of the data held out for testing (the loaded experiment's; the panel does not show it). */
    public double testFraction() {
        return base.testFraction();
    }

    /** The data set the last valid fields describe (the data preview shows it). */
    public ObjectBinding<DatasetSpec> dataSpecProperty() {
        return dataSpec;
    }

    private static TrainingPreset presetOf(String name) {
        try {
            return TrainingPreset.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown preset \"" + name + "\"");
        }
    }

    /** What a workspace file holds of this panel, for noticing unsaved changes. */
    public Observable[] observables() {
        return Stream.concat(Stream.of(preset, dataset, folder, loss, transferSet, teacherSeesAllLabels,
                        omittedClass, users.drawnProperty(), users.tableProperty()),
                fields().map(SetupField::valueProperty)).toArray(Observable[]::new);
    }

    public ObjectProperty<TrainingPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<DatasetCatalog> datasetProperty() {
        return dataset;
    }

    /** The drawn points and the opened table, and why they cannot be trained on. */
    public UsersData users() {
        return users;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** The distillation loss the run will use. */
    public ObjectProperty<LossMethod> lossProperty() {
        return loss;
    }

    ObjectProperty<TransferSet> transferSetProperty() {
        return transferSet;
    }

    BooleanProperty teacherSeesAllLabelsProperty() {
        return teacherSeesAllLabels;
    }

    /** The class the students never see, or {@link RunSettings#NO_OMITTED_CLASS}. */
    public ObjectProperty<Integer> omittedClassProperty() {
        return omittedClass;
    }

    /** Why the omitted class cannot be used with this data set, or null. */
    ReadOnlyObjectProperty<SetupField.Problem> omittedClassProblemProperty() {
        return omitted.problemProperty();
    }

    /** Why the typed networks would not fit this machine's memory, or null ({@link NetworkFit}). */
    public ReadOnlyObjectProperty<SetupField.Problem> networkProblemProperty() {
        return networkProblem.getReadOnlyProperty();
    }

    /** How many classes the data set of the set-up has. */
    IntegerBinding classCountProperty() {
        return classCount;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
