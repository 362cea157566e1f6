package org.kdplayground.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;

/**
 * A line chart for streaming data on one canvas: each series is a {@link SeriesBuffer} owned by its producer
 * and drawn in its role's colour (dashed for the baseline, thicker for totals). Call {@link #invalidate()} after
 * appending; it redraws once per layout pass. A log y-axis and a fixed y-range (accuracy: 0..1) are options.
 */
public final class LiveLineChart extends RoleChart {

    /** One line: its data, role, label and weight. */
    public record Series(SeriesBuffer data, ChartRole role, ObservableStringValue label, double width,
                         boolean faint) {
        public Series {
            Objects.requireNonNull(data);
            Objects.requireNonNull(role);
            Objects.requireNonNull(label);
        }
    }

    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 8;
    private static final double LEGEND_ROW = 16;
    private static final double BOTTOM = 34;

    private final List<Series> series = new ArrayList<>();
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    /** An x at which a vertical cursor marks the chosen moment (a replay's epoch); NaN for none. */
    private final DoubleProperty markerX = new SimpleDoubleProperty(this, "markerX", Double.NaN);
    /** The marker: a node of its own over the canvas, so moving it does not redraw the chart. */
    private final Rectangle marker = new Rectangle(2, 0);
    /** The plot's x range and place as last drawn (xMin, xMax, left, top, width, height), for the marker. */
    private double[] plot;
    private double fixedMin = Double.NaN;
    private double fixedMax = Double.NaN;
    private boolean percent;

    public LiveLineChart() {
        getStyleClass().add("live-line-chart");
        logScale.addListener((obs, old, now) -> invalidate());
        xLabel.addListener((obs, old, now) -> invalidate());
        title.addListener((obs, old, now) -> invalidate());
        markerX.addListener((obs, old, now) -> placeMarker());
        marker.setManaged(false);
        marker.setMouseTransparent(true);
        marker.setVisible(false);
        marker.getStyleClass().add("chart-marker");
        getChildren().add(marker);
    }

    /** Puts the marker at {@link #markerXProperty()} on the plot as last drawn, or hides it. */
    private void placeMarker() {
        double at = markerX.get();
        if (plot == null || Double.isNaN(at) || at < plot[0] || at > plot[1]) {
            marker.setVisible(false);
            return;
        }
        marker.setFill(getAccent());
        marker.setOpacity(0.85);
        marker.setX(snappedLeftInset() + plot[2] + (at - plot[0]) / (plot[1] - plot[0]) * plot[4] - 1);
        marker.setY(snappedTopInset() + plot[3]);
        marker.setHeight(plot[5]);
        marker.setVisible(true);
    }

    /** The x of a vertical cursor line across the plot (NaN: none). */
    public DoubleProperty markerXProperty() {
        return markerX;
    }

    private final InvalidationListener relabel = obs -> invalidate();

    public void addSeries(Series line) {
        series.add(line);
        line.label().addListener(relabel);
        invalidate();
    }

    /** Replaces every line, e.g. when a run of another loss shows other parts. */
    public void setSeries(List<Series> lines) {
        series.forEach(line -> line.label().removeListener(relabel));
        series.clear();
        lines.forEach(this::addSeries);
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /**
     * Fixes the y-axis, e.g. 0..1 for accuracy, and says whether its labels are percent. A NaN end follows the data
     * (its minimum or 0, whichever is lower; its maximum plus 5%).
     */
    public void setFixedRange(double min, double max, boolean asPercent) {
        fixedMin = min;
        fixedMax = max;
        percent = asPercent;
        invalidate();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty titleProperty() {
        return title;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double plotW = width - LEFT - RIGHT;
        double legendH = legendRows(plotW) * LEGEND_ROW + 4;
        double top = TOP + legendH;
        double plotH = height - top - BOTTOM;
        if (plotW < 20 || plotH < 20) {
            plot = null;
            placeMarker();
            return;
        }
        boolean log = logScale.get() && Double.isNaN(fixedMin) && Double.isNaN(fixedMax);
        double[] range = ranges(log);
        double xMin = range[0];
        double xMax = range[1];
        double yMin = range[2];
        double yMax = range[3];

        Axes axes = new Axes(xMin, xMax, yMin, yMax, log, top, plotW, plotH);
        g.setFont(smallFont());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double tick : Ticks.of(yMin, yMax, tickCount(plotH, MIN_Y_TICK_GAP, 5), log)) {
            double y = axes.y(tick);
            horizontalLine(g, getGridFill(), LEFT, LEFT + plotW, y, 1);
            g.setFill(getTextFill());
            g.fillText(percent ? Ticks.percent(tick) : Ticks.format(tick), LEFT - 6,
                    y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double tick : Ticks.of(xMin, xMax, tickCount(plotW, MIN_X_TICK_GAP, 6), false)) {
            double x = axes.x(tick);
            verticalLine(g, getGridFill(), x, top + plotH, top + plotH + 4, 1);
            g.setFill(getTextFill());
            g.fillText(Ticks.format(tick), x, top + plotH + 6);
        }
        g.fillText(xLabel.get(), LEFT + plotW / 2, top + plotH + 20);
        frame(g, getGridFill(), LEFT, top, plotW, plotH);

        g.save();
        g.beginPath();
        g.rect(LEFT, top, plotW, plotH);
        g.clip();
        for (Series line : series) {
            SeriesBuffer data = line.data();
            if (data.size() == 0) {
                continue;
            }
            Paint paint = paintOf(line.role());
            g.setGlobalAlpha(line.faint() ? 0.45 : 1.0);
            g.setFill(paint);
            drawColumns(g, data, axes, line.width(), line.role().dashed());
            if (data.size() == 1) { // a lone point (first epoch) shows as a dot
                g.fillOval(axes.x(data.x(0)) - 3, axes.y(data.y(0)) - 3, 6, 6);
            }
        }
        g.restore();
        drawLegend(g, plotW);
        plot = new double[] {xMin, xMax, LEFT, top, plotW, plotH};
        placeMarker();
    }

    /** Data to canvas coordinates. */
    private record Axes(double xMin, double xMax, double yMin, double yMax, boolean log, double top, double plotW,
                        double plotH) {
        double x(double value) {
            return LEFT + (value - xMin) / (xMax - xMin) * plotW;
        }

        double y(double value) {
            return top + plotH - (scale(value, log) - scale(yMin, log)) / (scale(yMax, log) - scale(yMin, log)) * plotH;
        }
    }

    /** Dashes of the dashed roles, in pixel columns: this many drawn, then as many again minus two left out. */
    private static final int DASH_ON = 7;
    private static final int DASH_PERIOD = 12;

    /**
     * Draws a series as one filled rectangle per pixel column of the plot: the vertical extent of the polyline
     * within that column, thickened by the line width (and by neighbouring columns where the line is wider than a
     * pixel, so steep parts keep their weight). On the software pipeline a stroked polyline of thousands of points
     * with round joins cost several milliseconds a redraw; these columns cost a fraction of it and look the same
     * at a line's scale. Dashed roles leave out columns in a fixed rhythm.
     */
    private static void drawColumns(GraphicsContext g, SeriesBuffer data, Axes axes, double width, boolean dashed) {
        int columns = (int) Math.ceil(axes.plotW()) + 1;
        double[] low = new double[columns];
        double[] high = new double[columns];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 0; i < data.size(); i++) {
            double value = data.y(i);
            if (axes.log() && value <= 0) {
                continue;
            }
            double x = axes.x(data.x(i)) - LEFT;
            double y = axes.y(value);
            if (Double.isNaN(px)) {
                cover(low, high, (int) Math.floor(x), y, y);
            } else {
                segment(low, high, px, py, x, y);
            }
            px = x;
            py = y;
        }
        // a line wider than 1.5 px gets columns two pixels wide (overlapping their right neighbour), so its steep
        // parts keep some weight too
        double columnWidth = width > 2 ? 2 : 1;
        double half = width / 2;
        for (int c = 0; c < columns; c++) {
            if (low[c] <= high[c] && !(dashed && c % DASH_PERIOD >= DASH_ON)) {
                g.fillRect(LEFT + c, low[c] - half, columnWidth, high[c] - low[c] + width);
            }
        }
    }

    /** Widens the columns the segment from (x0, y0) to (x1, y1) passes through (x relative to the plot's left). */
    private static void segment(double[] low, double[] high, double x0, double y0, double x1, double y1) {
        if (x1 < x0) {
            segment(low, high, x1, y1, x0, y0);
            return;
        }
        int first = (int) Math.floor(x0);
        int last = (int) Math.floor(x1);
        if (first == last || x1 - x0 < 1e-12) {
            cover(low, high, first, y0, y1);
            return;
        }
        double slope = (y1 - y0) / (x1 - x0);
        for (int c = first; c <= last; c++) {
            double from = Math.max(x0, c);
            double to = Math.min(x1, c + 1);
            cover(low, high, c, y0 + (from - x0) * slope, y0 + (to - x0) * slope);
        }
    }

    private static void cover(double[] low, double[] high, int column, double ya, double yb) {
        if (column < 0 || column >= low.length) {
            return;
        }
        low[column] = Math.min(low[column], Math.min(ya, yb));
        high[column] = Math.max(high[column], Math.max(ya, yb));
    }

    /** Legend rows above the plot, so the legend never hides a line. */
    private int legendRows(double plotW) {
        int rows = 1;
        double x = LEFT;
        for (Series line : series) {
            if (line.faint()) {
                continue;
            }
            double w = legendWidth(line);
            if (x + w > LEFT + plotW && x > LEFT) {
                rows++;
                x = LEFT;
            }
            x += w;
        }
        return rows;
    }

    private double legendWidth(Series line) {
        String text = line.label().get();
        double em = smallFont().getSize();
        double units = text.codePoints().mapToDouble(c -> c > 0x2E80 ? 1.0 : 0.6).sum();
        return units * em + 34;
    }

    private void drawLegend(GraphicsContext g, double plotW) {
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = LEFT;
        double y = TOP + LEGEND_ROW / 2;
        for (Series line : series) {
            if (line.faint()) {
                continue; // faint twins (train accuracy) share their role's legend entry
            }
            String text = line.label().get();
            double textWidth = legendWidth(line);
            if (x + textWidth > LEFT + plotW && x > LEFT) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            g.setGlobalAlpha(1);
            g.setStroke(paintOf(line.role()));
            g.setLineWidth(Math.max(2, line.width()));
            g.setLineDashes(line.role().dashed() ? new double[] {5, 3} : null);
            g.strokeLine(x, y, x + 20, y);
            g.setLineDashes(null);
            g.setFill(getTextFill());
            g.fillText(text, x + 25, y);
            x += textWidth;
        }
    }

    private double[] ranges(boolean log) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            SeriesBuffer data = line.data();
            for (int i = 0; i < data.size(); i++) {
                double y = data.y(i);
                if (log && y <= 0) {
                    continue;
                }
                xMin = Math.min(xMin, data.x(i));
                xMax = Math.max(xMax, data.x(i));
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (!Double.isFinite(xMin)) {
            xMin = 0;
            xMax = 1;
        }
        if (xMax - xMin < 1e-9) {
            xMax = xMin + 1;
        }
        if (!Double.isNaN(fixedMin) && !Double.isNaN(fixedMax)) {
            return new double[] {xMin, xMax, fixedMin, fixedMax};
        }
        if (!Double.isFinite(yMin)) {
            yMin = log ? 0.01 : 0;
            yMax = 1;
        }
        if (log) {
            yMin = Math.pow(10, Math.floor(Math.log10(yMin)));
            yMax = Math.pow(10, Math.ceil(Math.log10(yMax)));
            if (yMax <= yMin) {
                yMax = yMin * 10;
            }
        } else {
            yMin = Double.isNaN(fixedMin) ? Math.min(0, yMin) : fixedMin;
            yMax = Double.isNaN(fixedMax) ? (yMax <= yMin ? yMin + 1 : yMax * 1.05) : fixedMax;
        }
        return new double[] {xMin, xMax, yMin, yMax};
    }

    private static double scale(double value, boolean log) {
        return log ? Math.log10(value) : value;
    }

    /** The least room between two axis ticks (px): a narrow or low chart gets fewer, so their labels stay apart. */
    private static final double MIN_X_TICK_GAP = 45;
    private static final double MIN_Y_TICK_GAP = 22;

    /** About how many ticks an axis of this length gets: {@code most} where there is room, never under two. */
    static int tickCount(double length, double minGap, int most) {
        return (int) Math.max(2, Math.min(most, Math.floor(length / minGap)));
    }
}
