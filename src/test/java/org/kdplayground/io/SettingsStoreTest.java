package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedSettingsReadBackInANewStore() throws IOException {
        Properties values = new Properties();
        values.setProperty("theme", "dark");
        values.setProperty("language", "zh-CN");
        new SettingsStore(dir.resolve("nested")).save(values);

        assertThat(new SettingsStore(dir.resolve("nested")).load()).isEqualTo(values);
    }

    @Test
    void saveLeavesNoTemporaryFilesBehind() throws IOException {
        SettingsStore store = new SettingsStore(dir);
        store.save(new Properties());
        store.save(new Properties());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE_NAME);
        }
    }

    @Test
    void missingFileGivesEmptySettings() {
        assertThat(new SettingsStore(dir).load()).isEmpty();
    }

    @Test
    void damagedFileGivesEmptySettingsInsteadOfFailing() throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "theme=dark\nbad=\\u12");
        assertThat(new SettingsStore(dir).load()).isEmpty();
    }

    @Test
    void directoryPropertyOverridesThePlatformLocation() {
        String before = System.getProperty(SettingsStore.DIR_PROPERTY);
        try {
            System.setProperty(SettingsStore.DIR_PROPERTY, dir.toString());
            assertThat(SettingsStore.ofDefaultLocation().file()).isEqualTo(dir.resolve(SettingsStore.FILE_NAME));
        } finally {
            if (before == null) {
                System.clearProperty(SettingsStore.DIR_PROPERTY);
            } else {
                System.setProperty(SettingsStore.DIR_PROPERTY, before);
            }
        }
    }
}
