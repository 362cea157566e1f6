package org.kdplayground.training.setup.drawing;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import org.kdplayground.data.DrawnPoints;
import org.kdplayground.training.learned.ClassPalette;
import org.kdplayground.ui.CanvasChart;

/**
 * The plane the learner draws on: every point in its class's colour, outlined; the pointer adds (left button),
 * paints while dragged, and erases (right button, or the left with the eraser on).
 */
public final class DrawingCanvas extends CanvasChart {

    /** Layout pixels the pointer must travel before a drag paints again. */
    private static final double PAINT_STEP = 6;

    private final DrawingModel model;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    public DrawingCanvas(DrawingModel model) {
        this.model = model;
        getStyleClass().add("drawing-canvas");
        setPrefSize(440, 440);
        setMinSize(240, 240);
        model.pointsProperty().addListener((obs, old, now) -> invalidate());
        model.viewProperty().addListener((obs, old, now) -> invalidate());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(e -> lastX = Double.NaN);
    }

    /** The drawing this canvas edits. */
    public DrawingModel model() {
        return model;
    }

    private void pressed(MouseEvent e) {
        double[] p = toData(e.getX(), e.getY());
        if (p == null) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY) {
            model.erase(p[0], p[1]);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            model.click(p[0], p[1]);
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(lastX) && Math.hypot(e.getX() - lastX, e.getY() - lastY) < PAINT_STEP) {
            return;
        }
        double[] p = toData(e.getX(), e.getY());
        if (p == null) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY) {
            model.erase(p[0], p[1]);
        } else {
            model.paint(p[0], p[1]);
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    /** The square the plane is drawn in: left, top, side. */
    private double[] square() {
        double side = Math.min(getWidth(), getHeight()) - 2;
        return new double[] {(getWidth() - side) / 2, (getHeight() - side) / 2, side};
    }

    /** A pointer position in data units, or null outside the square. */
    double[] toData(double px, double py) {
        double[] sq = square();
        double u = (px - sq[0]) / sq[2];
        double v = (py - sq[1]) / sq[2];
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        double[] view = model.viewProperty().get();
        return new double[] {view[0] + u * (view[1] - view[0]), view[3] - v * (view[3] - view[2])};
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double[] sq = square();
        g.setStroke(getGridFill());
        g.setLineWidth(1);
        g.strokeRect(sq[0] + 0.5, sq[1] + 0.5, sq[2] - 1, sq[2] - 1);
        double[] view = model.viewProperty().get();
        DrawnPoints p = model.pointsProperty().get();
        double r = 4;
        g.setStroke(getTextFill());
        g.setLineWidth(0.8);
        for (int i = 0; i < p.size(); i++) {
            double x = sq[0] + (p.x(i) - view[0]) / (view[1] - view[0]) * sq[2];
            double y = sq[1] + (view[3] - p.y(i)) / (view[3] - view[2]) * sq[2];
            g.setFill(ClassPalette.of(p.classOf(i)));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
