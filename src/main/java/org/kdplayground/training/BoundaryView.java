package org.kdplayground.training;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.kdplayground.data.Dataset;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.RoleChart;

/**
 * A model's decision boundary on 2-D data, the TensorFlow Playground way: each grid cell tinted with the class the
 * model picks, stronger where it is surer, with the training points on top. The title carries the model's role
 * colour (and a dashed underline for the baseline).
 */
final class BoundaryView extends RoleChart {

    private static final double HEADER = 22;
    private static final int MAX_POINTS = 600;

    private final ChartRole role;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private RunEvent.Boundary boundary;
    private Dataset points;
    private double[] bounds;
    private WritableImage image;
    /** The training points, drawn once per data set and size: they do not change while the heatmap does. */
    private final javafx.scene.canvas.Canvas pointsLayer = new javafx.scene.canvas.Canvas();
    private boolean pointsDirty = true;
    private javafx.scene.paint.Paint pointsOutline;

    BoundaryView(ChartRole role) {
        this.role = role;
        getStyleClass().add("boundary-view");
        pointsLayer.setMouseTransparent(true);
        getChildren().add(pointsLayer);
        title.addListener((obs, old, now) -> invalidate());
        setPrefSize(200, 200);
        setMinSize(120, 120);
    }

    StringProperty titleProperty() {
        return title;
    }

    boolean hasBoundary() {
        return boundary != null;
    }

    void show(RunEvent.Boundary value, Dataset data, double[] region) {
        if (data != points || region != bounds) {
            pointsDirty = true;
        }
        boundary = value;
        points = data;
        bounds = region;
        image = value == null ? null : render(value);
        invalidate();
    }

    private static WritableImage render(RunEvent.Boundary b) {
        WritableImage img = new WritableImage(b.size(), b.size());
        PixelWriter writer = img.getPixelWriter();
        for (int row = 0; row < b.size(); row++) {
            for (int col = 0; col < b.size(); col++) {
                int i = row * b.size() + col;
                Color c = ClassPalette.of(b.winner()[i]);
                double strength = 0.12 + 0.55 * Math.max(0, Math.min(1, (b.confidence()[i] - 0.5) * 2));
                writer.setColor(col, b.size() - 1 - row, Color.color(c.getRed(), c.getGreen(), c.getBlue(),
                        strength));
            }
        }
        return img;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (!getTextFill().equals(pointsOutline)) {
            pointsDirty = true; // the theme changed: outline the points in its text colour
        }
        drawRoleTitle(g, role, title.get(), width, HEADER);
        double side = Math.min(width, height - HEADER);
        double left = (width - side) / 2;
        double top = HEADER;
        g.setStroke(getGridFill());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
        if (image == null || bounds == null) {
            g.setFill(getAccent());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("…", left + side / 2, top + side / 2);
            return;
        }
        g.setImageSmoothing(true);
        g.drawImage(image, left, top, side, side);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double width = getWidth();
        double height = getHeight();
        if (pointsLayer.getWidth() != width || pointsLayer.getHeight() != height) {
            pointsLayer.setWidth(width);
            pointsLayer.setHeight(height);
            pointsDirty = true;
        }
        if (pointsDirty) {
            pointsDirty = false;
            drawPoints(pointsLayer.getGraphicsContext2D(), width, height);
        }
    }

    private void drawPoints(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        if (points == null || bounds == null) {
            return;
        }
        double side = Math.min(width, height - HEADER);
        double left = (width - side) / 2;
        double top = HEADER;
        int stride = Math.max(1, points.size() / MAX_POINTS);
        double r = side < 200 ? 2.4 : 3.2;
        // a thin outline in the text colour keeps points visible on their own class's tint, in both themes
        pointsOutline = getTextFill();
        g.setStroke(pointsOutline);
        g.setLineWidth(0.6);
        for (int i = 0; i < points.size(); i += stride) {
            float[] p = points.features()[i];
            double x = left + (p[0] - bounds[0]) / (bounds[1] - bounds[0]) * side;
            double y = top + side - (p[1] - bounds[2]) / (bounds[3] - bounds[2]) * side;
            g.setFill(ClassPalette.of(points.labels()[i]));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
