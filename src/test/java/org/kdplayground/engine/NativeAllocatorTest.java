package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    private static boolean glibcLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && (Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6")) || Files.exists(Path.of("/lib64/libc.so.6"))
                        || Files.exists(Path.of("/lib/aarch64-linux-gnu/libc.so.6")));
    }

    @Test
    void glibcAcceptsBothThresholds() {
        assumeTrue(glibcLinux(), "glibc on Linux only");
        assertThat(NativeAllocator.apply()).isEqualTo(NativeAllocator.Outcome.TUNED);
    }

    @Test
    void thePropertyLeavesGlibcsDefaults() {
        String before = System.getProperty(NativeAllocator.PROPERTY);
        System.setProperty(NativeAllocator.PROPERTY, "false");
        try {
            assertThat(NativeAllocator.apply()).isEqualTo(NativeAllocator.Outcome.DISABLED);
        } finally {
            if (before == null) {
                System.clearProperty(NativeAllocator.PROPERTY);
            } else {
                System.setProperty(NativeAllocator.PROPERTY, before);
            }
        }
    }

    @Test
    void theEngineLoaderTunesBeforeItLoads() {
        assumeTrue(glibcLinux(), "glibc on Linux only");
        NativeAllocator.forget();
        new DjlEngineLoader(1).load();
        assertThat(NativeAllocator.outcome()).as("tuned by the loader itself").isEqualTo(NativeAllocator.Outcome.TUNED);
    }
}
