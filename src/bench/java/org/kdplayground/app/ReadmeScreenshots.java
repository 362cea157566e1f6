package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Path;
import java.util.Map;

import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: makes the README's screenshots from the real 1280x800 window, as a learner would see it (run it under
 * a display, e.g. {@code xvfb-run -a -s "-screen 0 1600x1000x24"}): the explorer on the notebook's logits at T = 4, a
 * finished two-moons run, lesson 1's third step and a two-moons temperature sweep.
 * Run: {@code java -cp <test class path> org.kdplayground.app.ReadmeScreenshots [OUT_DIR [en|zh-CN]]}; the default
 * folder is assets/screenshots.
 */
public final class ReadmeScreenshots {

    private static Path out = Path.of("assets/screenshots");
    private static String language = "en";

    private ReadmeScreenshots() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            out = Path.of(args[0]);
        }
        if (args.length > 1) {
            language = args[1];
        }
        TourSupport.launch(language, "readme-screenshots", window -> () -> walk(window));
    }

    private static void walk(MainWindow window) throws InterruptedException {
        LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
        TrainingModel training = window.training();
        waitFor(() -> onFx(() -> training.canStartProperty().get())); // the engine is ready

        onFx(() -> {
            screens.showExplorer(LessonStage.ExplorerTab.GRADIENT);
            screens.applyExplorerPreset("NOTEBOOK");
            screens.setTemperature(4);
        });
        pause(800);
        shoot(window, "explorer");

        onFx(() -> screens.showTraining("TWO_MOONS", Map.of(), LessonStage.TrainingTab.LEARNED));
        waitFor(() -> onFx(() -> training.canStartProperty().get()));
        onFx(training::start);
        waitFor(() -> onFx(() -> training.lastResult().isPresent() && !training.stateProperty().get().busy()));
        pause(800);
        shoot(window, "distillation");

        onFx(() -> window.lessons().open(window.lessons().lessons().get(0)));
        onFx(() -> {
            window.lessons().next();
            window.lessons().next(); // step 3: T = 4 in the grid
        });
        pause(800);
        shoot(window, "lesson");
        onFx(() -> window.lessons().close());

        onFx(() -> screens.showTraining("TWO_MOONS", Map.of("sweepTemperatures", "1, 2, 4, 8, 16",
                "sweepSeeds", "3"), LessonStage.TrainingTab.SWEEP));
        waitFor(() -> onFx(() -> training.canStartProperty().get()));
        onFx(screens::startSweep);
        pause(1000);
        waitFor(() -> onFx(() -> training.canStartProperty().get())); // the sweep has ended
        pause(800);
        shoot(window, "sweep");
    }

    private static void shoot(MainWindow window, String name) {
        TourSupport.shoot(window, out.resolve(language.equals("en") ? name + ".png" : name + "-" + language + ".png"));
    }
}
