package org.kdplayground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the app and of the libraries it was built with, as Maven wrote them at build time. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    public static String djlVersion() {
        return PROPERTIES.getProperty("djl.version", "?");
    }

    /** The libtorch version of the bundled PyTorch natives. */
    public static String pytorchVersion() {
        return PROPERTIES.getProperty("pytorch.version", "?");
    }

    public static String javafxVersion() {
        return PROPERTIES.getProperty("javafx.version", "?");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
