package org.kdplayground.training.sweep;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.SweepAxis;
import org.kdplayground.engine.SweepListener;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweepPlan;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepRun;
import org.kdplayground.engine.SweepValue;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.io.Workspace;
import org.kdplayground.training.setup.Parsers;
import org.kdplayground.training.setup.SetupField;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TaskExecutor;

/**
 * The sweep tab: trains the students of the current set-up at several values of one setting (T, α, the loss, DKD's
 * β, the teacher's label smoothing, either network's layers, the labelled fraction), each over several seeds, on the
 * engine's worker, and collects one row per run for the chart against that setting. Each setting keeps the list the
 * learner typed for it while another is chosen.
 */
public final class SweepModel {

    /** The field id that sets a temperature sweep's list ({@code sweepValues:T} does the same). */
    public static final String TEMPERATURES_ID = "sweepTemperatures";
    /** Field ids {@code sweepValues:<key>} choose that setting and type its list, e.g. {@code sweepValues:loss}. */
    public static final String VALUES_ID_PREFIX = "sweepValues:";

    /** A first list for each setting, until the learner types one. */
    private static final Map<SweptSetting, String> DEFAULT_VALUES = defaultValues();

    private final ObjectProperty<SweptSetting> setting = new SimpleObjectProperty<>(this, "setting",
            SweptSetting.TEMPERATURE);
    public final SetupField<SweepAxis> values = new SetupField<>("sweepValues", Parsers.sweepValues(setting::get),
            DEFAULT_VALUES.get(SweptSetting.TEMPERATURE));
    public final SetupField<Integer> seeds = new SetupField<>("sweepSeeds", Parsers.whole(1, 20), "3");
    private final ObjectProperty<SweepMeasure> measure = new SimpleObjectProperty<>(this, "measure",
            SweepMeasure.ACCURACY);
    private final Map<SweptSetting, String> typed = new EnumMap<>(SweptSetting.class);

    private final I18n i18n;
    private final TaskExecutor engine;
    private final Supplier<Experiment> experiment;
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<SweepAxis> plannedAxis = new ReadOnlyObjectWrapper<>(this, "plannedAxis");
    private final BooleanBinding canStart;
    private RunControl control;

    /**
     * @param experiment   the set-up to sweep, read when the sweep starts
     * @param setupReady   whether the set-up is valid, the engine ready and no training run busy
     */
    public SweepModel(I18n i18n, TaskExecutor engine, Supplier<Experiment> experiment,
                      ObservableBooleanValue setupReady) {
        this.i18n = Objects.requireNonNull(i18n);
        this.engine = Objects.requireNonNull(engine);
        this.experiment = Objects.requireNonNull(experiment);
        canStart = Bindings.createBooleanBinding(() -> setupReady.get() && !busy.get() && values.isValid()
                        && seeds.isValid(), setupReady, busy, values.problemProperty(),
                seeds.problemProperty());
        setting.addListener((obs, old, now) -> {
            typed.put(old, values.textProperty().get());
            values.textProperty().set(typed.getOrDefault(now, DEFAULT_VALUES.get(now)));
            values.revalidate(); // the same text may mean something else for the new setting
        });
    }

    private static Map<SweptSetting, String> defaultValues() {
        Map<SweptSetting, String> map = new EnumMap<>(SweptSetting.class);
        map.put(SweptSetting.TEMPERATURE, "1, 2, 4, 8, 16");
        map.put(SweptSetting.ALPHA, "0, 0.25, 0.5, 0.75, 1");
        map.put(SweptSetting.LOSS, "hinton, dkd, lskd");
        map.put(SweptSetting.DKD_BETA, "1, 2, 4, 8, 16");
        map.put(SweptSetting.TEACHER_LABEL_SMOOTHING, "0, 0.1, 0.2, 0.3");
        map.put(SweptSetting.TEACHER_HIDDEN, "8, 32, 128, 256-256");
        map.put(SweptSetting.STUDENT_HIDDEN, "4, 8, 16, 32, 64");
        map.put(SweptSetting.LABELLED_FRACTION, "0.05, 0.1, 0.25, 0.5, 1");
        return Map.copyOf(map);
    }

    /** The setting the sweep varies. */
    public ObjectProperty<SweptSetting> settingProperty() {
        return setting;
    }

    /** What the chart plots against the setting. */
    public ObjectProperty<SweepMeasure> measureProperty() {
        return measure;
    }

    /** The sweep's settings, for a workspace file: the chosen setting's last valid list. */
    public Workspace.Sweep snapshot() {
        return new Workspace.Sweep(setting.get(), values.value().text(), seeds.value());
    }

    /** @throws IllegalArgumentException when the fields would reject a value; nothing changes then */
    public void check(Workspace.Sweep state) {
        try {
            SweepAxis.parse(state.setting(), state.values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sweep's " + state.setting().key() + " values: " + e.getMessage());
        }
        if (!seeds.accepts(Integer.toString(state.seeds()))) {
            throw new IllegalArgumentException("the sweep's seeds are out of range: " + state.seeds());
        }
    }

    public void restore(Workspace.Sweep state) {
        check(state);
        choose(state.setting(), state.values());
        seeds.textProperty().set(Integer.toString(state.seeds()));
    }

    /** Chooses a setting and types its list. */
    private void choose(SweptSetting chosen, String list) {
        setting.set(chosen);
        values.textProperty().set(list);
    }

    /**
     * Whether {@code id} names one of the sweep's fields: {@code sweepSeeds}, {@code sweepValues} (the chosen
     * setting's list), {@code sweepTemperatures} or {@code sweepValues:<key>} (that setting, chosen as its list is
     * typed).
     */
    public boolean hasField(String id) {
        return seeds.id().equals(id) || values.id().equals(id) || TEMPERATURES_ID.equals(id)
                || id.startsWith(VALUES_ID_PREFIX) && settingOf(id) != null;
    }

    /** The text of the sweep's field {@code id}. */
    public String text(String id) {
        if (seeds.id().equals(id)) {
            return seeds.textProperty().get();
        }
        SweptSetting named = namedSetting(id);
        return named == null || named == setting.get() ? values.textProperty().get()
                : typed.getOrDefault(named, DEFAULT_VALUES.get(named));
    }

    /** Types a text into the sweep's field {@code id}, as if the learner had typed it. */
    public void type(String id, String text) {
        if (!hasField(id)) {
            throw new IllegalArgumentException("no sweep field " + id);
        }
        if (seeds.id().equals(id)) {
            seeds.textProperty().set(text);
            return;
        }
        SweptSetting named = namedSetting(id);
        choose(named == null ? setting.get() : named, text);
    }

    /** The setting a field id names ({@code sweepTemperatures}: T); null for the chosen setting's list. */
    private static SweptSetting namedSetting(String id) {
        return TEMPERATURES_ID.equals(id) ? SweptSetting.TEMPERATURE : settingOf(id);
    }

    private static SweptSetting settingOf(String id) {
        if (!id.startsWith(VALUES_ID_PREFIX)) {
            return null;
        }
        try {
            return SweptSetting.fromKey(id.substring(VALUES_ID_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Observable[] observables() {
        return new Observable[] {setting, values.valueProperty(), seeds.valueProperty()};
    }

    public ObservableList<SweepRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The swept setting and its values of the sweep running or last run (null before any). */
    public ReadOnlyObjectProperty<SweepAxis> plannedAxisProperty() {
        return plannedAxis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        SweepPlan plan = new SweepPlan(experiment.get(), values.value(), seeds.value());
        control = new RunControl();
        RunControl runControl = control;
        rows.clear();
        result.set(null);
        busy.set(true);
        status.set(i18n.formatNow("sweep_progress", 0, plan.totalRuns(), "–", "–"));
        plannedAxis.set(values.value());
        engine.execute(() -> plan.sweep().run(new SweepListener() {
            @Override
            public void runStarting(SweepRun run) {
                engine.report(() -> status.set(i18n.formatNow("sweep_progress", run.index(), run.total(),
                        describe(run.point()), run.seed())));
            }

            @Override
            public void runFinished(SweepRun run, SweepRow row, RunResult runResult) {
                engine.report(() -> rows.add(row));
            }
        }, runControl), this::finish, failure -> fail(String.valueOf(failure.getMessage())));
    }

    public void cancel() {
        if (busy.get() && control != null) {
            control.cancel();
        }
    }

    private void finish(SweepResult done) {
        busy.set(false);
        result.set(done);
        switch (done.stopReason()) {
            case COMPLETED -> status.set(done.best()
                    .map(best -> i18n.formatNow("sweep_done", done.totalMillis() / 1000,
                            describe(best.point()),
                            best.distilled().mean() * 100))
                    .orElse(""));
            case CANCELLED -> status.set(i18n.formatNow("sweep_cancelled", done.rows().size()));
            case DIVERGED -> status.set(i18n.formatNow("training_diverged", done.message()));
        }
    }

    private void fail(String message) {
        busy.set(false);
        status.set(i18n.formatNow("training_failed", message));
    }

    /** The message key of a setting's name. */
    public static String nameKey(SweptSetting setting) {
        return switch (setting) {
            case TEMPERATURE -> "sweep_setting_temperature";
            case ALPHA -> "sweep_setting_alpha";
            case LOSS -> "sweep_setting_loss";
            case DKD_BETA -> "sweep_setting_dkd_beta";
            case TEACHER_LABEL_SMOOTHING -> "sweep_setting_teacher_label_smoothing";
            case TEACHER_HIDDEN -> "sweep_setting_teacher_hidden";
            case STUDENT_HIDDEN -> "sweep_setting_student_hidden";
            case LABELLED_FRACTION -> "sweep_setting_labelled_fraction";
        };
    }

    /** A point as the learner reads it, e.g. "Temperature T = 4". */
    private String describe(List<SweepValue> point) {
        return String.join(", ", point.stream()
                .map(v -> i18n.get(nameKey(v.setting())) + " = " + v.label()).toList());
    }
}
