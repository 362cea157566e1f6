package org.kdplayground.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The app's colour themes, built on AtlantaFX's Primer pair. */
public enum Theme {
    LIGHT("light", false),
    DARK("dark", true),
    /** For projectors and low vision: black background, white text, strong borders (on the dark theme). */
    HIGH_CONTRAST("high-contrast", true);

    private final String id;
    private final boolean dark;

    Theme(String id, boolean dark) {
        this.id = id;
        this.dark = dark;
    }

    public String id() {
        return id;
    }

    public boolean isDark() {
        return dark;
    }

    public boolean isHighContrast() {
        return this == HIGH_CONTRAST;
    }

    /** The AtlantaFX user-agent stylesheet of this theme. */
    public String userAgentStylesheet() {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public static Theme fromId(String id) {
        for (Theme theme : values()) {
            if (theme.id.equalsIgnoreCase(String.valueOf(id))) {
                return theme;
            }
        }
        return LIGHT;
    }
}
