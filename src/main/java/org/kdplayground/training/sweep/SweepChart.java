package org.kdplayground.training.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.Spread;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweepValue;
import org.kdplayground.training.live.Roles;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.RoleChart;
import org.kdplayground.ui.Ticks;

/**
 * A sweep's measure (test accuracy, agreement with the teacher or ECE) against the swept setting: for each model the
 * mean over seeds as a line with a ±SD band (sample SD), and each seed's run of the distilled student as a dot. The
 * setting's values sit at equal steps, numbers in ascending order (a doubling sweep of T or β reads as a log axis),
 * losses and networks in the order given. Feed it the rows as they arrive ({@link #setRows}); it redraws once per
 * layout pass. Legend texts are properties the screen binds to its translations; an empty text leaves its entry out.
 */
public final class SweepChart extends RoleChart {

    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double LEGEND_ROW = 16;
    private static final double BOTTOM = 34;

    private List<SweepRow> rows = List.of();
    private SweepMeasure measure = SweepMeasure.ACCURACY;
    private final Map<ModelRole, StringProperty> labels = new EnumMap<>(ModelRole.class);
    private final StringProperty xLabel = label("xLabel");

    public SweepChart() {
        getStyleClass().add("sweep-chart");
        for (ModelRole role : ModelRole.values()) {
            labels.put(role, label(role.name().toLowerCase(Locale.ROOT) + "Label"));
        }
    }

    private StringProperty label(String name) {
        StringProperty p = new SimpleStringProperty(this, name, "");
        p.addListener((obs, old, now) -> invalidate());
        return p;
    }

    /** The finished runs so far (any order). Call on the FX thread. */
    void setRows(List<SweepRow> finishedRows) {
        rows = List.copyOf(finishedRows);
        invalidate();
    }

    /** What the y axis shows. */
    void setMeasure(SweepMeasure value) {
        measure = value;
        invalidate();
    }

    /** The legend's name of a model. */
    StringProperty labelProperty(ModelRole role) {
        return labels.get(role);
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    /**
     * What is drawn: the swept values in axis order (the first value of each run's point), and per value each model's
     * measure over the seeds.
     */
    record Picture(List<SweepRow> rows, List<SweepValue> values, List<Map<ModelRole, Spread>> spreads,
                   SweepMeasure measure) {

        static Picture of(List<SweepRow> all, SweepMeasure measure) {
            Map<SweepValue, List<SweepRow>> byValue = new LinkedHashMap<>();
            for (SweepRow row : all) {
                byValue.computeIfAbsent(row.point().get(0), v -> new ArrayList<>()).add(row);
            }
            List<SweepValue> values = new ArrayList<>(byValue.keySet());
            if (!values.isEmpty() && values.get(0).setting().isNumeric()) {
                values.sort(Comparator.comparingDouble(SweepValue::number));
            }
            List<Map<ModelRole, Spread>> spreads = new ArrayList<>();
            for (SweepValue value : values) {
                Map<ModelRole, Spread> perRole = new EnumMap<>(ModelRole.class);
                for (ModelRole role : measure.roles()) {
                    perRole.put(role, Spread.of(byValue.get(value).stream().mapToDouble(r -> measure.of(r, role))
                            .filter(v -> !Double.isNaN(v)).toArray()));
                }
                spreads.add(perRole);
            }
            return new Picture(List.copyOf(all), List.copyOf(values), List.copyOf(spreads), measure);
        }

        /** The position of a value on the x axis, 0 for the first; -1 if it is not in the picture. */
        int position(SweepValue value) {
            return values.indexOf(value);
        }
    }

    /**
     * The mapping from data to pixels: the values at equal steps, padded by half a step each side; the measure on a
     * linear axis, accuracy and agreement from a multiple of 5% below everything drawn to one above (within 0–100%),
     * ECE from 0 to a whole percent above the highest.
     */
    public record Axes(int count, double yMin, double yMax, double left, double top, double width, double height) {

        static Axes fit(Picture p, double left, double top, double width, double height) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (SweepRow r : p.rows()) {
                for (ModelRole role : p.measure().roles()) {
                    double v = p.measure().of(r, role);
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            for (Map<ModelRole, Spread> spreads : p.spreads()) {
                for (Spread s : spreads.values()) {
                    lo = Math.min(lo, low(s));
                    hi = Math.max(hi, high(s));
                }
            }
            int count = Math.max(1, p.values().size());
            if (!Double.isFinite(lo)) {
                return new Axes(count, 0, p.measure() == SweepMeasure.ECE ? 0.1 : 1, left, top, width, height);
            }
            if (p.measure() == SweepMeasure.ECE) {
                double yMax = Math.max(0.01, Math.ceil(hi * 100 - 1e-9) / 100);
                return new Axes(count, 0, yMax, left, top, width, height);
            }
            double yMin = Math.max(0, Math.floor(lo * 20 + 1e-9) / 20);
            double yMax = Math.min(1, Math.ceil(hi * 20 - 1e-9) / 20);
            if (yMax <= yMin) {
                yMax = Math.min(1, yMin + 0.05);
                yMin = yMax - 0.05;
            }
            return new Axes(count, yMin, yMax, left, top, width, height);
        }

        private static double low(Spread s) {
            return s.n() == 0 ? Double.POSITIVE_INFINITY : s.mean() - (s.hasSd() ? s.sd() : 0);
        }

        private static double high(Spread s) {
            return s.n() == 0 ? Double.NEGATIVE_INFINITY : s.mean() + (s.hasSd() ? s.sd() : 0);
        }

        /** Pixel x of the value at {@code position} (0 for the first). */
        double x(int position) {
            return left + (position + 0.5) / count * width;
        }

        /** Pixel y of a measure (a fraction). */
        double y(double value) {
            return top + height - (value - yMin) / (yMax - yMin) * height;
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
        Picture p = Picture.of(rows, measure);
        Axes axes = Axes.fit(p, LEFT, top, plotW, plotH);
        drawFrame(g, p, axes);
        g.save();
        g.beginPath();
        g.rect(LEFT, top, plotW, plotH);
        g.clip();
        // the baseline and the teacher under the distilled student, whose line the eye follows
        for (ModelRole role : List.of(ModelRole.BASELINE, ModelRole.TEACHER, ModelRole.DISTILLED)) {
            if (measure.roles().contains(role)) {
                drawModel(g, p, axes, role);
            }
        }
        drawSeeds(g, p, axes);
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
        int ticks = (int) Math.max(2, Math.min(5, axes.height() / 28)); // labels at least 28 px apart
        for (double tick : Ticks.of(axes.yMin(), axes.yMax(), ticks, false)) {
            double y = axes.y(tick);
            g.strokeLine(axes.left(), y, axes.left() + axes.width(), y);
            g.fillText(Ticks.percent(tick), axes.left() - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double bottom = axes.top() + axes.height();
        for (int i = 0; i < p.values().size(); i++) {
            double x = axes.x(i);
            g.strokeLine(x, bottom, x, bottom + 4);
            SweepValue v = p.values().get(i);
            g.fillText(v.setting().isNumeric() ? NumberFormats.editable(v.number()) : v.label(), x, bottom + 6);
        }
        g.fillText(xLabel.get(), axes.left() + axes.width() / 2, bottom + 20);
        g.strokeRect(axes.left(), axes.top(), axes.width(), axes.height());
    }

    /** One model: its ±SD band over the values, the line through its means and a dot at each. */
    private void drawModel(GraphicsContext g, Picture p, Axes axes, ModelRole role) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < p.values().size(); i++) {
            Spread s = p.spreads().get(i).get(role);
            if (s != null && s.n() > 0) {
                points.add(new double[] {axes.x(i), s.mean(), s.hasSd() ? s.sd() : 0});
            }
        }
        if (points.isEmpty()) {
            return;
        }
        ChartRole chartRole = Roles.chartRole(role);
        Paint paint = paintOf(chartRole);
        int n = points.size();
        if (points.stream().anyMatch(pt -> pt[2] > 0)) {
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double[] pt = points.get(i);
                xs[i] = pt[0];
                ys[i] = axes.y(pt[1] + pt[2]);
                xs[2 * n - 1 - i] = pt[0];
                ys[2 * n - 1 - i] = axes.y(pt[1] - pt[2]);
            }
            g.setGlobalAlpha(role == ModelRole.DISTILLED ? 0.2 : 0.12);
            g.setFill(paint);
            g.fillPolygon(xs, ys, 2 * n);
        }
        g.setGlobalAlpha(1);
        g.setStroke(paint);
        g.setLineWidth(role == ModelRole.DISTILLED ? 2 : 1.5);
        g.setLineDashes(chartRole.dashed() ? new double[] {7, 5} : null);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double[] pt = points.get(i);
            if (i == 0) {
                g.moveTo(pt[0], axes.y(pt[1]));
            } else {
                g.lineTo(pt[0], axes.y(pt[1]));
            }
        }
        g.stroke();
        g.setLineDashes(null);
        g.setFill(paint);
        double r = role == ModelRole.DISTILLED ? 3.5 : 2.5;
        for (double[] pt : points) {
            g.fillOval(pt[0] - r, axes.y(pt[1]) - r, 2 * r, 2 * r);
        }
    }

    /** Each seed's distilled student as a ring, so the spread behind the band shows. */
    private void drawSeeds(GraphicsContext g, Picture p, Axes axes) {
        if (!measure.roles().contains(ModelRole.DISTILLED)) {
            return;
        }
        g.setGlobalAlpha(0.55);
        g.setStroke(paintOf(ChartRole.STUDENT));
        g.setLineWidth(1);
        for (SweepRow r : p.rows()) {
            int i = p.position(r.point().get(0));
            double v = measure.of(r, ModelRole.DISTILLED);
            if (i >= 0 && !Double.isNaN(v)) {
                g.strokeOval(axes.x(i) - 2.5, axes.y(v) - 2.5, 5, 5);
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawLegend(GraphicsContext g, double plotW) {
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setGlobalAlpha(1);
        double x = LEFT;
        double y = TOP + LEGEND_ROW / 2;
        for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE, ModelRole.TEACHER)) {
            String text = labels.get(role).get();
            ChartRole chartRole = Roles.chartRole(role);
            if (text.isEmpty() || x > LEFT + plotW || !measure.roles().contains(role)) {
                continue;
            }
            g.setStroke(paintOf(chartRole));
            g.setLineWidth(2);
            g.setLineDashes(chartRole.dashed() ? new double[] {5, 3} : null);
            g.strokeLine(x, y, x + 20, y);
            g.setLineDashes(null);
            g.setFill(getTextFill());
            g.fillText(text, x + 25, y);
            double units = text.codePoints().mapToDouble(c -> c > 0x2E80 ? 1.0 : 0.6).sum();
            x += units * smallFont().getSize() + 34;
        }
    }
}
