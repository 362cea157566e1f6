package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Path;
import java.util.Map;

import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: screenshots of the training screen with each loss (its set-up fields, its parts on the loss chart),
 * from the real 1280x800 window. Run: {@code java -cp <test class path> org.kdplayground.app.LossTour OUT_DIR [en|zh-CN]}.
 */
public final class LossTour {

    private LossTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/loss-tour");
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "loss-tour", window -> () -> {
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
            TrainingModel training = window.training();
            for (String loss : new String[] {"dkd", "lskd"}) {
                onFx(() -> screens.showTraining("DIGITS_FEW_LABELS", Map.of("loss", loss),
                        LessonStage.TrainingTab.LEARNED));
                waitFor(() -> onFx(() -> training.canStartProperty().get()));
                onFx(training::start);
                pause(500);
                waitFor(() -> onFx(() -> training.lastResult().isPresent()
                        && !training.stateProperty().get().busy()));
                pause(800);
                TourSupport.shoot(window, out.resolve("loss-" + loss + "-" + language + ".png"));
            }
        });
    }
}
