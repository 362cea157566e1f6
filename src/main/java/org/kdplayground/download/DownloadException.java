package org.kdplayground.download;

import java.util.Locale;

/**
 * Why a download failed, as a {@link Kind} a screen translates and an English line for the command line and the
 * log. Whatever the kind, no file the loader would read was left behind: the {@code .part} file is deleted.
 */
public final class DownloadException extends Exception {

    /** What went wrong, one translated message each. */
    public enum Kind {
        /** No connection could be made: no network, an unknown host, a refused connection, no answer in time. */
        UNREACHABLE,
        /** HTTP 404: the server has no such file. */
        NOT_FOUND,
        /** Another HTTP status than 200. */
        HTTP_STATUS,
        /** The server closed the connection before sending all the bytes it announced. */
        TRUNCATED,
        /** The connection broke off, or no byte arrived for the read timeout, in the middle of a file. */
        CONNECTION_LOST,
        /** The file arrived whole but is not the published file. */
        CHECKSUM,
        /** The data folder cannot be written: a full disk, no permission. */
        DISK,
        /** The user cancelled. */
        CANCELLED
    }

    private final Kind kind;
    private final String file;
    private final String host;
    private final long number;
    private final long total;

    /**
     * @param number the HTTP status (HTTP_STATUS), the bytes received (TRUNCATED, CONNECTION_LOST), else 0
     * @param total  the bytes announced (TRUNCATED, CONNECTION_LOST), else 0
     * @param detail what the English line adds in brackets, or null
     */
    public DownloadException(Kind kind, String file, String host, long number, long total, String detail,
                      Throwable cause) {
        super(english(kind, file, host, number, total, detail), cause);
        this.kind = kind;
        this.file = file;
        this.host = host;
        this.number = number;
        this.total = total;
    }

    public Kind kind() {
        return kind;
    }

    /** The file being fetched when it failed. */
    public String file() {
        return file;
    }

    /** The server's host name. */
    public String host() {
        return host;
    }

    /** The HTTP status (HTTP_STATUS) or the bytes received (TRUNCATED, CONNECTION_LOST). */
    public long number() {
        return number;
    }

    /** The bytes the server announced (TRUNCATED, CONNECTION_LOST; -1 when it did not say). */
    public long total() {
        return total;
    }

    /** A size as messages show it, in every language: "26.4 MB", "29.5 kB", "812 B". */
    public static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
        return bytes >= 1_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1_000.0) : bytes + " B";
    }

    private static String english(Kind kind, String file, String host, long number, long total, String detail) {
        String why = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
        return switch (kind) {
            case UNREACHABLE -> host + " cannot be reached" + why + ": check the network connection and try again";
            case NOT_FOUND -> file + " is not on " + host + " (HTTP 404)";
            case HTTP_STATUS -> host + " answered HTTP " + number + " for " + file + ": try again later";
            case TRUNCATED -> file + ": the server closed the connection after " + size(number) + " of "
                    + size(total) + "; nothing was kept, try again";
            case CONNECTION_LOST -> file + ": the connection to " + host + " was lost after " + size(number)
                    + why + "; nothing was kept, try again";
            case CHECKSUM -> file + " does not match its published checksum" + why + "; it was not kept";
            case DISK -> "the data folder cannot be written" + why + "; nothing half-written was kept";
            case CANCELLED -> "download cancelled; nothing half-written was kept";
        };
    }
}
