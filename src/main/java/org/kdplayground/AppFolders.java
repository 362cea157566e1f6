package org.kdplayground;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps what it writes for its user: the settings file, and beside it the {@code data} folder that
 * downloaded data sets go into ({@code data/fashion-mnist}, {@code data/mnist}). Nothing here touches the disk.
 */
public final class AppFolders {

    /** Overrides the settings folder, and with it the data folder (tests, portable installs). */
    public static final String SETTINGS_DIR_PROPERTY = "kdplayground.settings.dir";

    private AppFolders() {
    }

    /** The folder of the settings file: {@value #SETTINGS_DIR_PROPERTY}, or the platform's usual place. */
    public static Path settings() {
        String override = System.getProperty(SETTINGS_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "KD Playground");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "KD Playground");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "kd-playground");
    }

    /** The app's data folder, next to the settings file: one folder per downloaded data set. */
    public static Path data() {
        return settings().resolve("data");
    }
}
