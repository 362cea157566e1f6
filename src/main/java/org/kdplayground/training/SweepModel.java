package org.kdplayground.training;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.application.Platform;
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

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.RunControl;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.SweepListener;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepRun;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.SweepPlan;
import org.kdplayground.io.Workspace;
import org.kdplayground.ui.I18n;

/**
 * The temperature sweep tab: trains the distilled student of the current set-up at several temperatures, each over
 * several seeds, on the engine's worker, and collects one row per run for the accuracy-against-T chart.
 */
final class SweepModel {

    final SetupField<List<Float>> temperatures = new SetupField<>("sweepTemperatures", Parsers.temperatures(),
            "1, 2, 4, 8, 16");
    final SetupField<Integer> seeds = new SetupField<>("sweepSeeds", Parsers.whole(1, 20), "3");

    private final I18n i18n;
    private final EngineService engine;
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
    SweepModel(I18n i18n, EngineService engine, Supplier<Experiment> experiment, ObservableBooleanValue setupReady) {
        this.i18n = Objects.requireNonNull(i18n);
        this.engine = Objects.requireNonNull(engine);
        this.experiment = Objects.requireNonNull(experiment);
        canStart = Bindings.createBooleanBinding(() -> setupReady.get() && !busy.get() && temperatures.isValid()
                        && seeds.isValid(), setupReady, busy, temperatures.problemProperty(),
                seeds.problemProperty());
    }

    /** The sweep's settings, for a workspace file. */
    Workspace.Sweep snapshot() {
        return new Workspace.Sweep(temperatures.value(), seeds.value());
    }

    /** @throws IllegalArgumentException when the fields would reject a value; nothing changes then */
    void check(Workspace.Sweep state) {
        if (!temperatures.accepts(temperaturesText(state)) || !seeds.accepts(Integer.toString(state.seeds()))) {
            throw new IllegalArgumentException("the sweep's temperatures or seeds are out of range");
        }
    }

    void restore(Workspace.Sweep state) {
        check(state);
        temperatures.textProperty().set(temperaturesText(state));
        seeds.textProperty().set(Integer.toString(state.seeds()));
    }

    private static String temperaturesText(Workspace.Sweep state) {
        return String.join(", ", state.temperatures().stream()
                .map(t -> t == Math.rint(t) && Math.abs(t) < 1e9 ? Long.toString(t.longValue()) : Float.toString(t))
                .toList());
    }

    javafx.beans.Observable[] observables() {
        return new javafx.beans.Observable[] {temperatures.valueProperty(), seeds.valueProperty()};
    }

    ObservableList<SweepRow> rows() {
        return rows;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    BooleanBinding canStartProperty() {
        return canStart;
    }

    void start() {
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
        engine.submit(() -> {
            try {
                SweepResult done = plan.sweep().run(new SweepListener() {
                    @Override
                    public void runStarting(SweepRun run) {
                        Platform.runLater(() -> status.set(i18n.formatNow("sweep_progress", run.index(),
                                run.total(), run.temperature(), run.seed())));
                    }

                    @Override
                    public void runFinished(SweepRun run, SweepRow row, RunResult runResult) {
                        Platform.runLater(() -> rows.add(row));
                    }
                }, runControl);
                Platform.runLater(() -> finish(done));
            } catch (DatasetException | IllegalArgumentException e) {
                Platform.runLater(() -> fail(e.getMessage()));
            } catch (RuntimeException | LinkageError e) {
                Platform.runLater(() -> fail(String.valueOf(e.getMessage())));
            }
            return null;
        });
    }

    void cancel() {
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
