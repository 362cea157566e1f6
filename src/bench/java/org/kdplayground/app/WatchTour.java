package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Path;
import java.util.Map;

import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.ui.Theme;

/**
 * Not a test: screenshots of watching a run learn, from the real 1280x800 window, in the light and the dark theme:
 * the two-moons preset mid-way through a run at normal speed, and the timeline scrubbed back on the finished run; then
 * a run beside an open lesson (the narrow screen).
 * Run: {@code java -cp <test class path> org.kdplayground.app.WatchTour OUT_DIR [en|zh-CN]}.
 */
public final class WatchTour {

    private WatchTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/watch-tour");
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "watch-tour", window -> () -> {
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
            TrainingModel training = window.training();
            for (Theme theme : new Theme[] {Theme.LIGHT, Theme.DARK}) {
                String suffix = language + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
                onFx(() -> window.model().themeProperty().set(theme));
                onFx(() -> screens.showTraining("TWO_MOONS", Map.of("seed", theme == Theme.LIGHT ? "1" : "2"),
                        LessonStage.TrainingTab.LEARNED));
                onFx(() -> training.speedProperty().set(RunSpeed.NORMAL));
                waitFor(() -> onFx(() -> training.canStartProperty().get()));
                onFx(training::start);
                waitFor(() -> onFx(() -> training.timeline().newestProperty().get() >= 30 + 12));
                pause(300);
                TourSupport.shoot(window, out.resolve("paced-run-" + suffix));
                onFx(() -> training.speedProperty().set(RunSpeed.FASTEST));
                waitFor(() -> onFx(() -> !training.stateProperty().get().busy()));
                pause(500);
                onFx(() -> {
                    training.timeline().positionProperty().set(30 + 8);
                    window.stage().getScene().lookup("#timelineScrubber").requestFocus();
                });
                pause(800);
                TourSupport.shoot(window, out.resolve("scrubber-" + suffix));
            }
            // narrow: the run bar wraps beside an open lesson
            onFx(() -> window.model().themeProperty().set(Theme.LIGHT));
            onFx(() -> window.lessons().open(window.lessons().lessons().get(4)));
            onFx(() -> screens.showTraining("TWO_MOONS", Map.of(), LessonStage.TrainingTab.LEARNED));
            waitFor(() -> onFx(() -> training.canStartProperty().get()));
            onFx(training::start);
            waitFor(() -> onFx(() -> training.timeline().newestProperty().get() >= 30 + 5));
            TourSupport.shoot(window, out.resolve("beside-lesson-" + language + ".png"));
        });
    }
}
