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
import org.kdplayground.io.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: shows the main window at once and loads the engine behind it. */
public final class KdPlaygroundApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KdPlaygroundApp.class);

    /** Set by {@link #runSmokeTest()} before launch: the window checks itself and the app exits. */
    private static volatile boolean smokeTest;
    private static volatile int exitCode;

    private EngineService engine;

    public static void launchApp(String[] args) {
        Application.launch(KdPlaygroundApp.class, args);
    }

    /**
     * {@code --smoke-test}: opens the main window, waits for the engine, trains a tiny run through the training
     * screen and returns the exit code (0 passed; 1 failed, with a one-line reason on standard error).
     */
    public static int runSmokeTest() {
        smokeTest = true;
        exitCode = 1;
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
        MainWindow window = MainWindow.create(stage, settings, engine);
        stage.show();
        LOG.info("Window shown {} ms after start()", (System.nanoTime() - launched) / 1_000_000);
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
