package org.kdplayground.ui;

import java.util.Arrays;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.TextAlignment;

/**
 * Probabilities as bars on a fixed 0–100% axis, so several charts compare at a glance. The marked class (the true
 * label) gets an outline and a triangle under the axis, not just a colour; hovering a bar shows its name and value.
 * Thousands of classes draw as thin lines.
 */
public class ProbabilityBarChart extends CanvasChart {

    static final double LEFT = 38;
    static final double TOP = 18;
    static final double BOTTOM = 20;
    static final double RIGHT = 6;

    private final ObjectProperty<double[]> values = new SimpleObjectProperty<>(this, "values", new double[0]);
    private final ObjectProperty<List<String>> labels = new SimpleObjectProperty<>(this, "labels", List.of());
    private final IntegerProperty markedIndex = new SimpleIntegerProperty(this, "markedIndex", -1);
    private final ReadOnlyIntegerWrapper hoveredIndex = new ReadOnlyIntegerWrapper(this, "hoveredIndex", -1);

    public ProbabilityBarChart() {
        getStyleClass().add("probability-bar-chart");
        for (Observable o : List.of(values, labels, markedIndex, hoveredIndex)) {
            o.addListener(ignored -> invalidate());
        }
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoveredIndex.set(indexAt(e.getX())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoveredIndex.set(-1));
    }

    /** The probabilities, one per class (the chart reads but never changes the array). */
    public ObjectProperty<double[]> valuesProperty() {
        return values;
    }

    /**
     * Shows these probabilities; equal values keep the picture as it is (no redraw), so a caller may pass a freshly
     * computed array every frame.
     */
    public void setValues(double[] probabilities) {
        if (!Arrays.equals(values.get(), probabilities)) {
            values.set(probabilities);
        }
    }

    /** Class names under the bars (shown while they fit) and in the hover text. */
    public ObjectProperty<List<String>> labelsProperty() {
        return labels;
    }

    /** The class to mark (the true label), or −1. */
    public IntegerProperty markedIndexProperty() {
        return markedIndex;
    }

    /** The bar under the mouse, or −1. */
    public ReadOnlyIntegerProperty hoveredIndexProperty() {
        return hoveredIndex.getReadOnlyProperty();
    }

    /** What the chart shows for the hovered bar ("2: 37.4%"), or an empty string. */
    public String hoverText() {
        int i = hoveredIndex.get();
        double[] p = values.get();
        if (i < 0 || i >= p.length) {
            return "";
        }
        return labelOf(i) + ": " + NumberFormats.percent(p[i]);
    }

    /** The class under an x position in this chart's coordinates, or −1. */
    public int indexAt(double x) {
        int n = values.get().length;
        double plot = getWidth() - snappedLeftInset() - snappedRightInset() - LEFT - RIGHT;
        double offset = x - snappedLeftInset() - LEFT;
        if (n == 0 || plot <= 0 || offset < 0 || offset >= plot) {
            return -1;
        }
        return Math.min(n - 1, (int) (offset / plot * n));
    }

    private String labelOf(int i) {
        List<String> names = labels.get();
        return i < names.size() ? names.get(i) : Integer.toString(i);
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        double[] p = values.get();
        int n = p.length;
        double plotW = width - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        if (plotW <= 4 || plotH <= 4) {
            return;
        }
        double base = TOP + plotH;
        drawAxis(g, plotW, plotH, base);
        if (n == 0) {
            return;
        }
        double band = plotW / n;
        int hovered = hoveredIndex.get();
        if (hovered >= 0 && hovered < n) {
            g.setFill(getGridFill());
            g.setGlobalAlpha(0.5);
            g.fillRect(LEFT + hovered * band, TOP, Math.max(1, band), plotH);
            g.setGlobalAlpha(1);
        }
        g.setFill(getFill());
        boolean thin = band < 3;
        for (int i = 0; i < n; i++) {
            double h = clamp(p[i]) * plotH;
            if (thin) {
                g.fillRect(Math.floor(LEFT + (i + 0.5) * band), base - h, 1, h); // a one-pixel column
            } else {
                double w = Math.max(1, band * 0.72);
                g.fillRect(LEFT + i * band + (band - w) / 2, base - h, w, h);
            }
        }
        drawValuesAndNames(g, p, band, base);
        drawMark(g, p, band, base, plotH);
        if (hovered >= 0 && hovered < n) {
            g.setFill(getTextFill());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.setFont(getFont());
            g.fillText(hoverText(), width - RIGHT, 0);
        }
    }

    private void drawAxis(GraphicsContext g, double plotW, double plotH, double base) {
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int k = 0; k <= 4; k++) {
            double y = Math.round(base - plotH * k / 4.0) + 0.5;
            horizontalLine(g, getGridFill(), LEFT, LEFT + plotW, y, 1);
            if (k % 2 == 0) {
                g.setFill(getTextFill());
                g.fillText((k * 25) + "%", LEFT - 4, y);
            }
        }
    }

    private void drawValuesAndNames(GraphicsContext g, double[] p, double band, double base) {
        int n = p.length;
        g.setFill(getTextFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(smallFont());
        boolean values = band >= 36;
        boolean names = band >= 14;
        for (int i = 0; i < n; i++) {
            double x = LEFT + (i + 0.5) * band;
            if (values) {
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(NumberFormats.percent(p[i]), x, base - clamp(p[i]) * (base - TOP) - 2);
            }
            if (names) {
                g.setTextBaseline(VPos.TOP);
                g.fillText(labelOf(i), x + (i == markedIndex.get() ? 7 : 0), base + 3, band - 2);
            }
        }
    }

    private void drawMark(GraphicsContext g, double[] p, double band, double base, double plotH) {
        int m = markedIndex.get();
        if (m < 0 || m >= p.length) {
            return;
        }
        double x = LEFT + (m + 0.5) * band;
        double w = Math.max(3, band * 0.72 + 4);
        double h = clamp(p[m]) * plotH;
        g.setStroke(getTextFill());
        g.setLineWidth(2);
        g.strokeRect(x - w / 2, base - h - 2, w, h + 2);
        g.setLineWidth(1);
        g.setFill(getTextFill());
        double tx = band >= 14 ? x - 6 : x;
        g.fillPolygon(new double[] {tx - 5, tx + 5, tx}, new double[] {base + 12, base + 12, base + 3}, 3);
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
