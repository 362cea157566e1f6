package org.kdplayground.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.training.TrainingController;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.TrainingRehearsal;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.Theme;
import org.kdplayground.ui.ThemeManager;
import org.kdplayground.ui.ViewLoader;

/**
 * The training screen at full speed: a real 1280x800 window (run under a display, e.g. Xvfb) trains a preset
 * {@code -Druns=N} times in a row (the teacher is trained by the first run and reused after) and prints, per run,
 * the FX frame intervals, the FX thread's work per pulse and the student step time the model logs, the intervals over
 * 20 ms (with when they began after Start, and the run's state), and the CPU time of every thread of the JVM
 * (Linux: /proc), the JIT compiler's included. Compare the step with {@code kd-playground train} on the same
 * experiment. {@code -Drehearse=true} first trains the app's {@link TrainingRehearsal}, as the app does after start;
 * {@code -DfreshTeacher=true} changes the learning rate a little for every run after the first, so each trains its
 * teacher instead of reusing the first one's.
 * {@code -Dexperiment=FILE} loads an experiment file after the preset, as a workspace would (its networks, dropout
 * and test fraction included). {@code -DstopAfter=S1,S2} presses Stop S_k seconds after run k's Start and prints how long the run took to end.
 * Per run it also prints the heap each thread allocated, and the run's start as the JVM's uptime, to match against a
 * GC log ({@code -Xlog:gc}). Run with the app's JVM options: {@code java -XX:TieredStopAtLevel=1 -Xmn128m
 * -XX:+ExplicitGCInvokesConcurrent -Druns=2 -cp <test class path>
 * org.kdplayground.bench.TrainingFrameProbe DIGITS studentEpochs=300 teacherEpochs=5}.
 */
public final class TrainingFrameProbe {

    private static String preset = "DIGITS";
    private static Map<String, String> fields = Map.of();
    private static EngineService engine;

    private TrainingFrameProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            preset = args[0];
        }
        Map<String, String> set = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            set.put(pair[0], pair[1]);
        }
        fields = set;
        engine = TestEngines.started();
        Application.launch(Window.class, args);
    }

    /** The probe's window (a class of its own: JavaFX on the class path refuses a main class that is one). */
    public static final class Window extends Application {
        private TrainingModel model;
        private int runs;
        private Map<String, Long> cpuBefore;
        private Map<String, Long> allocatedBefore;
        private long runStarted;
        private long stopPressed;
        private long lastFrame = -1;
        private final StringBuilder longFrames = new StringBuilder();
        private final AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame >= 0 && now - lastFrame > 20_000_000) {
                    // the state, and the progress text up to the step ("Teacher, epoch 30 of 30")
                    String progress = model.progressTextProperty().get().replaceFirst(" · step.*", "");
                    longFrames.append(String.format(Locale.ROOT, " %.0fms@%.2fs(%s%s)", (now - lastFrame) / 1e6,
                            (lastFrame - runStarted) / 1e9, model.stateProperty().get(),
                            progress.isEmpty() ? "" : ": " + progress));
                }
                lastFrame = now;
            }
        };

        @Override
        public void start(Stage stage) {
            I18n i18n = new I18n(Language.ENGLISH);
            LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
            engine.addStatusListener(status::publish);
            model = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), example -> { });
            model.speedProperty().set(org.kdplayground.training.timeline.RunSpeed.FASTEST);
            ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
            Parent screen = loader.load(TrainingController.class).root();
            TestWindows.show(stage, screen, 1280, 800, new FontPolicy(List.of()));
            model.usePreset(preset);
            String experiment = System.getProperty("experiment");
            if (experiment != null) { // e.g. issue 20's Fashion-MNIST run: src/bench/pytorch/fashion-mnist.json
                model.load(org.kdplayground.io.ExperimentFile.read(java.nio.file.Path.of(experiment)));
            }
            fields.forEach(model::setSetupText);
            model.stateProperty().addListener((obs, was, now) -> {
                if (was.busy() && !now.busy()) {
                    if (stopPressed > 0) {
                        System.out.printf(Locale.ROOT, "run %d: Stop pressed %.1f s after Start, the run ended %.0f ms"
                                + " later (%s)%n", runs + 1, (stopPressed - runStarted) / 1e9,
                                (System.nanoTime() - stopPressed) / 1e6, now);
                        stopPressed = 0;
                    }
                    report();
                    if (++runs < Integer.getInteger("runs", 2)) {
                        // a second, as a user would take: the next Start does not share frames with this end
                        PauseTransition next = new PauseTransition(Duration.seconds(1));
                        next.setOnFinished(e -> run());
                        next.play();
                    } else {
                        Platform.exit();
                    }
                }
            });
            PauseTransition settle = new PauseTransition(Duration.seconds(2));
            settle.setOnFinished(e -> run());
            if (!Boolean.getBoolean("rehearse")) {
                settle.play();
                return;
            }
            ThemeManager theme = new ThemeManager(stage.getScene(), new FontPolicy(List.of()));
            theme.apply(Theme.LIGHT, Language.ENGLISH);
            TrainingRehearsal rehearsal = new TrainingRehearsal(Language.ENGLISH, TaskExecutor.on(engine), status.valueProperty(), theme::styleAlike,
                    model, screen, 1280, 800);
            long began = System.nanoTime();
            rehearsal.stateProperty().addListener((obs, was, now) -> {
                System.out.printf(Locale.ROOT, "rehearsal %s after %.0f ms%n", now, (System.nanoTime() - began) / 1e6);
                if (now != TrainingRehearsal.State.RUNNING) {
                    settle.play();
                }
            });
            rehearsal.start();
        }

        @Override
        public void stop() {
            engine.close();
        }

        private void run() {
            if (runs > 0 && Boolean.getBoolean("freshTeacher")) {
                model.setSetupText("learningRate", String.format(Locale.ROOT, "%.4f", 0.01 + runs * 0.0001));
            }
            cpuBefore = threadCpuMillis();
            allocatedBefore = threadAllocatedKilobytes();
            // Start as a click would: between pulses, not in this one, which the reads above (/proc, every thread's
            // allocation) made several milliseconds long
            Platform.runLater(() -> {
                longFrames.setLength(0);
                runStarted = System.nanoTime();
                // to match against a GC log (-Xlog:gc), whose times are the JVM's uptime
                System.out.printf(Locale.ROOT, "run %d starts at uptime %.3f s%n", runs + 1,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                lastFrame = -1;
                watch.start();
                model.start();
                stopLater();
            });
        }

        /**
         * {@code -DstopAfter=S1,S2,...}: presses Stop S_k seconds after run k's Start (and prints the progress line,
         * with its time left, just before), to time how soon a run ends after Stop.
         */
        private void stopLater() {
            String[] after = System.getProperty("stopAfter", "").split(",");
            if (runs >= after.length || after[runs].isBlank()) {
                return;
            }
            PauseTransition wait = new PauseTransition(Duration.seconds(Double.parseDouble(after[runs])));
            wait.setOnFinished(e -> {
                if (model.stateProperty().get().busy()) {
                    System.out.println("run " + (runs + 1) + " progress when Stop is pressed: "
                            + model.progressTextProperty().get());
                    stopPressed = System.nanoTime();
                    model.stop();
                }
            });
            wait.play();
        }

        private void report() {
            watch.stop();
            System.out.println("run " + (runs + 1) + " intervals over 20 ms (length@start of the interval after Start):"
                    + longFrames);
            Map<String, Long> after = threadCpuMillis();
            StringBuilder cpu = new StringBuilder("run " + (runs + 1) + " CPU ms by thread:");
            after.forEach((thread, ms) -> {
                long used = ms - cpuBefore.getOrDefault(thread, 0L);
                if (used >= 20) {
                    cpu.append(' ').append(thread).append('=').append(used);
                }
            });
            System.out.println(cpu);
            Map<String, Long> allocatedAfter = threadAllocatedKilobytes();
            StringBuilder allocated = new StringBuilder("run " + (runs + 1) + " MB allocated by thread:");
            allocatedAfter.forEach((thread, kb) -> {
                long used = kb - allocatedBefore.getOrDefault(thread, 0L);
                if (used >= 1024) {
                    allocated.append(String.format(Locale.ROOT, " %s=%.0f", thread, used / 1024.0));
                }
            });
            System.out.println(allocated);
        }
    }

    /** Heap bytes each live Java thread has allocated so far, in KiB, by name (digits stripped, so pools add up). */
    static Map<String, Long> threadAllocatedKilobytes() {
        Map<String, Long> byName = new TreeMap<>();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long bytes = threads.getThreadAllocatedBytes(thread.getId());
            if (bytes > 0) {
                String name = thread.getName().replaceAll("[0-9#-]+$", "").replace(' ', '_');
                byName.merge(name, bytes / 1024, Long::sum);
            }
        }
        return byName;
    }

    /** CPU time of each thread of this JVM by name (digits stripped, so pools add up), from /proc on Linux. */
    static Map<String, Long> threadCpuMillis() {
        Map<String, Long> byName = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return byName;
        }
        for (java.io.File task : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).trim().replaceAll("[0-9#]+$", "");
                String stat = Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                byName.merge(name.replace(' ', '_'), ticks * 10, Long::sum); // 100 ticks a second
            } catch (IOException | RuntimeException e) {
                // the thread ended while we read it
            }
        }
        return byName;
    }
}
