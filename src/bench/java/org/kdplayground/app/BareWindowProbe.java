package org.kdplayground.app;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

/**
 * Not a test: the floor under the app's start-up. A window with a label, a slider and a button, in the app's
 * AtlantaFX theme ({@code -Dtheme=false}: JavaFX's own), at the app's size; prints how long after {@code start()}
 * {@code stage.show()} returned, and after the JVM started, then exits. Run it as the app is run:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -XX:TieredStopAtLevel=1 -Xmn128m -cp <test class path>
 * org.kdplayground.app.BareWindowProbe}.
 */
public final class BareWindowProbe {

    private BareWindowProbe() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args); // a plain main class, as the app's: JavaFX on the class path
    }

    /** The window. */
    public static final class BareWindow extends Application {

        @Override
        public void start(Stage stage) {
            long started = System.nanoTime();
            if (!"false".equals(System.getProperty("theme"))) {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            }
            VBox content = new VBox(8, new Label("Softmax"), new Slider(0.5, 20, 4), new Button("OK"));
            stage.setScene(new Scene(content, 1280, 800));
            stage.show();
            System.out.printf("bare window shown %d ms after start(), %d ms after the JVM started%n",
                    (System.nanoTime() - started) / 1_000_000, ManagementFactory.getRuntimeMXBean().getUptime());
            Platform.exit();
        }
    }
}
