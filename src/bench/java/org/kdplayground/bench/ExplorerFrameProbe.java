package org.kdplayground.bench;

import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.kdplayground.explorer.ClassLogits.Role;
import org.kdplayground.explorer.ExplorerController;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.FrameStats;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

/**
 * Frame times of the explorer while T is dragged: a real window (run under a display, e.g. Xvfb) with 100
 * classes, T set once per frame through the model as a slider drag does, for 600 frames; prints the frame
 * intervals. Run: {@code java -cp <test class path> org.kdplayground.bench.ExplorerFrameProbe [classes]}.
 */
public final class ExplorerFrameProbe {

    private static int classes = 100;

    private ExplorerFrameProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            classes = Integer.parseInt(args[0]);
        }
        Application.launch(Window.class, args);
    }

    /** The probe's window (a class of its own: JavaFX on the class path refuses a main class that is one). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            run(stage);
        }
    }

    static void run(Stage stage) {
        I18n i18n = new I18n(Language.ENGLISH);
        ExplorerModel model = new ExplorerModel(i18n);
        Random random = new Random(1);
        model.paste(Role.TEACHER, list(random));
        model.paste(Role.STUDENT, list(random));
        ViewLoader loader = new ViewLoader(i18n, type -> new ExplorerController(model, i18n));
        TestWindows.show(stage, loader.load(ExplorerController.class).root(), 1080, 760, new FontPolicy(List.of()));
        FrameStats frames = new FrameStats(2000);
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                frame++;
                if (frame <= 60) {
                    return; // warm-up
                }
                frames.frame(now);
                model.setTemperature(0.5 + 20 * (1 + Math.sin(frame / 40.0)) / 2);
                if (frames.count() >= 600) {
                    stop();
                    System.out.println("explorer, " + classes + " classes, T dragged: " + frames.summary());
                    Platform.exit();
                }
            }
        }.start();
    }

    private static String list(Random random) {
        StringJoiner joiner = new StringJoiner(",");
        for (int i = 0; i < classes; i++) {
            joiner.add(Double.toString(random.nextGaussian() * 3));
        }
        return joiner.toString();
    }
}
