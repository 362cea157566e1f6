package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kdplayground.io.SettingsStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Found by AppSettingsFuzzTest: a window side of "Infinity", "NaN" or 1e300 in the settings file was used as is. */
class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aWindowSideThatIsNotAFiniteNumberOfPixelsGivesTheDefault() throws IOException {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "window.width=Infinity\nwindow.height=NaN\nui.scale=NaN\n");
        AppSettings settings = new AppSettings(store);
        assertThat(settings.windowWidth()).isEqualTo(AppSettings.DEFAULT_WIDTH);
        assertThat(settings.windowHeight()).isEqualTo(AppSettings.DEFAULT_HEIGHT);
        assertThat(settings.uiScale()).isEqualTo(1.0);

        Files.writeString(store.file(), "window.width=1e300\nwindow.height=100\n");
        settings = new AppSettings(store);
        assertThat(settings.windowWidth()).isEqualTo(AppSettings.DEFAULT_WIDTH);
        assertThat(settings.windowHeight()).as("a small one grows to the minimum").isEqualTo(AppSettings.MIN_HEIGHT);
    }
}
