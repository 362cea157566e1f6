package org.kdplayground.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.kdplayground.engine.DjlEngineLoader;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.NetworkBudget;
import org.kdplayground.io.SettingsStore;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.ui.FirstWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: shows the main window at once and loads the engine behind it. */
public final class KdPlaygroundApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KdPlaygroundApp.class);

    /** Set by {@link #runSmokeTest()} before launch: the window checks itself and the app exits. */
    private static volatile boolean smokeTest;
    private static volatile int exitCode;

    /** When {@link #launchApp} or {@link #runSmokeTest} began, for the start-up log lines. */
    private static volatile long launchNanos;

    private EngineService engine;

    public static void launchApp(String[] args) {
        launchNanos = System.nanoTime();
        readPresetsAhead();
        Application.launch(KdPlaygroundApp.class, args);
    }

    /**
     * Reads the training screen's default preset once on a thread of its own, while JavaFX starts: its JSON reader's
     * first use loads and sets up about 800 classes, which the window's build would otherwise wait for (about half a
     * second on a 2-core machine; docs/performance.md, "Start-up"). The result is thrown away; the screen reads the
     * preset itself, as before. First it asks for the machine's memory (the set-up panel's network budget), whose
     * native library would otherwise load on the FX thread while PyTorch's holds the loader lock.
     */
    private static void readPresetsAhead() {
        Thread reader = new Thread(() -> {
            NetworkBudget.allowed();
            try {
                TrainingPreset.SPIRALS_FEW_LABELS.experiment();
            } catch (RuntimeException e) {
                LOG.debug("Reading the default preset ahead failed; the training screen reports it", e);
            }
        }, "preset-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@code --smoke-test}: opens the main window, waits for the engine, trains a tiny run through the training
     * screen and returns the exit code (0 passed; 1 failed, with a one-line reason on standard error).
     */
    public static int runSmokeTest() {
        smokeTest = true;
        exitCode = 1;
        launchNanos = System.nanoTime();
        readPresetsAhead();
        Application.launch(KdPlaygroundApp.class);
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        long launched = System.nanoTime();
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> LOG.error("Uncaught exception on {}", thread.getName(), error));
        AppSettings settings = new AppSettings(smokeTest ? smokeTestSettings() : SettingsStore.ofDefaultLocation());
        engine = new EngineService(new DjlEngineLoader(settings.intraOpThreads()));
        // the engine loads on its own thread while the window is built: the two overlap
        engine.start().whenComplete((info, error) -> LOG.info("Engine settled {} ms after start()",
                (System.nanoTime() - launched) / 1_000_000));
        // what the first window does not show yet waits until it is on screen: the explorer's formula (JLaTeXMath's
        // first use was about a quarter of the window's build), the student's logit rows and DKD's weights
        // (docs/performance.md, "Start-up")
        FirstWindow.building();
        MainWindow window;
        try {
            window = MainWindow.create(stage, settings, engine);
            stage.show();
        } finally {
            Platform.runLater(FirstWindow::shown);
        }
        LOG.info("Window shown {} ms after start(), {} ms after main()", (System.nanoTime() - launched) / 1_000_000,
                (System.nanoTime() - launchNanos) / 1_000_000);
        if (smokeTest) {
            new SmokeTest(window, engine, launched, code -> {
                exitCode = code;
                Platform.exit();
            }).start();
        } else {
            window.rehearseTrainingWhenReady();
        }
    }

    /**
     * The smoke test neither reads nor changes the user's settings: it checks the installation with the defaults,
     * in a folder of its own ({@code -Dkdplayground.settings.dir} still chooses one).
     */
    private static SettingsStore smokeTestSettings() {
        if (System.getProperty(SettingsStore.DIR_PROPERTY) != null) {
            return SettingsStore.ofDefaultLocation();
        }
        try {
            Path dir = Files.createTempDirectory("kd-playground-smoke");
            dir.toFile().deleteOnExit();
            dir.resolve("settings.properties").toFile().deleteOnExit();
            return new SettingsStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}
