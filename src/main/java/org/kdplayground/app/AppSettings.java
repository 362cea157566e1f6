package org.kdplayground.app;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.kdplayground.RuntimeDefaults;
import org.kdplayground.io.SettingsStore;
import org.kdplayground.training.timeline.RunSpeed;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.Theme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The settings that outlive a session, typed, with defaults for a first start. */
final class AppSettings {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;
    /** The largest window side kept from the file (pixels); a larger or non-finite one gives the default. */
    static final double MAX_WINDOW_SIZE = 16_384;
    static final int MAX_RECENT_FILES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);

    private final SettingsStore store;
    private final Properties values;

    AppSettings(SettingsStore store) {
        this.store = store;
        this.values = store.load();
    }

    Theme theme() {
        return Theme.fromId(values.getProperty("theme"));
    }

    void setTheme(Theme theme) {
        values.setProperty("theme", theme.id());
    }

    /** The speed the training screen shows runs at, as last chosen ({@link RunSpeed#NORMAL} at first). */
    RunSpeed runSpeed() {
        String name = values.getProperty("training.speed", RunSpeed.NORMAL.name());
        try {
            return RunSpeed.valueOf(name);
        } catch (IllegalArgumentException e) {
            return RunSpeed.NORMAL;
        }
    }

    void setRunSpeed(RunSpeed speed) {
        values.setProperty("training.speed", speed.name());
    }

    Language language() {
        return Language.fromTag(values.getProperty("language"), Locale.getDefault());
    }

    void setLanguage(Language language) {
        values.setProperty("language", language.tag());
    }

    double windowWidth() {
        return windowSide("window.width", MIN_WIDTH, DEFAULT_WIDTH);
    }

    double windowHeight() {
        return windowSide("window.height", MIN_HEIGHT, DEFAULT_HEIGHT);
    }

    boolean windowMaximized() {
        return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
    }

    void setWindow(double width, double height, boolean maximized) {
        values.setProperty("window.width", Long.toString(Math.round(width)));
        values.setProperty("window.height", Long.toString(Math.round(height)));
        values.setProperty("window.maximized", Boolean.toString(maximized));
    }

    /** Presentation mode's UI scale, 1.0 (100%) to 2.0. */
    double uiScale() {
        return Math.max(1.0, Math.min(2.0, number("ui.scale", 1.0)));
    }

    void setUiScale(double scale) {
        values.setProperty("ui.scale", Double.toString(scale));
    }

    /** The workspace files opened or saved last, newest first. */
    List<Path> recentFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT_FILES; i++) {
            String value = values.getProperty("recent." + i);
            if (value != null && !value.isBlank()) {
                try {
                    files.add(Path.of(value));
                } catch (InvalidPathException e) {
                    LOG.debug("Recent file {} dropped: {}", value, e.getMessage());
                }
            }
        }
        return files;
    }

    void setRecentFiles(List<Path> files) {
        for (int i = 0; i < MAX_RECENT_FILES; i++) {
            if (i < files.size()) {
                values.setProperty("recent." + i, files.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
    }

    /** PyTorch intra-op threads; 1 by default (fastest for these small models, docs/performance.md). */
    int intraOpThreads() {
        int threads = (int) number("engine.intraOpThreads", RuntimeDefaults.DEFAULT_INTRA_OP_THREADS);
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
    }

    /** A window side from the file, at least {@code min}; one beyond {@link #MAX_WINDOW_SIZE} gives the default. */
    private double windowSide(String key, double min, double fallback) {
        double side = number(key, fallback);
        return side > MAX_WINDOW_SIZE ? fallback : Math.max(min, side);
    }

    /** A number from the file; the fallback when it is absent, not a number, NaN or infinite. */
    private double number(String key, double fallback) {
        try {
            double value = Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
            return Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    void save() {
        try {
            store.save(values);
        } catch (IOException e) {
            LOG.warn("Settings could not be saved to {}: {}", store.file(), e.getMessage());
        }
    }
}
