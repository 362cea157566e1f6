package org.kdplayground.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * Writes a file whole or not at all: into a temporary file in the same folder, then renamed over the target, so a
 * crash or a full disk mid-write leaves the old file as it was.
 */
public final class AtomicFiles {

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path file, Content content) throws IOException {
        try (Output out = open(file, stream -> stream)) {
            content.writeTo(out.stream());
            out.commit();
        }
    }

    /**
     * A file being written: its content goes to a temporary file beside it, {@link #commit()} renames that over the
     * target, and {@link #close()} without a commit deletes it, leaving the target as it was. A target that exists
     * and is not a regular file (a device such as {@code /dev/stdout}) is written directly.
     */
    public static final class Output implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final OutputStream stream;
        private boolean done;

        private Output(Path target, Path temp, OutputStream stream) {
            this.target = target;
            this.temp = temp;
            this.stream = stream;
        }

        public OutputStream stream() {
            return stream;
        }

        /** Whether the target is replaced only at the commit (false for a device written directly). */
        public boolean replacesAtomically() {
            return temp != null;
        }

        /** Closes the stream and puts the file in place. */
        public void commit() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                stream.close();
                if (temp != null) {
                    try {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        /** Without a commit: drops what was written; the target stays as it was. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                stream.close();
            } catch (IOException e) {
                // the write failed already (a full disk): what is left to drop is the temporary file
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /** Opens a file for writing whole or not at all (see {@link Output}). */
    public static Output open(Path file) throws IOException {
        return open(file, stream -> stream);
    }

    /** The same, with the stream wrapped (tests put a failing stream between to act as a full disk). */
    static Output open(Path file, UnaryOperator<OutputStream> wrap) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new Output(target, null, wrap.apply(Files.newOutputStream(target)));
        }
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            return new Output(target, temp, wrap.apply(Files.newOutputStream(temp)));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
