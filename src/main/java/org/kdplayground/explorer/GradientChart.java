package org.kdplayground.explorer;

import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.RoleChart;

/**
 * ∂L/∂z_s per class around zero: the method's weighted parts side by side, each in its role's colour (hard, soft;
 * or hard, TCKD, NCKD hatched for DKD), a hollow diamond at Hinton's logit-matching approximation of the soft part
 * (Hinton's loss only), and a bar across the class at the total. The range follows {@link GradientInfo#scale()}, so
 * dropping T² shows the soft part shrink.
 */
public class GradientChart extends RoleChart {

    private static final double LEFT = 56;
    private static final double RIGHT = 6;
    private static final double TOP = 8;
    private static final double BOTTOM = 20;

    private final ObjectProperty<GradientInfo> gradient = new SimpleObjectProperty<>(this, "gradient");
    private final ObjectProperty<List<String>> labels = new SimpleObjectProperty<>(this, "labels", List.of());
    private final IntegerProperty markedIndex = new SimpleIntegerProperty(this, "markedIndex", -1);

    public GradientChart() {
        getStyleClass().add("gradient-chart");
        gradient.addListener(ignored -> invalidate());
        labels.addListener(ignored -> invalidate());
        markedIndex.addListener(ignored -> invalidate());
    }

    public ObjectProperty<GradientInfo> gradientProperty() {
        return gradient;
    }

    public ObjectProperty<List<String>> labelsProperty() {
        return labels;
    }

    public IntegerProperty markedIndexProperty() {
        return markedIndex;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        GradientInfo info = gradient.get();
        double plotW = width - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        if (info == null || plotW < 10 || plotH < 10) {
            return;
        }
        double range = info.scale() > 0 ? info.scale() * 1.05 : 1.0;
        double zero = TOP + plotH / 2;
        double perUnit = plotH / 2 / range;
        drawAxis(g, range, zero, perUnit, plotW);
        int n = info.classes();
        double band = plotW / n;
        boolean thin = band < 6;
        for (int i = 0; i < n; i++) {
            double x0 = LEFT + i * band;
            if (thin) {
                verticalLine(g, paintOf(ChartRole.TOTAL), Math.floor(x0 + band / 2) + 0.5, zero,
                        zero - info.total()[i] * perUnit, 1);
                continue;
            }
            int k = info.parts().size();
            double w = band * 0.8 / k;
            for (int p = 0; p < k; p++) {
                GradientInfo.Part part = info.parts().get(p);
                ChartRole role = role(part.part());
                double x = x0 + band * 0.1 + p * w + w * 0.05;
                double h = part.values()[i] * perUnit;
                if (role.dashed()) {
                    LossBar.hatched(g, paintOf(role), x, h >= 0 ? zero - h : zero, w * 0.9, Math.abs(h));
                } else {
                    bar(g, paintOf(role), x, w * 0.9, zero, h);
                }
                if (part.part() == LossPart.SOFT && info.hasApprox()) {
                    double ay = zero - info.softApprox()[i] * perUnit;
                    double ax = x + w * 0.45;
                    g.setStroke(getTextFill());
                    g.setLineWidth(1.5);
                    g.strokePolygon(new double[] {ax - 5, ax, ax + 5, ax}, new double[] {ay, ay - 5, ay, ay + 5}, 4);
                }
            }
            horizontalLine(g, paintOf(ChartRole.TOTAL), x0 + band * 0.06, x0 + band * 0.94,
                    zero - info.total()[i] * perUnit, 3);
        }
        drawNames(g, n, band, height);
    }

    private void drawAxis(GraphicsContext g, double range, double zero, double perUnit, double plotW) {
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int k = -2; k <= 2; k++) {
            double v = range * k / 2.0 / 1.05;
            double y = Math.round(zero - v * perUnit) + 0.5;
            horizontalLine(g, getGridFill(), LEFT, LEFT + plotW, y, 1);
            g.setFill(getTextFill());
            g.fillText(NumberFormats.significant(v, 2), LEFT - 4, y);
        }
        horizontalLine(g, getTextFill(), LEFT, LEFT + plotW, Math.round(zero) + 0.5, 1);
    }

    private void drawNames(GraphicsContext g, int n, double band, double height) {
        if (band < 14) {
            return;
        }
        g.setFill(getTextFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        List<String> names = labels.get();
        for (int i = 0; i < n; i++) {
            String name = i < names.size() ? names.get(i) : Integer.toString(i);
            boolean marked = i == markedIndex.get();
            g.fillText(marked ? "▲ " + name : name, LEFT + (i + 0.5) * band, height - 1, band - 2);
        }
    }

    /** The colour of a part: the training charts' role for it. */
    static ChartRole role(LossPart part) {
        return switch (part) {
            case HARD -> ChartRole.HARD;
            case SOFT -> ChartRole.SOFT;
            case TCKD -> ChartRole.TCKD;
            case NCKD -> ChartRole.NCKD;
        };
    }

    private static void bar(GraphicsContext g, Paint paint, double x, double w, double zero, double h) {
        g.setFill(paint);
        g.fillRect(x, h >= 0 ? zero - h : zero, w, Math.abs(h));
    }
}
