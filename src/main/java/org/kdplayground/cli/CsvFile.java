package org.kdplayground.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kdplayground.io.AtomicFiles;

/**
 * A command's {@code --out} CSV, written whole or not at all: rows go to a temporary file beside it and
 * {@link #commit} puts it in place, so a full disk (or any failed write) leaves an earlier file of that name as it
 * was, and says so in one line.
 */
final class CsvFile implements AutoCloseable {

    private final Path file;
    private final AtomicFiles.Output output;
    private final Writer writer;
    private final boolean existed;

    private CsvFile(Path file, AtomicFiles.Output output, boolean existed) {
        this.file = file;
        this.output = output;
        this.existed = existed;
        this.writer = new BufferedWriter(new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8));
    }

    /** @throws CliException (BAD_INPUT) when the file cannot be created, naming it */
    static CsvFile open(Path file) {
        boolean existed = Files.exists(file);
        try {
            return new CsvFile(file, AtomicFiles.open(file), existed);
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + file + " (" + e.getMessage() + ")");
        }
    }

    Writer writer() {
        return writer;
    }

    /**
     * Flushes the rows and puts the file in place.
     *
     * @param earlier a write that already failed (the reporter keeps its first error), or null
     * @throws CliException (FAILURE) naming the file and the reason, and that an earlier file is left as it was
     */
    void commit(IOException earlier) {
        try {
            if (earlier != null) {
                throw earlier;
            }
            writer.flush();
            output.commit();
        } catch (IOException e) {
            close();
            String kept = !output.replacesAtomically() ? ""
                    : existed ? "; the file that was there is left as it was" : "; nothing was written";
            throw new CliException(ExitCodes.FAILURE, "cannot write " + file + " (" + e.getMessage() + ")" + kept);
        }
    }

    /** Without a commit: what was written is dropped. */
    @Override
    public void close() {
        try {
            output.close();
        } catch (IOException e) {
            // nothing more to drop: the temporary file is gone or never was
        }
    }
}
