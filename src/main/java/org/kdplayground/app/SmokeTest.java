package org.kdplayground.app;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.kdplayground.engine.EngineInfo;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.RunResult;
import org.kdplayground.io.ExperimentFile;
import org.kdplayground.training.RunState;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.timeline.RunSpeed;

/**
 * {@code kd-playground --smoke-test}: the check an installed app runs on itself. With the main window open it waits
 * for the engine, then trains a tiny run (two moons, 200 points, one teacher and one student epoch) through the
 * training screen's own model, and ends the app: exit 0 with one line on standard output, or exit 1 with one line
 * on standard error that says why (engine failed, timed out, run failed).
 */
final class SmokeTest {

    /** Success line; tests and CI look for it. */
    static final String PASSED = "smoke test passed";
    static final String FAILED = "smoke test failed";

    static final long ENGINE_TIMEOUT_SECONDS = 120;
    static final long RUN_TIMEOUT_SECONDS = 120;

    static final String TINY_RUN = """
            {"version": 1, "dataset": {"name": "two-moons", "size": 200, "noise": 0.2, "seed": 1},
             "teacher": {"hidden": [16]}, "student": {"hidden": [4]},
             "teacherEpochs": 1, "studentEpochs": 1, "batchSize": 32, "seed": 1}""";

    private final MainWindow window;
    private final EngineService engine;
    private final IntConsumer exit;
    private final long launched;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smoke-test-timer");
        thread.setDaemon(true);
        return thread;
    });
    private boolean done;

    SmokeTest(MainWindow window, EngineService engine, long launchedNanos, IntConsumer exit) {
        this.window = Objects.requireNonNull(window);
        this.engine = Objects.requireNonNull(engine);
        this.launched = launchedNanos;
        this.exit = Objects.requireNonNull(exit);
    }

    /** Starts the check; call on the JavaFX thread after the window is shown. */
    void start() {
        window.model().navigate(Screen.DISTILLATION);
        engine.whenReady()
                .orTimeout(ENGINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((info, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException
                                && error.getCause() != null ? error.getCause() : error;
                        fail(cause instanceof TimeoutException
                                ? "the engine was not ready after " + ENGINE_TIMEOUT_SECONDS + " s"
                                : "the engine failed to load: " + engine.status().failure().orElse(cause.getMessage()));
                    } else {
                        train(info);
                    }
                }));
    }

    private void train(EngineInfo info) {
        TrainingModel training = window.training();
        training.load(ExperimentFile.parse(TINY_RUN));
        training.speedProperty().set(RunSpeed.FASTEST); // a check that the engine trains, not a show
        // the screen's engine status follows the engine on the JavaFX thread: wait until Start is enabled
        whenTrue(training.canStartProperty(), () -> {
            ChangeListener<RunState> ended = (obs, old, now) -> {
                if (now == RunState.IDLE && old.busy()) {
                    finished(training, info);
                }
            };
            training.stateProperty().addListener(ended);
            timer.schedule(() -> Platform.runLater(() -> fail("the training run did not end within "
                    + RUN_TIMEOUT_SECONDS + " s")), RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            training.start();
        });
    }

    private void finished(TrainingModel training, EngineInfo info) {
        RunResult result = training.lastResult().orElse(null);
        if (result == null) {
            fail("the training run failed: " + training.messageProperty().get());
        } else if (!result.completed()) {
            fail("the training run ended " + result.stopReason().name().toLowerCase(Locale.ROOT) + ": "
                    + result.message());
        } else {
            pass(String.format(Locale.ROOT,
                    "%s: engine %s %s on %s, tiny run trained in %.0f ms, distilled student test accuracy %.2f, "
                            + "%d ms after launch", PASSED, info.engineName(), info.engineVersion(),
                    info.deviceName(), result.totalMillis(),
                    result.testAccuracy().getOrDefault(ModelRole.DISTILLED, Double.NaN),
                    (System.nanoTime() - launched) / 1_000_000));
        }
    }

    private static void whenTrue(ObservableValue<Boolean> condition, Runnable action) {
        if (Boolean.TRUE.equals(condition.getValue())) {
            action.run();
            return;
        }
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    condition.removeListener(this);
                    action.run();
                }
            }
        });
    }

    private void pass(String line) {
        if (!done) {
            done = true;
            System.out.println(line);
            end(0);
        }
    }

    private void fail(String reason) {
        if (!done) {
            done = true;
            System.err.println(FAILED + ": " + reason);
            end(1);
        }
    }

    private void end(int code) {
        timer.shutdownNow();
        System.out.flush();
        System.err.flush();
        exit.accept(code);
    }
}
