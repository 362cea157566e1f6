package org.kdplayground.training.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.Spread;
import org.kdplayground.engine.SweepResult;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepSummary;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.RoleChart;
import org.kdplayground.ui.Ticks;

/**
 * Test accuracy against temperature for a temperature sweep: the distilled student's mean over seeds as a line with
 * a ±SD band (sample SD), each seed's run as a dot, the baseline's mean as a dashed line with its band and the
 * teacher's mean as a line (neither depends on T). T runs on a log-2 axis because sweeps double T (1, 2, 4, 8, 16).
 * Feed it the rows as they arrive ({@link #setRows}); it redraws once per layout pass. Legend texts are properties
 * the screen binds to its translations; an empty text leaves its entry out.
 */
public final class SweepChart extends RoleChart {

    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double LEGEND_ROW = 16;
    private static final double BOTTOM = 34;

    private List<SweepRow> rows = List.of();
    private float alpha = Float.NaN;
    private final StringProperty distilledLabel = label("distilledLabel");
    private final StringProperty baselineLabel = label("baselineLabel");
    private final StringProperty teacherLabel = label("teacherLabel");
    private final StringProperty xLabel = label("xLabel");

    public SweepChart() {
        getStyleClass().add("sweep-chart");
    }

    private StringProperty label(String name) {
        StringProperty p = new SimpleStringProperty(this, name, "");
        p.addListener((obs, old, now) -> invalidate());
        return p;
    }

    /** The finished runs so far (any order); only those of the chosen α are drawn. Call on the FX thread. */
    void setRows(List<SweepRow> finishedRows) {
        rows = List.copyOf(finishedRows);
        invalidate();
    }

    /** The rows of a finished (or stopped) sweep. */
    void setResult(SweepResult result) {
        setRows(result.rows());
    }

    /** Which α to draw when a sweep tried several; NaN (the default) draws the first α in the rows. */
    public void setAlpha(float value) {
        alpha = value;
        invalidate();
    }

    StringProperty distilledLabelProperty() {
        return distilledLabel;
    }

    StringProperty baselineLabelProperty() {
        return baselineLabel;
    }

    StringProperty teacherLabelProperty() {
        return teacherLabel;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    /** What is drawn: the rows of one α, pooled per T (sorted by T), with the baseline and teacher over seeds. */
    record Picture(List<SweepRow> rows, List<SweepSummary> byT, Spread baseline, Spread teacher) {

        static Picture of(List<SweepRow> all, float alpha) {
            float a = !Float.isNaN(alpha) || all.isEmpty() ? alpha : all.get(0).alpha();
            List<SweepRow> shown = all.stream().filter(r -> Float.compare(r.alpha(), a) == 0).toList();
            List<SweepSummary> byT = new ArrayList<>(SweepSummary.of(shown));
            byT.sort(Comparator.comparingDouble(SweepSummary::temperature));
            SweepResult asResult = new SweepResult(shown, byT, shown.size(),
                    RunResult.StopReason.COMPLETED, "", 0);
            return new Picture(shown, byT, asResult.baseline(), asResult.teacher());
        }
    }

    /**
     * The mapping from data to pixels: T on a log-2 axis padded by half a doubling each side, accuracy on a linear
     * axis from a multiple of 5% below everything drawn to one above (within 0–100%).
     */
    public record Axes(double log2Min, double log2Max, double yMin, double yMax, double left, double top, double width,
                double height) {

        static Axes fit(Picture p, double left, double top, double width, double height) {
            double tMin = Double.POSITIVE_INFINITY;
            double tMax = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (SweepRow r : p.rows()) {
                tMin = Math.min(tMin, r.temperature());
                tMax = Math.max(tMax, r.temperature());
                for (double v : new double[] {r.distilledAccuracy(), r.baselineAccuracy(), r.teacherAccuracy()}) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (SweepSummary s : p.byT()) {
                lo = Math.min(lo, low(s.distilled()));
                hi = Math.max(hi, high(s.distilled()));
            }
            lo = Math.min(lo, low(p.baseline()));
            hi = Math.max(hi, high(p.baseline()));
            if (!Double.isFinite(tMin)) {
                tMin = 1;
                tMax = 16;
            }
            if (!Double.isFinite(lo)) {
                lo = 0;
                hi = 1;
            }
            double yMin = Math.max(0, Math.floor(lo * 20 + 1e-9) / 20);
            double yMax = Math.min(1, Math.ceil(hi * 20 - 1e-9) / 20);
            if (yMax <= yMin) {
                yMax = Math.min(1, yMin + 0.05);
                yMin = yMax - 0.05;
            }
            double l2Min = log2(tMin) - 0.5;
            double l2Max = log2(tMax) + 0.5;
            return new Axes(l2Min, l2Max, yMin, yMax, left, top, width, height);
        }

        private static double low(Spread s) {
            return s.n() == 0 ? Double.POSITIVE_INFINITY : s.mean() - (s.hasSd() ? s.sd() : 0);
        }

        private static double high(Spread s) {
            return s.n() == 0 ? Double.NEGATIVE_INFINITY : s.mean() + (s.hasSd() ? s.sd() : 0);
        }

        /** Pixel x of a temperature. */
        double x(double temperature) {
            return left + (log2(temperature) - log2Min) / (log2Max - log2Min) * width;
        }

        /** Pixel y of an accuracy (a fraction). */
        double y(double accuracy) {
            return top + height - (accuracy - yMin) / (yMax - yMin) * height;
        }

        static double log2(double v) {
            return Math.log(v) / Math.log(2);
        }
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double plotW = width - LEFT - RIGHT;
        double top = TOP + LEGEND_ROW + 4;
        double plotH = height - top - BOTTOM;
        if (plotW < 20 || plotH < 20) {
            return;
        }
        Picture p = Picture.of(rows, alpha);
        Axes axes = Axes.fit(p, LEFT, top, plotW, plotH);
        drawFrame(g, p, axes);
        g.save();
        g.beginPath();
        g.rect(LEFT, top, plotW, plotH);
        g.clip();
        drawLevel(g, p.baseline(), ChartRole.BASELINE, axes, true);
        drawLevel(g, p.teacher(), ChartRole.TEACHER, axes, false);
        drawDistilled(g, p, axes);
        g.restore();
        drawLegend(g, plotW);
    }

    private void drawFrame(GraphicsContext g, Picture p, Axes axes) {
        g.setFont(smallFont());
        g.setLineWidth(1);
        g.setLineDashes(null);
        g.setStroke(getGridFill());
        g.setFill(getTextFill());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : Ticks.of(axes.yMin(), axes.yMax(), 5, false)) {
            double y = axes.y(tick);
            g.strokeLine(axes.left(), y, axes.left() + axes.width(), y);
            g.fillText(String.format(Locale.ROOT, "%.0f%%", tick * 100), axes.left() - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double bottom = axes.top() + axes.height();
        for (SweepSummary s : p.byT()) {
            double x = axes.x(s.temperature());
            g.strokeLine(x, bottom, x, bottom + 4);
            g.fillText(Ticks.format(s.temperature()), x, bottom + 6);
        }
        g.fillText(xLabel.get(), axes.left() + axes.width() / 2, bottom + 20);
        g.strokeRect(axes.left(), axes.top(), axes.width(), axes.height());
    }

    /** A level that does not depend on T: a band of ±SD across the plot and a line at the mean. */
    private void drawLevel(GraphicsContext g, Spread level, ChartRole role, Axes axes, boolean band) {
        if (level.n() == 0) {
            return;
        }
        Paint paint = paintOf(role);
        if (band && level.hasSd()) {
            g.setGlobalAlpha(0.15);
            g.setFill(paint);
            double y1 = axes.y(level.mean() + level.sd());
            double y2 = axes.y(level.mean() - level.sd());
            g.fillRect(axes.left(), y1, axes.width(), y2 - y1);
        }
        g.setGlobalAlpha(1);
        g.setStroke(paint);
        g.setLineWidth(1.5);
        g.setLineDashes(role.dashed() ? new double[] {7, 5} : null);
        double y = axes.y(level.mean());
        g.strokeLine(axes.left(), y, axes.left() + axes.width(), y);
        g.setLineDashes(null);
    }

    private void drawDistilled(GraphicsContext g, Picture p, Axes axes) {
        List<SweepSummary> byT = p.byT();
        if (byT.isEmpty()) {
            return;
        }
        Paint paint = paintOf(ChartRole.STUDENT);
        int n = byT.size();
        boolean band = byT.stream().anyMatch(s -> s.distilled().hasSd());
        if (band) {
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int i = 0; i < n; i++) {
                SweepSummary s = byT.get(i);
                double sd = s.distilled().hasSd() ? s.distilled().sd() : 0;
                xs[i] = axes.x(s.temperature());
                ys[i] = axes.y(s.distilled().mean() + sd);
                xs[2 * n - 1 - i] = xs[i];
                ys[2 * n - 1 - i] = axes.y(s.distilled().mean() - sd);
            }
            g.setGlobalAlpha(0.2);
            g.setFill(paint);
            g.fillPolygon(xs, ys, 2 * n);
        }
        g.setGlobalAlpha(0.55);
        g.setStroke(paint);
        g.setLineWidth(1);
        for (SweepRow r : p.rows()) {
            double x = axes.x(r.temperature());
            double y = axes.y(r.distilledAccuracy());
            g.strokeOval(x - 2.5, y - 2.5, 5, 5);
        }
        g.setGlobalAlpha(1);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            SweepSummary s = byT.get(i);
            double x = axes.x(s.temperature());
            double y = axes.y(s.distilled().mean());
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(paint);
        for (SweepSummary s : byT) {
            g.fillOval(axes.x(s.temperature()) - 3.5, axes.y(s.distilled().mean()) - 3.5, 7, 7);
        }
    }

    private void drawLegend(GraphicsContext g, double plotW) {
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setGlobalAlpha(1);
        double x = LEFT;
        double y = TOP + LEGEND_ROW / 2;
        Object[][] entries = {{distilledLabel.get(), ChartRole.STUDENT}, {baselineLabel.get(), ChartRole.BASELINE},
                {teacherLabel.get(), ChartRole.TEACHER}};
        for (Object[] entry : entries) {
            String text = (String) entry[0];
            ChartRole role = (ChartRole) entry[1];
            if (text.isEmpty() || x > LEFT + plotW) {
                continue;
            }
            g.setStroke(paintOf(role));
            g.setLineWidth(2);
            g.setLineDashes(role.dashed() ? new double[] {5, 3} : null);
            g.strokeLine(x, y, x + 20, y);
            g.setLineDashes(null);
            g.setFill(getTextFill());
            g.fillText(text, x + 25, y);
            double units = text.codePoints().mapToDouble(c -> c > 0x2E80 ? 1.0 : 0.6).sum();
            x += units * smallFont().getSize() + 34;
        }
    }
}
