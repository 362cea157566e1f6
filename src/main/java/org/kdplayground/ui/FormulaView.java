package org.kdplayground.ui;

import java.awt.Insets;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

import org.jfree.fx.FXGraphics2D;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A LaTeX formula typeset by JLaTeXMath and painted on a Canvas through FXGraphics2D, in the theme's text colour
 * ({@code -kd-chart-text}). It shrinks to fit its width; the same symbols in every language.
 */
public class FormulaView extends CanvasChart {

    private static final String FONT_DIR = "/org/scilab/forge/jlatexmath/fonts/";
    private static final double LINE_HEIGHT = 1.6;
    private static final List<String> FONTS = List.of("base/jlm_cmex10", "base/jlm_cmmi10", "base/jlm_cmmib10",
            "maths/jlm_cmsy10", "maths/jlm_cmbsy10", "maths/jlm_msam10", "maths/jlm_msbm10", "maths/jlm_special",
            "maths/jlm_stmary10", "maths/jlm_rsfs10", "latin/jlm_cmr10", "latin/jlm_jlmr10", "latin/jlm_jlmi10",
            "latin/jlm_jlmbx10", "latin/jlm_jlmbi10", "latin/jlm_jlmsb10", "latin/jlm_jlmsbi10", "latin/jlm_jlmsi10",
            "latin/jlm_jlmss10", "latin/jlm_jlmtt10", "latin/optional/jlm_cmbx10", "latin/optional/jlm_cmti10",
            "latin/optional/jlm_cmss10", "latin/optional/jlm_cmtt10");
    private static boolean fontsLoaded;
    private final InvalidationListener typesettingChanged = ignored -> retypeset();

    private final StringProperty tex = new SimpleStringProperty(this, "tex", "");
    private final DoubleProperty size = new SimpleDoubleProperty(this, "size", 20);
    private boolean painted;
    /** Typeset formulas by size and text: layout and drawing ask for the same ones several times a frame. */
    private final Map<String, TeXIcon> icons = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TeXIcon> eldest) {
            return size() > 4;
        }
    };

    public FormulaView() {
        getStyleClass().add("formula-view");
        // formulas wait while the app's first window is built, holding their place, and are typeset just after it
        // shows (JLaTeXMath's first use, its tables and fonts, took about a quarter of the window's build)
        FirstWindow.buildingProperty().addListener(new WeakInvalidationListener(typesettingChanged));
        tex.addListener(ignored -> retypeset());
        size.addListener(ignored -> retypeset());
        setMinSize(60, 30);
    }

    /** A new formula, or the first after a hold, has a new size: the parents lay it out again, not just this view. */
    private void retypeset() {
        invalidate();
        requestLayout();
    }

    /** The formula in LaTeX. */
    public StringProperty texProperty() {
        return tex;
    }

    /** The font size in pixels before shrinking to fit. */
    public DoubleProperty sizeProperty() {
        return size;
    }

    /** Whether the last redraw painted a formula (for tests: false for an empty or broken one). */
    public boolean isPainted() {
        return painted;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (FirstWindow.isBuilding()) { // its place kept: JLaTeXMath's display lines are about 1.6 font sizes high
            String text = tex.get();
            int lines = text == null ? 1 : 1 + (text.length() - text.replace("\\\\", "").length()) / 2;
            return snappedTopInset() + snappedBottomInset() + LINE_HEIGHT * lines * size.get();
        }
        TeXIcon icon = icon((float) size.get());
        return snappedTopInset() + snappedBottomInset() + (icon == null ? size.get() : icon.getIconHeight());
    }

    @Override
    protected double computePrefWidth(double height) {
        TeXIcon icon = icon((float) size.get());
        return snappedLeftInset() + snappedRightInset() + (icon == null ? 0 : icon.getIconWidth());
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        painted = false;
        TeXIcon icon = icon((float) size.get());
        if (icon == null) {
            return;
        }
        double scale = Math.min(1.0, Math.min(width / icon.getIconWidth(), height / icon.getIconHeight()));
        if (scale < 1.0) {
            icon = icon((float) (size.get() * scale * 0.98));
        }
        icon.setForeground(awtColor(getTextFill()));
        FXGraphics2D g2 = new FXGraphics2D(g);
        double y = Math.max(0, (height - icon.getIconHeight()) / 2);
        icon.paintIcon(null, g2, 0, (int) Math.round(y));
        painted = true;
    }

    /** The formula typeset at this size; null while the first window is built, or for an empty or broken formula. */
    private TeXIcon icon(float pixels) {
        String text = tex.get();
        if (FirstWindow.isBuilding() || text == null || text.isBlank()) {
            return null;
        }
        String key = pixels + "|" + text;
        if (icons.containsKey(key)) {
            return icons.get(key);
        }
        TeXIcon icon = typeset(text, pixels);
        icons.put(key, icon);
        return icon;
    }

    private static TeXIcon typeset(String text, float pixels) {
        loadFonts(); // what paints a typeset formula needs them
        try {
            TeXIcon icon = new TeXFormula(text).createTeXIcon(TeXConstants.STYLE_DISPLAY, pixels);
            icon.setInsets(new Insets(2, 2, 2, 2));
            return icon;
        } catch (ParseException e) {
            return null;
        }
    }

    private static java.awt.Color awtColor(Paint paint) {
        Color c = paint instanceof Color color ? color : Color.BLACK;
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }

    /**
     * FXGraphics2D draws text with JavaFX fonts found by family name, so JLaTeXMath's own fonts must be known to
     * JavaFX too (once per run).
     */
    private static synchronized void loadFonts() {
        if (fontsLoaded) {
            return;
        }
        fontsLoaded = true;
        for (String name : FONTS) {
            try (InputStream in = TeXFormula.class.getResourceAsStream(FONT_DIR + name + ".ttf")) {
                Font.loadFont(Objects.requireNonNull(in, name), 10);
            } catch (IOException | NullPointerException e) {
                System.getLogger(FormulaView.class.getName()).log(System.Logger.Level.WARNING,
                        "formula font missing: " + name, e);
            }
        }
    }
}
