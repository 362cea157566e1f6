package org.kdplayground.training.learned;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.data.Dataset;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.RoleChart;

/**
 * A model's decision boundary on 2-D data, the TensorFlow Playground way: each grid cell tinted with the class the
 * model picks, stronger where it is surer, with the training points on top. The title carries the model's role
 * colour (and a dashed underline for the baseline).
 */
public final class BoundaryView extends RoleChart {

    private static final double HEADER = 22;
    private static final int MAX_POINTS = 600;

    private final ChartRole role;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty disagreementNote = new SimpleStringProperty(this, "disagreementNote", "{0}");
    private RunEvent.Boundary boundary;
    /** The teacher's boundary when the view shows where this model disagrees with it; null for the plain view. */
    private RunEvent.Boundary reference;
    private double disagreement = Double.NaN;
    private Dataset points;
    /** Which points carry their labels for the students (drawn larger, outlined); null: all of them. */
    private boolean[] labelled;
    private double[] bounds;
    private WritableImage image;
    /** The training points, drawn once per data set and size: they do not change while the heatmap does. */
    private final Canvas pointsLayer = new Canvas();
    private boolean pointsDirty = true;
    private Paint pointsOutline;

    public BoundaryView(ChartRole role) {
        this.role = role;
        getStyleClass().add("boundary-view");
        pointsLayer.setMouseTransparent(true);
        getChildren().add(pointsLayer);
        title.addListener((obs, old, now) -> invalidate());
        disagreementNote.addListener((obs, old, now) -> invalidate());
        setPrefSize(200, 200);
        setMinSize(120, 120);
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The disagreement view's note at the title row's end, {@code {0}} standing for the share of the plane. */
    public StringProperty disagreementNoteProperty() {
        return disagreementNote;
    }

    public boolean hasBoundary() {
        return boundary != null;
    }

    /** The share of the grid on which this model's class differs from the teacher's; NaN in the plain view. */
    public double disagreement() {
        return disagreement;
    }

    /**
     * Shows a heatmap over the data; the same ones again (a frozen teacher's, say) leave the view as it is.
     *
     * @return whether the view changed (it redraws in the next layout pass)
     */
    public boolean show(RunEvent.Boundary value, Dataset data, double[] region) {
        return show(value, null, data, region);
    }

    /**
     * Shows a heatmap over the data, or, with a teacher's boundary as {@code teacher}, where this model's class
     * differs from the teacher's: those cells strong in this model's class colour, the rest faint. The same
     * pictures again leave the view as it is.
     *
     * @return whether the view changed (it redraws in the next layout pass)
     */
    public boolean show(RunEvent.Boundary value, RunEvent.Boundary teacher, Dataset data, double[] region) {
        if (value == boundary && teacher == reference && data == points && region == bounds) {
            return false;
        }
        if (data != points || region != bounds) {
            pointsDirty = true;
        }
        boundary = value;
        reference = teacher;
        points = data;
        bounds = region;
        boolean compared = value != null && teacher != null && teacher.size() == value.size();
        disagreement = compared ? disagreement(value, teacher) : Double.NaN;
        image = value == null ? null : render(value, compared ? teacher : null);
        invalidate();
        return true;
    }

    /** The heatmap drawn now (one pixel a grid cell), or null before the first. */
    public Image heatmap() {
        return image;
    }

    /**
     * Marks which training points carry their labels for the students: those are drawn large and outlined, the
     * unlabelled transfer points small and faint. Null marks every point labelled.
     */
    public void markLabelled(boolean[] mask) {
        if (mask != labelled) {
            labelled = mask;
            pointsDirty = true;
            requestLayout();
        }
    }

    /** The share of grid cells whose class differs between two boundaries of the same grid. */
    static double disagreement(RunEvent.Boundary a, RunEvent.Boundary b) {
        int differ = 0;
        for (int i = 0; i < a.winner().length; i++) {
            if (a.winner()[i] != b.winner()[i]) {
                differ++;
            }
        }
        return differ / (double) a.winner().length;
    }

    /**
     * The heatmap, one pixel a grid cell, written as one block of ARGB ints (a Color object per cell is slow). With
     * a teacher's boundary, the cells where the classes differ are drawn strong and the others faint.
     */
    private static WritableImage render(RunEvent.Boundary b, RunEvent.Boundary teacher) {
        int n = b.size();
        int[] argb = new int[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                Color c = ClassPalette.of(b.winner()[i]);
                double strength = teacher == null
                        ? 0.12 + 0.55 * Math.max(0, Math.min(1, (b.confidence()[i] - 0.5) * 2))
                        : teacher.winner()[i] != b.winner()[i] ? 0.9 : 0.06;
                argb[(n - 1 - row) * n + col] = (int) Math.round(strength * 255) << 24
                        | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                        | (int) Math.round(c.getBlue() * 255);
            }
        }
        WritableImage img = new WritableImage(n, n);
        img.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), argb, 0, n);
        return img;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        if (!getTextFill().equals(pointsOutline)) {
            pointsDirty = true; // the theme changed: outline the points in its text colour
        }
        drawRoleTitle(g, role, title.get(), width, HEADER, Double.isNaN(disagreement) ? ""
                : disagreementNote.get().replace("{0}", NumberFormats.percent(disagreement)));
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
        double scale = renderScale();
        Map<Integer, Image> dots = new HashMap<>();
        Map<Integer, Image> faintDots = new HashMap<>();
        g.setImageSmoothing(false); // each dot lands on whole device pixels, copied as it was made
        boolean marked = PointMarks.anyUnlabelled(labelled, points.size());
        // the unlabelled transfer points first, small and faint; every labelled point on top, large and outlined
        for (int i = 0; marked && i < points.size(); i += stride) {
            if (!labelled[i]) {
                int label = points.labels()[i];
                place(g, faintDots.computeIfAbsent(label, c -> faintDot(ClassPalette.of(c), r * 0.6, scale)),
                        points.features()[i], left, top, side, r * 0.6, scale);
            }
        }
        for (int i = 0; i < points.size(); i += marked ? 1 : stride) {
            if (!marked || labelled[i]) {
                Image dot = dots.computeIfAbsent(points.labels()[i], c -> dot(ClassPalette.of(c), r, scale));
                place(g, dot, points.features()[i], left, top, side, r, scale);
            }
        }
    }

    private void place(GraphicsContext g, Image dot, float[] p, double left, double top, double side, double r,
                       double scale) {
        double extent = r + DOT_MARGIN;
        double x = left + (p[0] - bounds[0]) / (bounds[1] - bounds[0]) * side;
        double y = top + side - (p[1] - bounds[2]) / (bounds[3] - bounds[2]) * side;
        g.drawImage(dot, Math.round((x - extent) * scale) / scale, Math.round((y - extent) * scale) / scale,
                dot.getWidth() / scale, dot.getHeight() / scale);
    }

    /** An unlabelled transfer point: a small disc in its class's colour, half transparent, no outline. */
    private static Image faintDot(Color fill, double r, double scale) {
        return PointMarks.disc(fill.deriveColor(0, 1, 1, 0.45), null, r, DOT_MARGIN, scale);
    }

    private static final double DOT_MARGIN = 1;

    /**
     * One point as an image, made once per class: hundreds of filled and outlined circles cost the software
     * renderer about 13 µs each (the first frame of a run drew 1,800 of them), a small image 2 µs. It is rasterized
     * here (4 × 4 samples a pixel, no trip to the render thread) at the screen's scale (presentation mode, HiDPI),
     * so it stays sharp.
     */
    private Image dot(Color fill, double r, double scale) {
        return PointMarks.disc(fill, pointsOutline instanceof Color c ? c : Color.BLACK, r, DOT_MARGIN, scale);
    }

    /** Device pixels per layout pixel here: the UI scale's transform times the screen's own scale. */
    private double renderScale() {
        double scale = Math.abs(getLocalToSceneTransform().getMxx());
        if (getScene() != null && getScene().getWindow() != null) {
            scale *= getScene().getWindow().getRenderScaleX();
        }
        return Math.max(1, scale);
    }
}
