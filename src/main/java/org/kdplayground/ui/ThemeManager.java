package org.kdplayground.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * The one place that styles a scene: the AtlantaFX theme as user-agent stylesheet, the app's own stylesheet,
 * a {@code :dark} pseudo-class on the root for the few rules that differ, and the font family that can draw
 * the current language (JavaFX CSS takes one family, not a fallback list, so the family is chosen here from
 * what the system has installed).
 */
public final class ThemeManager {

    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    public static final PseudoClass CJK = PseudoClass.getPseudoClass("cjk");
    public static final PseudoClass HIGH_CONTRAST = PseudoClass.getPseudoClass("high-contrast");

    static final String APP_STYLESHEET = "/org/kdplayground/ui/app.css";

    /** The root font size of app.css, which the UI scale multiplies for popups and dialogs. */
    static final double BASE_FONT_PX = 14;

    private final Scene scene;
    private final FontPolicy fontPolicy;
    private final String appStylesheet;
    private Theme theme = Theme.LIGHT;
    private Language language = Language.ENGLISH;
    private double uiScale = 1.0;

    public ThemeManager(Scene scene, FontPolicy fontPolicy) {
        this.scene = Objects.requireNonNull(scene);
        this.fontPolicy = Objects.requireNonNull(fontPolicy);
        this.appStylesheet = Objects.requireNonNull(ThemeManager.class.getResource(APP_STYLESHEET),
                APP_STYLESHEET).toExternalForm();
    }

    public void apply(Theme theme, Language language) {
        this.theme = Objects.requireNonNull(theme);
        this.language = Objects.requireNonNull(language);
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().setAll(List.of(appStylesheet, fontStylesheet(language, uiScale)));
        scene.getRoot().pseudoClassStateChanged(DARK, theme.isDark());
        scene.getRoot().pseudoClassStateChanged(HIGH_CONTRAST, theme.isHighContrast());
        scene.getRoot().pseudoClassStateChanged(CJK, language.isCjk());
    }

    /**
     * Styles another scene as this one is now (stylesheets and the root's theme and language pseudo-classes), for a
     * scene the app draws off screen. It does not follow later changes.
     */
    public void styleAlike(Scene other) {
        other.getStylesheets().setAll(scene.getStylesheets());
        for (PseudoClass state : List.of(DARK, HIGH_CONTRAST, CJK)) {
            other.getRoot().pseudoClassStateChanged(state, scene.getRoot().getPseudoClassStates().contains(state));
        }
    }

    /**
     * The presentation scale (1 to 2). The window's content is scaled as a whole by a transform, but menus, drop-down
     * lists, tooltips and dialogs open in windows of their own and take the scene's stylesheets, not its transform:
     * they get their font size from here. Popups opened afterwards follow.
     */
    public void setUiScale(double scale) {
        uiScale = Math.max(1.0, Math.min(2.0, scale));
        apply(theme, language);
    }

    /**
     * A generated stylesheet: the font family that can draw the language, and for a UI scale above 1 the scaled
     * font size of everything that opens in a window of its own.
     */
    String fontStylesheet(Language language, double scale) {
        String family = "\"" + fontPolicy.familyFor(language).replace("\"", "") + "\"";
        StringBuilder css = new StringBuilder(".root, .dialog-pane { -fx-font-family: " + family + "; }\n");
        if (scale > 1.0) {
            css.append(String.format(Locale.ROOT, "%s { -fx-font-size: %.1fpx; }%n", POPUPS, BASE_FONT_PX * scale));
        }
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(
                css.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What opens outside the scaled window content: menus (and choice boxes), combo box lists, tooltips, dialogs. */
    static final String POPUPS = ".context-menu, .combo-box-popup > .list-view, .tooltip, .dialog-pane";
}
