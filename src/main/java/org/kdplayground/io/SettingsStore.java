package org.kdplayground.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

import org.kdplayground.AppFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's settings as a properties file in the platform's settings folder. Reads never fail (a damaged
 * file gives defaults and is logged); writes are atomic (temp file, then rename), so a crash mid-write
 * keeps the old file.
 */
public final class SettingsStore {

    /** Overrides the settings folder (tests, portable installs). */
    public static final String DIR_PROPERTY = AppFolders.SETTINGS_DIR_PROPERTY;
    static final String FILE_NAME = "settings.properties";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path directory) {
        this.file = Objects.requireNonNull(directory).resolve(FILE_NAME);
    }

    /** The store in the folder named by {@value #DIR_PROPERTY}, or the platform's usual place. */
    public static SettingsStore ofDefaultLocation() {
        return new SettingsStore(defaultDirectory());
    }

    public Path file() {
        return file;
    }

    public Properties load() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Settings file {} could not be read; using defaults: {}", file, e.getMessage());
                properties.clear();
            }
        }
        return properties;
    }

    public void save(Properties properties) throws IOException {
        AtomicFiles.write(file, out -> properties.store(out, "KD Playground settings"));
    }

    static Path defaultDirectory() {
        return AppFolders.settings();
    }
}
