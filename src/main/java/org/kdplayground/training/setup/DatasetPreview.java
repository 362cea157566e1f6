package org.kdplayground.training.setup;

import javafx.scene.canvas.GraphicsContext;

import org.kdplayground.data.Dataset;
import org.kdplayground.training.learned.ClassPalette;
import org.kdplayground.training.learned.ExampleStrip;
import org.kdplayground.ui.CanvasChart;

/** A glance at the chosen data: a scatter coloured by class for 2-D data, a grid of thumbnails for images. */
public final class DatasetPreview extends CanvasChart {

    private static final int MAX_POINTS = 800;
    private Dataset data;

    public DatasetPreview() {
        getStyleClass().add("dataset-preview");
        setPrefSize(280, 150);
        setMinHeight(150);
    }

    public void show(Dataset value) {
        data = value;
        invalidate();
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        g.setStroke(getGridFill());
        g.strokeRect(0.5, 0.5, width - 1, height - 1);
        if (data == null || data.size() == 0) {
            return;
        }
        if (data.isImage()) {
            drawThumbnails(g, width, height);
        } else if (data.featureCount() >= 2) {
            drawScatter(g, width, height);
        }
    }

    private void drawScatter(GraphicsContext g, double width, double height) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (float[] row : data.features()) {
            xMin = Math.min(xMin, row[0]);
            xMax = Math.max(xMax, row[0]);
            yMin = Math.min(yMin, row[1]);
            yMax = Math.max(yMax, row[1]);
        }
        double pad = 8;
        int stride = Math.max(1, data.size() / MAX_POINTS);
        for (int i = 0; i < data.size(); i += stride) {
            float[] row = data.features()[i];
            double x = pad + (row[0] - xMin) / Math.max(1e-9, xMax - xMin) * (width - 2 * pad);
            double y = height - pad - (row[1] - yMin) / Math.max(1e-9, yMax - yMin) * (height - 2 * pad);
            g.setFill(ClassPalette.of(data.labels()[i]));
            g.fillOval(x - 2, y - 2, 4, 4);
        }
    }

    private void drawThumbnails(GraphicsContext g, double width, double height) {
        double thumb = 26;
        int cols = Math.max(1, (int) ((width - 4) / (thumb + 3)));
        int rows = Math.max(1, (int) ((height - 4) / (thumb + 3)));
        g.setImageSmoothing(false);
        for (int n = 0; n < Math.min(data.size(), cols * rows); n++) {
            double ox = 3 + (n % cols) * (thumb + 3);
            double oy = 3 + (n / cols) * (thumb + 3);
            g.drawImage(ExampleStrip.picture(data, n), ox, oy, thumb, thumb);
            g.setStroke(ClassPalette.of(data.labels()[n]));
            g.strokeRect(ox, oy, thumb, thumb);
        }
    }
}
