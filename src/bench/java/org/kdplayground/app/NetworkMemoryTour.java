package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.TextField;

/**
 * Not a test: types a teacher of six layers of 4,096 units and a batch of 65,536 into the training set-up, as a
 * learner would, and writes what the window shows (the memory message below the networks, Start disabled) as a PNG.
 * On a machine with more than about 45 GB of memory these networks fit and no message shows. Run under a display:
 * {@code java -cp <test class path> org.kdplayground.app.NetworkMemoryTour OUT_DIR [en|zh-CN]}.
 */
public final class NetworkMemoryTour {

    private NetworkMemoryTour() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        String language = args.length > 1 ? args[1] : "en";
        TourSupport.launch(language, "network-memory-tour", window -> () -> {
            onFx(() -> {
                window.model().navigate(Screen.DISTILLATION);
                type(window, "field-teacherLayers", "4096, 4096, 4096, 4096, 4096, 4096");
                type(window, "field-batchSize", "65536");
                return null;
            });
            pause(1000);
            TourSupport.shoot(window, out.resolve("network-memory-" + language + ".png"));
        });
    }

    private static void type(MainWindow window, String id, String text) {
        ((TextField) window.stage().getScene().lookup("#" + id)).setText(text);
    }
}
