package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kdplayground.io.SettingsStore;
import org.kdplayground.training.timeline.RunSpeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Found by AppSettingsFuzzTest: a window side of "Infinity", "NaN" or 1e300 in the settings file was used as is. */
class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theRunSpeedIsRememberedAndAnUnknownOneIsNormal() throws IOException {
        SettingsStore store = new SettingsStore(dir);
        AppSettings settings = new AppSettings(store);
        assertThat(settings.runSpeed()).isEqualTo(RunSpeed.NORMAL);
        settings.setRunSpeed(RunSpeed.ONE_EPOCH_A_SECOND);
        settings.save();
        assertThat(new AppSettings(store).runSpeed()).isEqualTo(RunSpeed.ONE_EPOCH_A_SECOND);
        Files.writeString(store.file(), "training.speed=WARP\n");
        assertThat(new AppSettings(store).runSpeed()).isEqualTo(RunSpeed.NORMAL);
    }

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
