package org.kdplayground.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A chart drawn on one Canvas (fast for thousands of bars, no node per point). Changes only mark it dirty; it
 * redraws once, in the next layout pass, however many changes a frame brings. Its colours and font come from CSS:
 * {@code -kd-chart-fill} (the main series, e.g. {@code -kd-teacher}), {@code -kd-chart-accent} (a second series
 * or marker), {@code -kd-chart-text}, {@code -kd-chart-grid} and the inherited {@code -fx-font}.
 */
public abstract class CanvasChart extends Region {

    private final Canvas canvas = new Canvas();
    private boolean dirty = true;
    private long redraws;

    private final StyleableObjectProperty<Paint> fill = paint(StyleableProperties.FILL, "fill", Color.GRAY);
    private final StyleableObjectProperty<Paint> accent = paint(StyleableProperties.ACCENT, "accent", Color.DARKGRAY);
    private final StyleableObjectProperty<Paint> textFill = paint(StyleableProperties.TEXT, "textFill", Color.BLACK);
    private final StyleableObjectProperty<Paint> gridFill = paint(StyleableProperties.GRID, "gridFill",
            Color.LIGHTGRAY);
    private final StyleableObjectProperty<Font> font = new SimpleStyleableObjectProperty<>(StyleableProperties.FONT,
            this, "font", Font.getDefault()) {
        @Override
        protected void invalidated() {
            invalidate();
        }
    };

    protected CanvasChart() {
        getStyleClass().add("canvas-chart");
        getChildren().add(canvas);
        setMinSize(40, 30);
        setPrefSize(240, 160);
    }

    /**
     * Marks the picture stale: it is redrawn once, at the next layout pass. Only this chart is laid out again: a
     * new picture does not change its size, and asking the parents too (requestLayout) made every streaming chart
     * lay out the whole window once a frame.
     */
    public final void invalidate() {
        dirty = true;
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = Math.max(0, snapSizeX(getWidth()) - left - snappedRightInset());
        double height = Math.max(0, snapSizeY(getHeight()) - top - snappedBottomInset());
        canvas.relocate(left, top);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            redraws++;
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, width, height);
            if (width > 0 && height > 0) {
                g.setFont(getFont());
                draw(g, width, height);
            }
        }
    }

    /** Draws the whole picture on a cleared canvas of this size. */
    protected abstract void draw(GraphicsContext g, double width, double height);

    /**
     * A horizontal line {@code thickness} pixels high, centred on {@code y}, filled with {@code paint}. Charts draw
     * axis-aligned lines as rectangles: the software renderer fills a rectangle directly, while {@code strokeLine}
     * goes through the general antialiased path rasterizer, which made hundreds of thin bars and grid lines the
     * largest cost of a frame.
     */
    protected static void horizontalLine(GraphicsContext g, Paint paint, double x0, double x1, double y,
                                         double thickness) {
        g.setFill(paint);
        g.fillRect(Math.min(x0, x1), y - thickness / 2, Math.abs(x1 - x0), thickness);
    }

    /** A vertical line {@code thickness} pixels wide, centred on {@code x}: see {@link #horizontalLine}. */
    protected static void verticalLine(GraphicsContext g, Paint paint, double x, double y0, double y1,
                                       double thickness) {
        g.setFill(paint);
        g.fillRect(x - thickness / 2, Math.min(y0, y1), thickness, Math.abs(y1 - y0));
    }

    /** The outline of a rectangle, one pixel wide, as four filled lines: see {@link #horizontalLine}. */
    protected static void frame(GraphicsContext g, Paint paint, double x, double y, double w, double h) {
        horizontalLine(g, paint, x, x + w, y, 1);
        horizontalLine(g, paint, x, x + w, y + h, 1);
        verticalLine(g, paint, x, y, y + h, 1);
        verticalLine(g, paint, x + w, y, y + h, 1);
    }

    /** How many times the picture was drawn (tests check that an unchanged picture is not drawn again). */
    public long redraws() {
        return redraws;
    }

    /** The canvas, for tests and snapshots. */
    public Canvas canvas() {
        return canvas;
    }

    public Paint getFill() {
        return fill.get();
    }

    public Paint getAccent() {
        return accent.get();
    }

    public Paint getTextFill() {
        return textFill.get();
    }

    public Paint getGridFill() {
        return gridFill.get();
    }

    public Font getFont() {
        return font.get();
    }

    /** A smaller font of the same family, for tick labels. */
    protected Font smallFont() {
        return Font.font(getFont().getFamily(), Math.max(9, getFont().getSize() * 0.8));
    }

    private StyleableObjectProperty<Paint> paint(CssMetaData<CanvasChart, Paint> meta, String name, Paint initial) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, initial) {
            @Override
            protected void invalidated() {
                invalidate();
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return StyleableProperties.ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    private static final class StyleableProperties {
        static final CssMetaData<CanvasChart, Paint> FILL = paintMeta("-kd-chart-fill", Color.GRAY, c -> c.fill);
        static final CssMetaData<CanvasChart, Paint> ACCENT = paintMeta("-kd-chart-accent", Color.DARKGRAY,
                c -> c.accent);
        static final CssMetaData<CanvasChart, Paint> TEXT = paintMeta("-kd-chart-text", Color.BLACK, c -> c.textFill);
        static final CssMetaData<CanvasChart, Paint> GRID = paintMeta("-kd-chart-grid", Color.LIGHTGRAY,
                c -> c.gridFill);
        static final CssMetaData<CanvasChart, Font> FONT = new CssMetaData<>("-fx-font",
                StyleConverter.getFontConverter(), Font.getDefault(), true) {
            @Override
            public boolean isSettable(CanvasChart chart) {
                return !chart.font.isBound();
            }

            @Override
            public StyleableProperty<Font> getStyleableProperty(CanvasChart chart) {
                return chart.font;
            }
        };
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
            all.addAll(List.of(FILL, ACCENT, TEXT, GRID, FONT));
            ALL = Collections.unmodifiableList(all);
        }

        private static CssMetaData<CanvasChart, Paint> paintMeta(String property, Paint initial,
                Function<CanvasChart, StyleableObjectProperty<Paint>> field) {
            return new CssMetaData<>(property, StyleConverter.getPaintConverter(), initial) {
                @Override
                public boolean isSettable(CanvasChart chart) {
                    return !field.apply(chart).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(CanvasChart chart) {
                    return field.apply(chart);
                }
            };
        }
    }
}
