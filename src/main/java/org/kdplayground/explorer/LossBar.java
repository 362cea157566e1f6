package org.kdplayground.explorer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.kdplayground.math.LossBreakdown;
import org.kdplayground.ui.CanvasChart;
import org.kdplayground.ui.NumberFormats;

/**
 * The total loss as one stacked bar: α·hard ({@code -kd-chart-fill}, the hard role) then (1 − α)·soft
 * ({@code -kd-chart-accent}, the soft role), on an axis with round ticks.
 */
public class LossBar extends CanvasChart {

    private static final double LEFT = 4;
    private static final double RIGHT = 4;

    private final ObjectProperty<LossBreakdown> breakdown = new SimpleObjectProperty<>(this, "breakdown");

    public LossBar() {
        getStyleClass().add("loss-bar");
        breakdown.addListener(ignored -> invalidate());
        setPrefHeight(44);
        setMinHeight(44);
    }

    public ObjectProperty<LossBreakdown> breakdownProperty() {
        return breakdown;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        LossBreakdown b = breakdown.get();
        double plotW = width - LEFT - RIGHT;
        if (b == null || plotW < 10) {
            return;
        }
        double hard = finite(b.weightedHard());
        double soft = finite(b.weightedSoft());
        double max = niceMax(hard + soft);
        double barH = height - 18;
        double hw = hard / max * plotW;
        double sw = soft / max * plotW;
        g.setFill(getFill());
        g.fillRect(LEFT, 0, hw, barH);
        g.setFill(getAccent());
        g.fillRect(LEFT + hw, 0, sw, barH);
        verticalLine(g, getTextFill(), LEFT + hw + sw, 0, barH, 2);
        g.setFont(smallFont());
        g.setFill(getTextFill());
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k <= 4; k++) {
            double x = LEFT + plotW * k / 4;
            g.setTextAlign(k == 0 ? TextAlignment.LEFT : k == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            verticalLine(g, getGridFill(), Math.round(x) + 0.5, barH, barH + 3, 1);
            g.setFill(getTextFill());
            g.fillText(NumberFormats.significant(max * k / 4, 3), x, barH + 3);
        }
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
