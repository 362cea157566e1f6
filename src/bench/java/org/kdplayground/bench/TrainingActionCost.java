package org.kdplayground.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.training.TrainingController;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

/**
 * What the changes a run's start makes to the training screen cost to draw, one at a time, on an idle machine (run
 * under a display, e.g. Xvfb): the FX thread's and the renderer's CPU time over the 8 frames after each change
 * (greying out the set-up panel, an indeterminate progress bar, the run buttons, the message), median of 7 and the
 * first time (which includes JIT and first-time CSS), and the renderer's part. The controls are unbound from the
 * screen model for this.
 * Run: {@code java -XX:TieredStopAtLevel=1 -cp <test class path> org.kdplayground.bench.TrainingActionCost}.
 */
public final class TrainingActionCost {

    private static EngineService engine;

    private TrainingActionCost() {
    }

    public static void main(String[] args) throws Exception {
        engine = TestEngines.started();
        Application.launch(Window.class, args);
    }

    /** The probe's window (a class of its own: JavaFX on the class path refuses a main class that is one). */
    public static final class Window extends Application {
        private static final int FRAMES = 8;
        private static final int REPEATS = 7;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<String> names = new ArrayList<>();
        private final List<Runnable> changes = new ArrayList<>();
        private final Map<String, List<Double>> costs = new LinkedHashMap<>();
        private final Map<String, List<Double>> renderCosts = new LinkedHashMap<>();
        private long renderAtChange;
        private long renderer = -1;
        private int change;
        private int repeat;
        private int frames;
        private int wait = 180; // let the window settle (3 s)
        private boolean measuring;
        private long cpuAtChange;

        @Override
        public void start(Stage stage) {
            I18n i18n = new I18n(Language.ENGLISH);
            LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
            engine.addStatusListener(status::publish);
            TrainingModel model = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), example -> { });
            model.speedProperty().set(org.kdplayground.training.timeline.RunSpeed.FASTEST);
            ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
            Parent root = loader.load(TrainingController.class).root();
            TestWindows.show(stage, root, 1280, 800, new FontPolicy(List.of()));
            model.usePreset("DIGITS");
            Node setup = root.lookup("#setupPanel");
            ProgressBar bar = (ProgressBar) root.lookup("#progressBar");
            Button start = (Button) root.lookup("#startButton");
            Button stop = (Button) root.lookup("#stopButton");
            Label message = (Label) root.lookup("#messageLabel");
            for (Node node : List.of(setup, start, stop)) {
                node.disableProperty().unbind();
            }
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            both("nothing", () -> { }, () -> { });
            both("set-up panel disabled", () -> setup.setDisable(true), () -> setup.setDisable(false));
            both("progress bar indeterminate", () -> bar.setProgress(-1), () -> bar.setProgress(0));
            both("progress bar 0 -> 0.5", () -> bar.setProgress(0.5), () -> bar.setProgress(0));
            both("Start off, Stop on", () -> {
                start.setDisable(true);
                stop.setDisable(false);
            }, () -> {
                start.setDisable(false);
                stop.setDisable(true);
            });
            both("message", () -> message.setText("Training on CPU: teacher 4,810 parameters, student 1,210."),
                    () -> message.setText(""));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frame();
                }
            }.start();
        }

        @Override
        public void stop() {
            engine.close();
        }

        private void both(String name, Runnable on, Runnable off) {
            names.add(name);
            changes.add(on);
            names.add(name + ", undone");
            changes.add(off);
        }

        private long cpuNanos() {
            return threads.getCurrentThreadCpuTime() + threads.getThreadCpuTime(renderer);
        }

        private void frame() {
            if (wait-- > 0) {
                return;
            }
            if (renderer < 0) {
                renderer = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().getId();
            }
            if (!measuring) {
                cpuAtChange = cpuNanos();
                renderAtChange = threads.getThreadCpuTime(renderer);
                changes.get(change).run();
                measuring = true;
                frames = 0;
                return;
            }
            if (++frames < FRAMES) {
                return;
            }
            costs.computeIfAbsent(names.get(change), k -> new ArrayList<>()).add((cpuNanos() - cpuAtChange) / 1e6);
            renderCosts.computeIfAbsent(names.get(change), k -> new ArrayList<>())
                    .add((threads.getThreadCpuTime(renderer) - renderAtChange) / 1e6);
            measuring = false;
            wait = 4;
            if (++change == changes.size()) {
                change = 0;
                if (++repeat == REPEATS) {
                    report();
                    Platform.exit();
                }
            }
        }

        private void report() {
            System.out.println("FX + renderer CPU over the " + FRAMES + " frames after each change (median of "
                    + REPEATS + "; the first time), and the renderer's part:");
            costs.forEach((name, ms) -> System.out.printf(Locale.ROOT, "  %-36s %5.1f ms  (%5.1f ms), renderer %5.1f ms%n",
                    name, median(ms), ms.get(0), median(renderCosts.get(name))));
        }

        private static double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }
}
