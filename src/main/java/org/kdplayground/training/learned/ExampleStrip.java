package org.kdplayground.training.learned;

import java.util.Map;
import java.util.function.IntConsumer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.kdplayground.data.Dataset;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.training.live.Roles;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.RoleChart;

/**
 * A row of test images (image data) with, under each, one mark per model: filled in the model's role colour when
 * it classifies the image right, hollow when wrong. A click selects an image.
 */
public final class ExampleStrip extends RoleChart {

    private static final double GAP = 6;
    private static final ModelRole[] ORDER = {ModelRole.TEACHER, ModelRole.DISTILLED, ModelRole.BASELINE};

    private Dataset test;
    private int[] indices = new int[0];
    private Map<ModelRole, float[][]> logits = Map.of();
    private int selected = -1;
    private WritableImage[] images = new WritableImage[0];
    private IntConsumer onSelect = index -> { };

    public ExampleStrip() {
        getStyleClass().add("example-strip");
        setPrefSize(560, 90);
        setMinHeight(70);
        setOnMouseClicked(event -> {
            int index = indexAt(event.getX());
            if (index >= 0) {
                onSelect.accept(index);
            }
        });
    }

    void setOnSelect(IntConsumer action) {
        onSelect = action;
    }

    public void show(Dataset testSet, int[] strip, Map<ModelRole, float[][]> stripLogits, int selectedIndex) {
        if (testSet != test || strip != indices) {
            images = new WritableImage[strip.length];
            for (int i = 0; i < strip.length; i++) {
                images[i] = picture(testSet, strip[i]);
            }
        }
        test = testSet;
        indices = strip;
        logits = Map.copyOf(stripLogits);
        selected = selectedIndex;
        invalidate();
    }

    public int size() {
        return indices.length;
    }

    private double cell() {
        double byWidth = (getWidth() - GAP) / Math.max(1, indices.length) - GAP;
        return Math.max(24, Math.min(byWidth, getHeight() - 16));
    }

    public int indexAt(double x) {
        double cell = cell();
        int index = (int) ((x - GAP) / (cell + GAP));
        return index >= 0 && index < indices.length ? index : -1;
    }

    /** One example as a grey image, darkest at its largest pixel value (shared with the data set preview). */
    public static WritableImage picture(Dataset data, int row) {
        int w = data.imageWidth();
        int h = data.imageHeight();
        float[] pixels = data.features()[row];
        float max = 0;
        for (float v : pixels) {
            max = Math.max(max, v);
        }
        WritableImage image = new WritableImage(w, h);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                writer.setColor(x, y, Color.gray(1 - (max == 0 ? 0 : pixels[y * w + x] / max)));
            }
        }
        return image;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (test == null) {
            return;
        }
        double cell = cell();
        for (int i = 0; i < indices.length; i++) {
            double x = GAP + i * (cell + GAP);
            g.setImageSmoothing(false);
            g.drawImage(images[i], x, 2, cell, cell);
            g.setStroke(i == selected ? paintOf(ChartRole.TOTAL) : getGridFill());
            g.setLineWidth(i == selected ? 3 : 1);
            g.strokeRect(x, 2, cell, cell);
            int truth = test.labels()[indices[i]];
            for (int m = 0; m < ORDER.length; m++) {
                float[][] rows = logits.get(ORDER[m]);
                if (rows == null) {
                    continue;
                }
                boolean right = argmax(rows[i]) == truth;
                ChartRole role = Roles.chartRole(ORDER[m]);
                double mx = x + cell / 2 - 15 + m * 12;
                g.setStroke(paintOf(role));
                g.setFill(paintOf(role));
                g.setLineWidth(1.5);
                if (right) {
                    g.fillOval(mx, cell + 6, 8, 8);
                } else {
                    g.strokeOval(mx + 0.75, cell + 6.75, 6.5, 6.5);
                }
            }
        }
    }

    public static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
