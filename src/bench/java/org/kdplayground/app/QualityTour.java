package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;
import static org.kdplayground.app.TourSupport.waitFor;

import java.nio.file.Path;
import java.util.Map;

import javafx.scene.control.ToggleButton;

import org.kdplayground.lessons.LessonStage;
import org.kdplayground.training.TrainingModel;

/**
 * Not a test: screenshots of what the training screen says beyond accuracy (the agreement and calibration charts,
 * the reliability diagrams, the students' disagreement with the teacher on 2-D data), from the real 1280x800 window.
 * Run: {@code java -cp <test class path> org.kdplayground.app.QualityTour OUT_DIR [en|zh-CN]}.
 */
public final class QualityTour {

    private QualityTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/quality-tour");
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "quality-tour", window -> () -> {
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
            TrainingModel training = window.training();
            run(screens, training, "DIGITS_FEW_LABELS", Map.of(), LessonStage.TrainingTab.CALIBRATION);
            fire(window, "#agreementMeasureToggle");
            pause(600);
            TourSupport.shoot(window, out.resolve("agreement-" + language + ".png"));
            fire(window, "#eceMeasureToggle");
            pause(600);
            TourSupport.shoot(window, out.resolve("calibration-" + language + ".png"));
            fire(window, "#accuracyMeasureToggle");

            run(screens, training, "TWO_MOONS", Map.of(), LessonStage.TrainingTab.LEARNED);
            fire(window, "#disagreementToggle");
            pause(800);
            TourSupport.shoot(window, out.resolve("disagreement-" + language + ".png"));
            fire(window, "#disagreementToggle");

            // the capacity gap: a sweep of the teacher's size on the few-labels digits preset
            onFx(() -> screens.showTraining("DIGITS_FEW_LABELS", Map.of("sweepValues:teacher_hidden",
                    "8, 32, 128, 256-256", "sweepSeeds", "2"), LessonStage.TrainingTab.SWEEP));
            waitFor(() -> onFx(() -> training.canStartProperty().get()));
            onFx(training::startSweep);
            pause(500);
            waitFor(() -> onFx(() -> !training.sweepBusyProperty().get()));
            pause(800);
            TourSupport.shoot(window, out.resolve("sweep-teacher-size-" + language + ".png"));
            fire(window, "#sweepAgreementToggle");
            pause(500);
            TourSupport.shoot(window, out.resolve("sweep-teacher-size-agreement-" + language + ".png"));
        });
    }

    private static void run(LessonStage screens, TrainingModel training, String preset, Map<String, String> fields,
                            LessonStage.TrainingTab tab) throws InterruptedException {
        onFx(() -> screens.showTraining(preset, fields, tab));
        waitFor(() -> onFx(() -> training.canStartProperty().get()));
        onFx(training::start);
        pause(500);
        waitFor(() -> onFx(() -> training.lastResult().isPresent() && !training.stateProperty().get().busy()));
        pause(800);
    }

    private static void fire(MainWindow window, String id) {
        onFx(() -> ((ToggleButton) window.stage().getScene().lookup(id)).fire());
    }
}
