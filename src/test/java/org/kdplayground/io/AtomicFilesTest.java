package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk in the middle of a write leaves the file that was there as it was, and no temporary file (issue 19). */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** A stream that takes {@code room} bytes, then fails as a full file system does. */
    private static OutputStream fullAfter(OutputStream out, int room) {
        return new FilterOutputStream(out) {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > room) {
                    throw new IOException("No space left on device");
                }
                super.write(b);
            }
        };
    }

    @Test
    void aWriteThatRunsOutOfSpaceKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "old,content\n");
        try (AtomicFiles.Output out = AtomicFiles.open(file, stream -> fullAfter(stream, 10))) {
            assertThatThrownBy(() -> {
                out.stream().write("run,accuracy\n1,0.97\n".getBytes(StandardCharsets.UTF_8));
                out.commit();
            }).hasMessage("No space left on device");
        }
        assertThat(Files.readString(file)).isEqualTo("old,content\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aCommittedWriteReplacesTheFileAndACloseWithoutCommitDropsIt() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "old\n");
        try (AtomicFiles.Output out = AtomicFiles.open(file)) {
            out.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(file)).as("not yet in place").isEqualTo("old\n");
        }
        assertThat(Files.readString(file)).as("closed without a commit").isEqualTo("old\n");
        try (AtomicFiles.Output out = AtomicFiles.open(file)) {
            out.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertThat(Files.readString(file)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDeviceIsWrittenDirectly() throws IOException {
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            try (AtomicFiles.Output out = AtomicFiles.open(devNull)) {
                assertThat(out.replacesAtomically()).isFalse();
                out.stream().write(1);
                out.commit();
            }
            assertThat(Files.isRegularFile(devNull)).as("still the device").isFalse();
        }
    }
}
