package org.kdplayground.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;

/** Windows for tests and probes: a root shown in the app's light theme, in English, and node snapshots. */
public final class TestWindows {

    private TestWindows() {
    }

    /** Shows {@code root} in a new stage of the given size, with the system's fonts. */
    public static Stage show(Parent root, double width, double height) {
        return show(new Stage(), root, width, height, FontPolicy.ofSystem());
    }

    /** Shows {@code root} in {@code stage} (a probe's primary stage, say) with the given fonts. */
    public static Stage show(Stage stage, Parent root, double width, double height, FontPolicy fonts) {
        Scene scene = new Scene(root, width, height);
        new ThemeManager(scene, fonts).apply(Theme.LIGHT, Language.ENGLISH);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /**
     * Whether a label shows all of its text: its skin draws the text cut short with "…" where the label is too
     * narrow (or, wrapping, too low) for it.
     */
    public static boolean showsWholeText(Labeled label) {
        Node drawn = label.lookup(".text");
        return drawn instanceof Text text && text.getText().equals(label.getText());
    }

    /** What {@code node} draws now, taken on the FX thread. */
    public static WritableImage snapshot(FxRobot robot, Node node) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }
}
