package org.kdplayground.data;

import java.nio.file.Path;

/**
 * A data set could not be read or made. Unchecked so that callers (GUI, command line) handle it where they
 * report errors, not at every call; the message is one plain-English line that names the file (or the setting)
 * and the problem, fit to show a user as it is, e.g.
 * {@code "train-labels-idx1-ubyte.gz: truncated: expected 60000 labels, found 12"}.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with one file: the message starts with the file's name (not its whole path, which is noise). */
    static DatasetException inFile(Path file, String problem) {
        return new DatasetException(fileName(file) + ": " + problem);
    }

    static DatasetException inFile(String source, String problem) {
        return new DatasetException(source + ": " + problem);
    }

    static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
