package org.kdplayground.app;

import static org.kdplayground.app.TourSupport.onFx;
import static org.kdplayground.app.TourSupport.pause;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * Not a test: prints the nodes of the training screen whose minimum width is large, with the lesson panel open, to
 * find what keeps the screen from narrowing.
 * Run: {@code java -cp <test class path> org.kdplayground.app.MinWidthProbe [en|zh-CN]}.
 */
public final class MinWidthProbe {

    private MinWidthProbe() {
    }

    public static void main(String[] args) {
        TourSupport.launch(args.length > 0 ? args[0] : "en", "min-width-probe", window -> () -> {
            onFx(() -> window.lessons().open(window.lessons().lessons().get(5)));
            pause(1500);
            onFx(() -> dump(window.stage().getScene().getRoot(), 0));
        });
    }

    private static void dump(Node node, int depth) {
        if (node instanceof Region r && r.isVisible()) {
            double min = r.minWidth(-1);
            if (min > 250) {
                System.out.printf("%s%s #%s min=%.0f width=%.0f%n", "  ".repeat(depth),
                        r.getClass().getSimpleName(), r.getId(), min, r.getWidth());
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> dump(c, depth + 1));
        }
    }
}
