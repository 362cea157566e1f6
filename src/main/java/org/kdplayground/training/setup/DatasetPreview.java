package org.kdplayground.training.setup;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

import org.kdplayground.data.Dataset;
import org.kdplayground.data.Split;
import org.kdplayground.training.learned.ClassPalette;
import org.kdplayground.training.learned.ExampleStrip;
import org.kdplayground.training.learned.PointMarks;
import org.kdplayground.ui.CanvasChart;

/**
 * A glance at the chosen data: a scatter coloured by class for 2-D data, a grid of thumbnails for images. When the
 * students see only some labels, the scatter shows the training points: the labelled ones large and outlined, the
 * unlabelled transfer points small and faint (as the decision boundaries draw them).
 */
public final class DatasetPreview extends CanvasChart {

    private static final int MAX_POINTS = 800;
    private Dataset data;
    private Split training;

    public DatasetPreview() {
        getStyleClass().add("dataset-preview");
        setPrefSize(280, 150);
        setMinHeight(150);
    }

    public void show(Dataset value) {
        show(value, null);
    }

    /** Shows {@code value}, or, when {@code split} is not null, its training points with the labelled ones marked. */
    public void show(Dataset value, Split split) {
        data = value;
        training = split;
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
        Dataset shown = training != null ? training.train() : data;
        boolean[] labelled = training != null ? training.labelledMask() : null;
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
        double[] box = {xMin, Math.max(1e-9, xMax - xMin), yMin, Math.max(1e-9, yMax - yMin), width, height, pad};
        boolean marked = PointMarks.anyUnlabelled(labelled, shown.size());
        int stride = Math.max(1, shown.size() / MAX_POINTS);
        for (int i = 0; i < shown.size(); i += stride) {
            if (!marked) {
                dot(g, shown, i, box, 2, ClassPalette.of(shown.labels()[i]), null);
            } else if (!labelled[i]) {
                dot(g, shown, i, box, 1.4, ClassPalette.of(shown.labels()[i]).deriveColor(0, 1, 1, 0.4), null);
            }
        }
        for (int i = 0; marked && i < shown.size(); i++) {
            if (labelled[i]) {
                dot(g, shown, i, box, 3.6, ClassPalette.of(shown.labels()[i]), getTextFill());
            }
        }
    }

    /** One point of radius {@code r}; {@code box}: xMin, xSpan, yMin, ySpan, width, height, padding. */
    private static void dot(GraphicsContext g, Dataset shown, int i, double[] box, double r, Paint fill,
                            Paint outline) {
        float[] row = shown.features()[i];
        double pad = box[6];
        double x = pad + (row[0] - box[0]) / box[1] * (box[4] - 2 * pad);
        double y = box[5] - pad - (row[1] - box[2]) / box[3] * (box[5] - 2 * pad);
        g.setFill(fill);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        if (outline != null) {
            g.setStroke(outline);
            g.setLineWidth(1);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
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
