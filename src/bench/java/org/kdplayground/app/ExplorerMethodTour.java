package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;

import java.nio.file.Path;

import javafx.event.ActionEvent;
import javafx.scene.control.TextField;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.lessons.LessonStage;

/**
 * Not a test: screenshots of the explorer with each loss (Hinton, DKD, LSKD) on the notebook's logits at T = 4, and
 * DKD with a refused β, from the real 1280x800 window. Run under a display: {@code java -cp <test class path>
 * org.kdplayground.app.ExplorerMethodTour OUT_DIR [en|zh-CN]}.
 */
public final class ExplorerMethodTour {

    private ExplorerMethodTour() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/explorer-method-tour");
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "explorer-method-tour", window -> () -> {
            LessonStage screens = new ScreensLessonStage(window.model(), window.explorer(), window.training());
            ExplorerModel explorer = window.explorer();
            onFx(() -> {
                screens.showExplorer(LessonStage.ExplorerTab.GRADIENT);
                screens.applyExplorerPreset("NOTEBOOK");
                screens.setTemperature(4);
            });
            for (LossMethod method : LossMethod.values()) {
                onFx(() -> explorer.lossChoice().methodProperty().set(method));
                pause(800);
                TourSupport.shoot(window, out.resolve("explorer-" + method.id() + "-" + language + ".png"));
            }
            onFx(() -> explorer.lossChoice().methodProperty().set(LossMethod.DKD));
            pause(300);
            onFx(() -> { // as typed: the field is outlined and the message says why
                TextField beta = (TextField) window.stage().getScene().lookup("#dkdBetaField");
                beta.requestFocus();
                beta.setText("-1");
                beta.fireEvent(new ActionEvent());
            });
            pause(800);
            TourSupport.shoot(window, out.resolve("explorer-dkd-refused-" + language + ".png"));
        });
    }
}
