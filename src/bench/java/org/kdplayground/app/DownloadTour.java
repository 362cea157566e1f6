package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.kdplayground.AppFolders;
import org.kdplayground.download.DataSource;
import org.kdplayground.download.TestServer;
import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: a screenshot of the training screen downloading MNIST, from a local server on 127.0.0.1 whose first
 * file comes slowly (the sources' test-only override; the app's folders are temporary). Run:
 * {@code java -cp <test class path> org.kdplayground.app.DownloadTour OUT_DIR [en|zh-CN]}.
 */
public final class DownloadTour {

    private DownloadTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/download-tour");
        String language = args.length > 1 ? args[1] : "en";
        System.setProperty(AppFolders.SETTINGS_DIR_PROPERTY, Files.createTempDirectory("kd-tour-data").toString());
        TestServer server = new TestServer().serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.SLOW);
        Path sources = Files.createTempDirectory("kd-tour-sources");
        server.writeSources(sources);
        System.setProperty(DataSource.OVERRIDE_PROPERTY, sources.toString());
        TourSupport.launch(language, "download-tour", window -> () -> {
            TrainingModel training = window.training();
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), training);
            onFx(() -> screens.showTraining("MNIST", Map.of(), LessonStage.TrainingTab.LEARNED));
            pause(800);
            onFx(training.download()::start);
            waitFor(() -> onFx(() -> training.download().progressProperty().get() > 0.3));
            pause(500);
            TourSupport.shoot(window, out.resolve("download-" + language + ".png"));
            onFx(training.download()::cancel);
            pause(300);
            server.close();
        });
    }
}
