package org.kdplayground.training.sweep;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.SweepListener;
import org.kdplayground.engine.SweepPlan;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepRun;
import org.kdplayground.io.Workspace;
import org.kdplayground.training.setup.Parsers;
import org.kdplayground.training.setup.SetupField;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TaskExecutor;

/**
 * The temperature sweep tab: trains the distilled student of the current set-up at several temperatures, each over
 * several seeds, on the engine's worker, and collects one row per run for the accuracy-against-T chart.
 */
public final class SweepModel {

    public final SetupField<List<Float>> temperatures = new SetupField<>("sweepTemperatures", Parsers.temperatures(),
            "1, 2, 4, 8, 16");
    public final SetupField<Integer> seeds = new SetupField<>("sweepSeeds", Parsers.whole(1, 20), "3");

    private final I18n i18n;
    private final TaskExecutor engine;
    private final Supplier<Experiment> experiment;
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
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
        canStart = Bindings.createBooleanBinding(() -> setupReady.get() && !busy.get() && temperatures.isValid()
                        && seeds.isValid(), setupReady, busy, temperatures.problemProperty(),
                seeds.problemProperty());
    }

    /** The sweep's settings, for a workspace file. */
    public Workspace.Sweep snapshot() {
        return new Workspace.Sweep(temperatures.value(), seeds.value());
    }

    /** @throws IllegalArgumentException when the fields would reject a value; nothing changes then */
    public void check(Workspace.Sweep state) {
        if (!temperatures.accepts(temperaturesText(state)) || !seeds.accepts(Integer.toString(state.seeds()))) {
            throw new IllegalArgumentException("the sweep's temperatures or seeds are out of range");
        }
    }

    public void restore(Workspace.Sweep state) {
        check(state);
        temperatures.textProperty().set(temperaturesText(state));
        seeds.textProperty().set(Integer.toString(state.seeds()));
    }

    private static String temperaturesText(Workspace.Sweep state) {
        return String.join(", ", state.temperatures().stream()
                .map(t -> t == Math.rint(t) && Math.abs(t) < 1e9 ? Long.toString(t.longValue()) : Float.toString(t))
                .toList());
    }

    /** Whether {@code id} names one of the sweep's fields ({@code sweepTemperatures}, {@code sweepSeeds}). */
    public boolean hasField(String id) {
        return temperatures.id().equals(id) || seeds.id().equals(id);
    }

    /** The text of the sweep's field {@code id}. */
    public String text(String id) {
        return field(id).textProperty().get();
    }

    /** Types a text into the sweep's field {@code id}, as if the learner had typed it. */
    public void type(String id, String text) {
        field(id).textProperty().set(text);
    }

    private SetupField<?> field(String id) {
        if (!hasField(id)) {
            throw new IllegalArgumentException("no sweep field " + id);
        }
        return temperatures.id().equals(id) ? temperatures : seeds;
    }

    public Observable[] observables() {
        return new Observable[] {temperatures.valueProperty(), seeds.valueProperty()};
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
        SweepPlan plan = new SweepPlan(experiment.get(), temperatures.value(), List.of(), seeds.value());
        control = new RunControl();
        RunControl runControl = control;
        rows.clear();
        result.set(null);
        busy.set(true);
        status.set(i18n.formatNow("sweep_progress", 0, plan.totalRuns(), "–", "–"));
        engine.execute(() -> plan.sweep().run(new SweepListener() {
            @Override
            public void runStarting(SweepRun run) {
                engine.report(() -> status.set(i18n.formatNow("sweep_progress", run.index(), run.total(),
                        run.temperature(), run.seed())));
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
                    .map(best -> i18n.formatNow("sweep_done", done.totalMillis() / 1000, best.temperature(),
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
}
