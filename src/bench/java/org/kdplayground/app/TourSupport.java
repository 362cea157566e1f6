package org.kdplayground.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;

import org.kdplayground.engine.DjlEngineLoader;
import org.kdplayground.engine.EngineService;
import org.kdplayground.io.SettingsStore;

/**
 * What the screenshot tours share (not tests: they walk the real window as a learner would, under a display, and
 * write what it shows as PNGs): a main window with fresh settings, steps run on the FX thread from the tour's own
 * thread, waiting, and snapshots of the scene.
 */
final class TourSupport {

    private TourSupport() {
    }

    private static String language = "en";
    private static String name = "tour";
    private static java.util.function.Function<MainWindow, Tour> tour;

    /**
     * Opens the app's window in a language and walks the tour on a thread of its own; the app exits when the tour
     * ends. Call from {@code main}.
     */
    static void launch(String windowLanguage, String tourName, java.util.function.Function<MainWindow, Tour> steps) {
        language = windowLanguage;
        name = tourName;
        tour = steps;
        javafx.application.Application.launch(Window.class);
    }

    /** The tours' window (a class of its own: JavaFX on the class path refuses a main class that is one). */
    public static final class Window extends javafx.application.Application {
        private EngineService engine;

        @Override
        public void start(Stage stage) throws IOException {
            engine = engine();
            MainWindow window = open(stage, engine, language);
            walk(name, tour.apply(window));
        }

        @Override
        public void stop() {
            engine.close();
        }
    }

    /** The app's main window at 1280x800 in a language, with settings of its own and a started engine. */
    static MainWindow open(Stage stage, EngineService engine, String language) throws IOException {
        Path settingsDir = Files.createTempDirectory("kd-tour-settings");
        Files.writeString(settingsDir.resolve("settings.properties"), "language=" + language
                + "\ntheme=" + System.getProperty("kd.tour.theme", "light") + "\nwindow.width=1280\nwindow.height=800\n");
        AppSettings settings = new AppSettings(new SettingsStore(settingsDir));
        engine.start();
        MainWindow window = MainWindow.create(stage, settings, engine);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        return window;
    }

    static EngineService engine() {
        return new EngineService(new DjlEngineLoader(1));
    }

    /** Runs the tour on a thread of its own and exits the app when it ends. */
    static void walk(String name, Tour tour) {
        Thread thread = new Thread(() -> {
            try {
                tour.walk();
            } catch (RuntimeException | InterruptedException e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(Platform::exit);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A tour's steps, on its own thread. */
    interface Tour {
        void walk() throws InterruptedException;
    }

    static void shoot(MainWindow window, Path file) {
        onFx(() -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(window.stage().getScene().snapshot(null), null), "png",
                        file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        System.out.println("wrote " + file);
    }

    static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    static <T> T onFx(Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(action.get());
            } catch (RuntimeException e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
