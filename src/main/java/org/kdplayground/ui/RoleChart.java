package org.kdplayground.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** A {@link CanvasChart} that draws several roles, each in its theme paint ({@code .role-chart} in app.css). */
public abstract class RoleChart extends CanvasChart {

    private final Map<ChartRole, StyleableObjectProperty<Paint>> paints = new EnumMap<>(ChartRole.class);

    protected RoleChart() {
        getStyleClass().add("role-chart");
        for (ChartRole role : ChartRole.values()) {
            paints.put(role, new SimpleStyleableObjectProperty<>(META.get(role), this, role.name(), Color.GRAY) {
                @Override
                protected void invalidated() {
                    invalidate();
                }
            });
        }
    }

    /**
     * A title row at the top: a swatch in the role's colour and the text (dashed underline for a dashed role, so
     * the role never rests on colour alone).
     */
    protected void drawRoleTitle(GraphicsContext g, ChartRole role, String text, double width,
                                 double rowHeight) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(paintOf(role));
        g.fillRoundRect(0, 5, 12, 12, 3, 3);
        g.setFill(getTextFill());
        g.fillText(text, 18, 11);
        if (role.dashed()) {
            g.setStroke(paintOf(role));
            g.setLineDashes(4, 3);
            g.setLineWidth(2);
            g.strokeLine(0, rowHeight - 1, Math.min(width, 18 + text.length() * 8), rowHeight - 1);
            g.setLineDashes(null);
        }
    }

    /**
     * A title row with a number at its right end in bold (an ECE, a share): the title is cut short with "…" where
     * both would not fit.
     */
    protected void drawRoleTitle(GraphicsContext g, ChartRole role, String text, double width, double rowHeight,
                                 String rightNote) {
        Font font = g.getFont();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        double noteWidth = rightNote.isEmpty() ? 0 : textWidth(rightNote, bold) + 10;
        drawRoleTitle(g, role, fitted(text, font, width - 18 - noteWidth), width, rowHeight);
        if (!rightNote.isEmpty()) {
            g.setFont(bold);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFill(getTextFill());
            g.fillText(rightNote, width - 2, 11);
            g.setFont(font);
        }
    }

    /** How wide the text is drawn in the font. */
    protected static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** The text, cut short with "…" where it is wider than {@code room}. */
    static String fitted(String text, Font font, double room) {
        if (textWidth(text, font) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 1 && textWidth(text.substring(0, end).strip() + "…", font) > room) {
            end--;
        }
        return text.substring(0, end).strip() + "…";
    }

    /** The paint of a role in the current theme. */
    public Paint paintOf(ChartRole role) {
        return paints.get(role).get();
    }

    private static final Map<ChartRole, CssMetaData<RoleChart, Paint>> META = new EnumMap<>(ChartRole.class);
    private static final List<CssMetaData<? extends Styleable, ?>> ALL;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(CanvasChart.getClassCssMetaData());
        for (ChartRole role : ChartRole.values()) {
            CssMetaData<RoleChart, Paint> meta = new CssMetaData<>(role.cssProperty(),
                    StyleConverter.getPaintConverter(), Color.GRAY) {
                @Override
                public boolean isSettable(RoleChart chart) {
                    return !chart.paints.get(role).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(RoleChart chart) {
                    return chart.paints.get(role);
                }
            };
            META.put(role, meta);
            all.add(meta);
        }
        ALL = Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
