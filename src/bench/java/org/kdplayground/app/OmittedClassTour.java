package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import org.kdplayground.data.Dataset;
import org.kdplayground.io.ExperimentFile;
import org.kdplayground.lessons.Lesson;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: walks the omitted-class experiment as a learner would, in a real 1280x800 window (run it under a
 * display, e.g. {@code xvfb-run -a -s "-screen 0 1600x1000x24"}), and writes what the window shows as PNGs:
 * the set-up field, the results after a run, a 3 in the test-example strip, and lesson 4's result step.
 * Run: {@code java -cp <test class path> org.kdplayground.app.OmittedClassTour OUT_DIR [en|zh-CN]}.
 */
public final class OmittedClassTour {

    private static Path out;
    private static String language = "en";

    private OmittedClassTour() {
    }

    public static void main(String[] args) throws IOException {
        out = Files.createDirectories(Path.of(args[0]));
        if (args.length > 1) {
            language = args[1];
        }
        TourSupport.launch(language, "omitted-class-tour", window -> () -> walk(window));
    }

    private static void walk(MainWindow window) throws InterruptedException {
        TrainingModel training = window.training();
        Lesson dark = onFx(() -> window.lessons().lessons().get(3));
        onFx(() -> {
            window.lessons().open(dark);
            window.lessons().next();
            window.lessons().next(); // step 3: the omit-3 set-up
            return null;
        });
        pause(800);
        shoot(window, "omit-lesson-setup");
        onFx(() -> {
            window.lessons().close();
            scrollSetUpToTheEnd(window);
            return null;
        });
        waitFor(() -> onFx(() -> training.canStartProperty().get()));
        pause(800);
        shoot(window, "omit-setup");

        onFx(() -> {
            training.start();
            return null;
        });
        waitFor(() -> onFx(() -> training.lastResult().isPresent()));
        onFx(() -> {
            training.resultTabProperty().set(TrainingModel.ResultTab.RESULTS);
            return null;
        });
        pause(800);
        shoot(window, "omit-results");

        onFx(() -> {
            training.resultTabProperty().set(TrainingModel.ResultTab.EXAMPLES);
            return null;
        });
        pause(500);
        onFx(() -> {
            clickTheThree(window);
            return null;
        });
        pause(800);
        shoot(window, "omit-example");

        onFx(() -> {
            window.lessons().open(dark);
            for (int i = 0; i < 4; i++) {
                window.lessons().next(); // step 5: the errors before and after the shift
            }
            return null;
        });
        pause(800);
        shoot(window, "omit-lesson");
    }

    private static void scrollSetUpToTheEnd(MainWindow window) {
        Node scroll = window.stage().getScene().lookup("#setupScroll");
        ((ScrollPane) scroll).setVvalue(1);
    }

    /** Clicks the strip's 3: the strip shows the first test example of each class in test order, then the next. */
    private static void clickTheThree(MainWindow window) {
        Dataset test = ExperimentFile.read(Path.of("assets/experiments/digits-omit-3.json")).prepare().config().test();
        List<Integer> firsts = new ArrayList<>();
        boolean[] seen = new boolean[test.classCount()];
        for (int i = 0; i < test.size(); i++) {
            if (!seen[test.labels()[i]]) {
                seen[test.labels()[i]] = true;
                firsts.add(test.labels()[i]);
            }
        }
        int position = firsts.indexOf(3);
        Node strip = window.stage().getScene().lookup("#exampleStrip");
        double width = strip.getLayoutBounds().getWidth();
        double height = strip.getLayoutBounds().getHeight();
        double gap = 6;
        double cell = Math.max(24, Math.min((width - gap) / 12 - gap, height - 16));
        javafx.geometry.Point2D at = strip.localToScene(gap + position * (cell + gap) + cell / 2, cell / 2);
        strip.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, at.getX(), at.getY(), 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null));
    }

    private static void shoot(MainWindow window, String name) {
        TourSupport.shoot(window, out.resolve(name + "-" + language + ".png"));
    }
}
