package org.kdplayground.training.results;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

/** Writes what a node shows as a PNG, at a scale (2 for slides), as the screen draws it. */
public final class ChartExport {

    private ChartExport() {
    }

    static void writePng(Node node, Path file, double scale) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(parameters, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
