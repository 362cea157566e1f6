package org.kdplayground.explorer;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.RoleChart;

/**
 * The total loss as one stacked bar of the method's weighted parts, each in its role's colour (α·hard then
 * (1 − α)·soft for Hinton's loss; w_ce·hard, α·TCKD, β·NCKD for DKD), on an axis with round ticks. A dashed
 * role (NCKD) is hatched, so it never rests on colour alone.
 */
public class LossBar extends RoleChart {

    /**
     * One part of the bar.
     *
     * @param role  its colour
     * @param value what it adds to the loss (weight included); drawn as 0 when negative or not finite
     */
    public record Segment(ChartRole role, double value) {
    }

    private static final double LEFT = 4;
    private static final double RIGHT = 4;
    private static final double HATCH = 6;

    private final ObjectProperty<List<Segment>> segments = new SimpleObjectProperty<>(this, "segments", List.of());

    public LossBar() {
        getStyleClass().add("loss-bar");
        segments.addListener(ignored -> invalidate());
        setPrefHeight(44);
        setMinHeight(44);
    }

    /** The parts, left to right. */
    public ObjectProperty<List<Segment>> segmentsProperty() {
        return segments;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        List<Segment> parts = segments.get();
        double plotW = width - LEFT - RIGHT;
        if (parts == null || parts.isEmpty() || plotW < 10) {
            return;
        }
        double sum = parts.stream().mapToDouble(s -> finite(s.value())).sum();
        double max = niceMax(sum);
        double barH = height - 18;
        double x = LEFT;
        for (Segment part : parts) {
            double w = finite(part.value()) / max * plotW;
            Paint paint = paintOf(part.role());
            if (part.role().dashed()) {
                hatched(g, paint, x, 0, w, barH);
            } else {
                g.setFill(paint);
                g.fillRect(x, 0, w, barH);
            }
            x += w;
        }
        verticalLine(g, getTextFill(), x, 0, barH, 2);
        g.setFont(smallFont());
        g.setFill(getTextFill());
        g.setTextBaseline(VPos.TOP);
        int divisions = tickDivisions(plotW, widestTick(max));
        for (int k = 0; k <= divisions; k++) {
            double tx = LEFT + plotW * k / divisions;
            g.setTextAlign(k == 0 ? TextAlignment.LEFT : k == divisions ? TextAlignment.RIGHT : TextAlignment.CENTER);
            verticalLine(g, getGridFill(), Math.round(tx) + 0.5, barH, barH + 3, 1);
            g.setFill(getTextFill());
            g.fillText(NumberFormats.significant(max * k / divisions, 3), tx, barH + 3);
        }
    }

    /** The widest of the axis's labels at quarters of {@code max} (the quarters' labels are the longest). */
    private double widestTick(double max) {
        double widest = 0;
        for (int k = 0; k <= 4; k++) {
            widest = Math.max(widest, textWidth(NumberFormats.significant(max * k / 4, 3), smallFont()));
        }
        return widest;
    }

    /**
     * Into how many parts the axis is cut: quarters where their labels fit with a gap between them, halves where
     * only those do, else only the two ends (a narrow window with a lesson open).
     */
    static int tickDivisions(double plotWidth, double labelWidth) {
        for (int divisions : new int[] {4, 2}) {
            if (plotWidth / divisions >= labelWidth + TICK_GAP) {
                return divisions;
            }
        }
        return 1;
    }

    private static final double TICK_GAP = 12;

    /** A lighter fill crossed by diagonal stripes in the full colour. */
    static void hatched(GraphicsContext g, Paint paint, double x, double y, double w, double h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
        g.setGlobalAlpha(0.35);
        g.setFill(paint);
        g.fillRect(x, y, w, h);
        g.setGlobalAlpha(1);
        g.setStroke(paint);
        g.setLineWidth(2);
        for (double s = x - h; s < x + w; s += HATCH) {
            g.strokeLine(s, y + h, s + h, y);
        }
        g.restore();
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? Math.max(0, value) : 0;
    }

    private static double niceMax(double value) {
        if (value <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= value) {
                return m * step;
            }
        }
        return 10 * step;
    }
}
