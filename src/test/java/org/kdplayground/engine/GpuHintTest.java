package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "a GPU is there, the CPU build is loaded" hint also sees a GPU that only the NVIDIA driver knows. */
class GpuHintTest {

    @Test
    void driverFolderWithAGpuEntryCounts(@TempDir Path dir) throws IOException {
        Path gpus = Files.createDirectories(dir.resolve("gpus"));
        assertThat(DjlEngineLoader.hasGpuEntries(gpus)).isFalse();
        Files.createDirectories(gpus.resolve("0000:01:00.0"));
        assertThat(DjlEngineLoader.hasGpuEntries(gpus)).isTrue();
    }

    @Test
    void noDriverFolderMeansNoGpu(@TempDir Path dir) {
        assertThat(DjlEngineLoader.hasGpuEntries(dir.resolve("missing"))).isFalse();
    }
}
