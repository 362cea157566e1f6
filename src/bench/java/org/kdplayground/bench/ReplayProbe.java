package org.kdplayground.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.engine.TestEngines;
import org.kdplayground.training.TrainingController;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.FrameStats;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

/**
 * Watching a run: a real 1280x800 training screen (run it under a display, e.g. Xvfb) in one of three modes.
 * <ul>
 * <li>{@code scrub}: trains digits for 200 students' epochs (5 of the teacher's) as fast as possible, then moves the
 * timeline's scrubber with the keyboard, one key press a frame: End, ← to the first epoch, → to the last, twice; prints
 * the frame intervals while scrubbing.</li>
 * <li>{@code paced}: trains the two-moons preset as fast as possible (a warm-up, as the app's rehearsal), then at
 * normal speed with another seed, and prints the frame intervals during the run and its
 * length.</li>
 * <li>{@code memory}: trains the digits preset ten times (each run replayable) and prints the process's resident set
 * (VmRSS), the heap in use after a full collection and the replays' snapshot bytes.</li>
 * </ul>
 * {@code java -XX:TieredStopAtLevel=1 -Xmn128m -XX:+ExplicitGCInvokesConcurrent -cp <test class path>
 * org.kdplayground.bench.ReplayProbe scrub|paced|memory}.
 */
public final class ReplayProbe {

    private static String mode = "scrub";
    private static EngineService engine;

    private ReplayProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            mode = args[0];
        }
        engine = TestEngines.started();
        Application.launch(Window.class, args);
    }

    /** The probe's window. */
    public static final class Window extends Application {
        private TrainingModel model;
        private Stage stage;
        private final FrameStats frames = new FrameStats(1 << 16);
        /** The FX thread's work per pulse: from the pulse's start to the end of its layout pass. */
        private final FrameStats work = new FrameStats(1 << 16);
        private long pulseAt = -1;
        private long lastFrame = -1;
        /** Intervals over 20 ms: their length and when they began after Start. */
        private final StringBuilder longFrames = new StringBuilder();
        private final AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.frame(now);
                pulseAt = now;
                if (lastFrame >= 0 && now - lastFrame > 20_000_000) {
                    longFrames.append(String.format(Locale.ROOT, " %.0fms@%.2fs", (now - lastFrame) / 1e6,
                            (lastFrame - started) / 1e9));
                }
                lastFrame = now;
            }
        };
        private int runs;
        private long started;

        @Override
        public void start(Stage primaryStage) {
            stage = primaryStage;
            I18n i18n = new I18n(Language.ENGLISH);
            LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
            engine.addStatusListener(status::publish);
            model = new TrainingModel(i18n, TaskExecutor.on(engine), status.valueProperty(), example -> { });
            ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
            TestWindows.show(stage, loader.load(TrainingController.class).root(), 1280, 800,
                    new FontPolicy(List.of()));
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (pulseAt >= 0) {
                    work.duration(System.nanoTime() - pulseAt);
                    pulseAt = -1;
                }
            });
            switch (mode) {
                case "paced" -> {
                    model.usePreset("TWO_MOONS");
                    model.speedProperty().set(RunSpeed.FASTEST); // a first run warms up, as the app's rehearsal
                }
                case "memory" -> {
                    model.usePreset("DIGITS");
                    model.speedProperty().set(RunSpeed.FASTEST);
                }
                default -> {
                    model.usePreset("DIGITS");
                    model.setSetupText("studentEpochs", "200");
                    model.setSetupText("teacherEpochs", "5");
                    model.speedProperty().set(RunSpeed.FASTEST);
                }
            }
            model.stateProperty().addListener((obs, was, now) -> {
                if (was.busy() && !now.busy()) {
                    Platform.runLater(this::runEnded);
                }
            });
            PauseTransition settle = new PauseTransition(Duration.seconds(2));
            settle.setOnFinished(e -> startRun());
            settle.play();
        }

        @Override
        public void stop() {
            engine.close();
        }

        private void startRun() {
            frames.reset();
            work.reset();
            longFrames.setLength(0);
            lastFrame = -1;
            started = System.nanoTime();
            watch.start();
            model.start();
        }

        private void runEnded() {
            watch.stop();
            runs++;
            switch (mode) {
                case "paced" -> {
                    if (runs == 1) {
                        model.speedProperty().set(RunSpeed.NORMAL);
                        model.setSetupText("seed", "2"); // a teacher of its own, not the first run's
                        PauseTransition next = new PauseTransition(Duration.seconds(1));
                        next.setOnFinished(e -> startRun());
                        next.play();
                        return;
                    }
                    System.out.printf(Locale.ROOT, "paced two-moons run: %.1f s; %s; FX thread: %s; over 20 ms:%s%n",
                            (System.nanoTime() - started) / 1e9, frames.summary(), work.durationSummary(),
                            longFrames);
                    Platform.exit();
                }
                case "memory" -> {
                    if (runs < 10) {
                        PauseTransition next = new PauseTransition(Duration.millis(300));
                        next.setOnFinished(e -> startRun());
                        next.play();
                    } else {
                        reportMemory();
                        Platform.exit();
                    }
                }
                default -> scrub();
            }
        }

        private void reportMemory() {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long replayBytes = model.history().stream().mapToLong(r -> model.replays().of(r).map(x -> x.bytes()).orElse(0L)).sum();
            System.out.printf(Locale.ROOT, "after %d digits runs: VmRSS %s, heap used after GC %.1f MB, "
                            + "replays' snapshots %.2f MB (%d runs replayable)%n", runs, rss(),
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, replayBytes / 1e6,
                    model.history().stream().filter(r -> model.replays().of(r).map(x -> x.bytes()).orElse(0L) > 0).count());
        }

        private static String rss() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS ?").replaceAll("\\s+", " ")
                        .replace("VmRSS: ", "");
            } catch (IOException e) {
                return "?";
            }
        }

        /** One key press a frame: End, then ← to the start and → to the end, twice. */
        private void scrub() {
            Slider scrubber = (Slider) stage.getScene().lookup("#timelineScrubber");
            scrubber.requestFocus();
            int epochs = model.timeline().newestProperty().get();
            KeyCode[] keys = new KeyCode[1 + 4 * epochs];
            keys[0] = KeyCode.END;
            for (int i = 0; i < 4 * epochs; i++) {
                keys[1 + i] = (i / epochs) % 2 == 0 ? KeyCode.LEFT : KeyCode.RIGHT;
            }
            frames.reset();
            work.reset();
            long began = System.nanoTime();
            new AnimationTimer() {
                private int next;

                @Override
                public void handle(long now) {
                    frames.frame(now);
                    pulseAt = now;
                    if (next == keys.length) {
                        stop();
                        System.out.printf(Locale.ROOT, "scrubbing %d epochs back and forth, %d key presses in "
                                        + "%.1f s: %s; FX thread: %s%n", epochs, keys.length,
                                (System.nanoTime() - began) / 1e9, frames.summary(), work.durationSummary());
                        Platform.exit();
                        return;
                    }
                    KeyCode key = keys[next++];
                    scrubber.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                    scrubber.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false, false, false,
                            false));
                }
            }.start();
        }
    }
}
