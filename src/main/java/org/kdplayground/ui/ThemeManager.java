package org.kdplayground.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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

    private final Scene scene;
    private final FontPolicy fontPolicy;
    private final String appStylesheet;

    public ThemeManager(Scene scene, FontPolicy fontPolicy) {
        this.scene = Objects.requireNonNull(scene);
        this.fontPolicy = Objects.requireNonNull(fontPolicy);
        this.appStylesheet = Objects.requireNonNull(ThemeManager.class.getResource(APP_STYLESHEET),
                APP_STYLESHEET).toExternalForm();
    }

    public void apply(Theme theme, Language language) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().setAll(List.of(appStylesheet, fontStylesheet(language)));
        scene.getRoot().pseudoClassStateChanged(DARK, theme.isDark());
        scene.getRoot().pseudoClassStateChanged(HIGH_CONTRAST, theme.isHighContrast());
        scene.getRoot().pseudoClassStateChanged(CJK, language.isCjk());
    }

    /** A generated stylesheet that sets the root's font family for the language. */
    String fontStylesheet(Language language) {
        String family = fontPolicy.familyFor(language);
        String css = ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
