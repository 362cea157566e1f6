package org.kdplayground.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * A small line chart with a logarithmic x-axis (decades labelled) and a linear y-axis from 0, with a vertical
 * marker at one x. The first series uses {@code -kd-chart-fill} (solid), the second {@code -kd-chart-accent}
 * (dashed), so the two differ without colour too; a legend names them.
 */
public class LogLineChart extends CanvasChart {

    /** One curve: a name for the legend and its points (x > 0). */
    public record Series(String name, double[] x, double[] y) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Series other && name.equals(other.name) && Arrays.equals(x, other.x)
                    && Arrays.equals(y, other.y);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + x.length + " points]";
        }
    }

    private static final double LEFT = 44;
    private static final double RIGHT = 10;
    private static final double TOP = 24;
    private static final double BOTTOM = 22;

    private final ObjectProperty<List<Series>> series = new SimpleObjectProperty<>(this, "series", List.of());
    private final DoubleProperty xMin = new SimpleDoubleProperty(this, "xMin", 0.1);
    private final DoubleProperty xMax = new SimpleDoubleProperty(this, "xMax", 100);
    private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);
    private final DoubleProperty yCap = new SimpleDoubleProperty(this, "yCap", Double.NaN);

    public LogLineChart() {
        getStyleClass().add("log-line-chart");
        for (Observable o : List.of(series, xMin, xMax, marker, yCap)) {
            o.addListener(ignored -> invalidate());
        }
    }

    /** The curves (at most two are styled apart). */
    public ObjectProperty<List<Series>> seriesProperty() {
        return series;
    }

    public DoubleProperty xMinProperty() {
        return xMin;
    }

    public DoubleProperty xMaxProperty() {
        return xMax;
    }

    /** Where the vertical marker stands (NaN for none). */
    public DoubleProperty markerProperty() {
        return marker;
    }

    /** The highest y the axis goes to even when a curve rises further (NaN: fit every curve). */
    public DoubleProperty yCapProperty() {
        return yCap;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double plotW = width - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        if (plotW <= 10 || plotH <= 10) {
            return;
        }
        double lo = Math.log10(xMin.get());
        double hi = Math.log10(xMax.get());
        double yMax = niceMax(series.get(), yCap.get());
        DoubleUnaryOperator sx = x -> LEFT + (Math.log10(x) - lo) / (hi - lo) * plotW;
        DoubleUnaryOperator sy = y -> TOP + plotH - Math.max(0, y) / yMax * plotH;
        drawGrid(g, lo, hi, yMax, sx, sy, plotW);
        List<Series> all = series.get();
        for (int s = 0; s < all.size(); s++) {
            Series one = all.get(s);
            Paint paint = s == 0 ? getFill() : getAccent();
            g.setStroke(paint);
            g.setLineWidth(2.5);
            g.setLineDashes(s == 0 ? null : new double[] {7, 4});
            g.beginPath();
            for (int i = 0; i < one.x().length; i++) {
                double x = sx.applyAsDouble(one.x()[i]);
                double y = sy.applyAsDouble(Math.min(one.y()[i], yMax));
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            g.setLineDashes((double[]) null);
            legend(g, s, one.name(), paint);
        }
        drawMarker(g, all, sx, sy, plotH);
    }

    private void drawGrid(GraphicsContext g, double lo, double hi, double yMax,
                          DoubleUnaryOperator sx, DoubleUnaryOperator sy,
                          double plotW) {
        g.setLineWidth(1);
        g.setFont(smallFont());
        g.setFill(getTextFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double bottom = sy.applyAsDouble(0);
        for (int decade = (int) Math.floor(lo); decade <= Math.ceil(hi); decade++) {
            for (int m = 1; m <= 9; m++) {
                double x = m * Math.pow(10, decade);
                double lx = Math.log10(x);
                if (lx < lo - 1e-9 || lx > hi + 1e-9) {
                    continue;
                }
                double px = Math.round(sx.applyAsDouble(x)) + 0.5;
                g.setGlobalAlpha(m == 1 ? 1 : 0.45);
                verticalLine(g, getGridFill(), px, TOP, bottom, 1);
                g.setGlobalAlpha(1);
                g.setFill(getTextFill());
                if (m == 1) {
                    g.fillText(NumberFormats.significant(x, 1), px, bottom + 4);
                }
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double y = yMax * k / 4;
            double py = Math.round(sy.applyAsDouble(y)) + 0.5;
            horizontalLine(g, getGridFill(), LEFT, LEFT + plotW, py, 1);
            g.setFill(getTextFill());
            g.fillText(NumberFormats.significant(y, 2), LEFT - 4, py);
        }
    }

    private void legend(GraphicsContext g, int index, String name, Paint paint) {
        double x = LEFT + 6 + index * 190;
        g.setStroke(paint);
        g.setLineWidth(2.5);
        g.setLineDashes(index == 0 ? null : new double[] {7, 4});
        g.strokeLine(x, 10, x + 24, 10);
        g.setLineDashes((double[]) null);
        g.setFill(getTextFill());
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, x + 30, 10, 150);
    }

    private void drawMarker(GraphicsContext g, List<Series> all, DoubleUnaryOperator sx,
                            DoubleUnaryOperator sy, double plotH) {
        double at = marker.get();
        if (!(at >= xMin.get() && at <= xMax.get())) {
            return;
        }
        double px = Math.round(sx.applyAsDouble(at)) + 0.5;
        g.setStroke(getTextFill());
        g.setLineWidth(1.5);
        g.setLineDashes(3, 3);
        g.strokeLine(px, TOP, px, TOP + plotH);
        g.setLineDashes((double[]) null);
        for (int s = 0; s < all.size(); s++) {
            double y = interpolate(all.get(s), at);
            if (Double.isFinite(y)) {
                double py = sy.applyAsDouble(Math.min(y, niceMax(all, yCap.get())));
                g.setFill(s == 0 ? getFill() : getAccent());
                g.fillOval(px - 5, py - 5, 10, 10);
                g.setStroke(getTextFill());
                g.strokeOval(px - 5, py - 5, 10, 10);
            }
        }
    }

    /** The y of a series at x, linear in log x between its points. */
    static double interpolate(Series series, double x) {
        double[] xs = series.x();
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double f = (Math.log10(x) - Math.log10(xs[i - 1])) / (Math.log10(xs[i]) - Math.log10(xs[i - 1]));
                return series.y()[i - 1] + Math.max(0, Math.min(1, f)) * (series.y()[i] - series.y()[i - 1]);
            }
        }
        return xs.length == 0 ? Double.NaN : series.y()[xs.length - 1];
    }

    private static double niceMax(List<Series> all, double cap) {
        double max = 0;
        for (Series s : all) {
            for (double y : s.y()) {
                if (Double.isFinite(y)) {
                    max = Math.max(max, y);
                }
            }
        }
        if (cap > 0) {
            max = Math.min(max, cap);
        }
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 1.2, 1.6, 2, 4, 6, 8, 10}) {
            if (m * step >= max * 1.02) {
                return m * step;
            }
        }
        return 10 * step;
    }
}
