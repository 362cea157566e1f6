package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: screenshots of issue 18's data from the real 1280x800 window: the default preset (spirals, 5% labels)
 * after a run, the Draw tool started from two moons and edited, and the drawn set after a run. The theme comes from
 * {@code -Dkd.tour.theme=light|dark}.
 * Run: {@code java -Dkd.tour.theme=dark -cp <test class path> org.kdplayground.app.OwnDataTour OUT_DIR [en|zh-CN]}.
 */
public final class OwnDataTour {

    private OwnDataTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/own-data-tour");
        String language = args.length > 1 ? args[1] : "en";
        String suffix = "-" + language + "-" + System.getProperty("kd.tour.theme", "light") + ".png";
        TourSupport.launch(language, "own-data-tour", window -> () -> {
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
            TrainingModel training = window.training();
            waitFor(() -> onFx(() -> training.canStartProperty().get()));
            onFx(() -> screens.showTraining("SPIRALS_FEW_LABELS", Map.of(), LessonStage.TrainingTab.LEARNED));
            waitFor(() -> onFx(() -> training.canStartProperty().get()));
            pause(800);
            TourSupport.shoot(window, out.resolve("default-preset-before" + suffix));
            onFx(training::start);
            pause(500);
            waitFor(() -> onFx(() -> training.lastResult().isPresent() && !training.stateProperty().get().busy()));
            pause(800);
            TourSupport.shoot(window, out.resolve("default-preset" + suffix));

            onFx(() -> ((Button) window.stage().getScene().lookup("#drawButton")).fire());
            pause(800);
            Stage tool = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                    && s != window.stage() && s.isShowing()).map(w -> (Stage) w).findFirst().orElseThrow());
            fire(tool, "#drawing-start-from-button");
            fire(tool, "#drawing-class-1");
            onFx(() -> {
                var canvas = (org.kdplayground.training.setup.drawing.DrawingCanvas) tool.getScene()
                        .lookup("#drawing-canvas");
                for (int i = 0; i < 8; i++) {
                    canvas.model().paint(-0.2 + 0.05 * i, -1.2); // a few more points of class 1, painted
                }
                canvas.model().erase(1.8, 0.2);
            });
            pause(600);
            shootStage(tool, out.resolve("drawing-tool" + suffix));
            fire(tool, "#drawing-use");
            pause(800);
            waitFor(() -> onFx(() -> training.canStartProperty().get()));
            onFx(training::start);
            pause(500);
            waitFor(() -> onFx(() -> training.lastResult().isPresent() && !training.stateProperty().get().busy()));
            pause(800);
            TourSupport.shoot(window, out.resolve("drawn-run" + suffix));

            Path table = irisLike();
            onFx(() -> training.opener().openCsv(table));
            waitFor(() -> onFx(() -> window.stage().getScene().lookup("#dataSummary") instanceof
                    javafx.scene.control.Label l && l.getText().contains("setosa")));
            pause(800);
            TourSupport.shoot(window, out.resolve("csv-table" + suffix));
        });
    }

    /** A table like iris: four measurements and the species, 90 rows, in a temporary file. */
    private static Path irisLike() {
        StringBuilder text = new StringBuilder("sepal length;sepal width;petal length;petal width;species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 90; i++) {
            int s = i % 3;
            text.append(String.format(java.util.Locale.ROOT, "%.1f;%.1f;%.1f;%.1f;%s%n", 5 + s + random.nextGaussian()
                    * 0.4, 3.4 - 0.3 * s + random.nextGaussian() * 0.3, 1.5 + 2.2 * s + random.nextGaussian() * 0.4,
                    0.2 + 0.9 * s + random.nextGaussian() * 0.2, species[s]));
        }
        try {
            Path file = Files.createTempFile("iris", ".csv");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fire(Stage stage, String id) {
        onFx(() -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup(id)).fire());
    }

    private static void shootStage(Stage stage, Path file) {
        onFx(() -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        System.out.println("wrote " + file);
    }
}
