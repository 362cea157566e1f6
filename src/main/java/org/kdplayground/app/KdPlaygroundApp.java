package org.kdplayground.app;

import javafx.application.Application;
import javafx.stage.Stage;

import org.kdplayground.engine.DjlEngineLoader;
import org.kdplayground.engine.EngineService;
import org.kdplayground.io.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: shows the main window at once and loads the engine behind it. */
public final class KdPlaygroundApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KdPlaygroundApp.class);

    private EngineService engine;

    public static void launchApp(String[] args) {
        Application.launch(KdPlaygroundApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        long launched = System.nanoTime();
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> LOG.error("Uncaught exception on {}", thread.getName(), error));
        AppSettings settings = new AppSettings(SettingsStore.ofDefaultLocation());
        engine = new EngineService(new DjlEngineLoader(settings.intraOpThreads()));
        MainWindow.create(stage, settings, engine);
        stage.show();
        LOG.info("Window shown {} ms after start()", (System.nanoTime() - launched) / 1_000_000);
        engine.start().whenComplete((info, error) -> LOG.info("Engine settled {} ms after start()",
                (System.nanoTime() - launched) / 1_000_000));
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}
