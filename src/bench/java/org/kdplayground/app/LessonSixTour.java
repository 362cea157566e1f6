package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Path;

import org.kdplayground.training.TrainingModel;

/**
 * Not a test: screenshots of lesson 6 ("Does the student copy its teacher?") with its runs, from the real 1280x800
 * window: step 1 after a digits run (agreement chart), step 4 after the label-smoothed teacher's run (reliability
 * diagrams). Run: {@code java -cp <test class path> org.kdplayground.app.LessonSixTour OUT_DIR [en|zh-CN]}.
 */
public final class LessonSixTour {

    private LessonSixTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/lesson-six-tour");
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "lesson-six-tour", window -> () -> {
            TrainingModel training = window.training();
            onFx(() -> window.lessons().open(window.lessons().lessons().get(5)));
            pause(800);
            train(training);
            TourSupport.shoot(window, out.resolve("lesson6-step1-" + language + ".png"));
            onFx(() -> {
                window.lessons().next();
                window.lessons().next();
                window.lessons().next(); // step 4: the label-smoothed teacher
            });
            pause(800);
            train(training);
            TourSupport.shoot(window, out.resolve("lesson6-step4-" + language + ".png"));
            onFx(() -> window.lessons().close());
        });
    }

    private static void train(TrainingModel training) throws InterruptedException {
        waitFor(() -> onFx(() -> training.canStartProperty().get()));
        int before = onFx(() -> training.history().size());
        onFx(training::start);
        waitFor(() -> onFx(() -> training.history().size() > before && !training.stateProperty().get().busy()));
        pause(1000);
    }
}
