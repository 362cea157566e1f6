package org.kdplayground.cli;

/** Exit codes of the command line, so scripts can tell what went wrong. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A run failed for a reason not listed below. */
    public static final int FAILURE = 1;
    /** Bad options or arguments (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** An input file is missing, unreadable or malformed. */
    public static final int BAD_INPUT = 3;
    /** The training engine (DJL/PyTorch) could not start. */
    public static final int ENGINE_UNAVAILABLE = 4;
    /** Training diverged (NaN or infinite loss). */
    public static final int DIVERGED = 5;
    /**
     * A download failed on the way: no network, the host unreachable, an HTTP error, a body cut short, a lost
     * connection or a checksum that does not match. (A data folder that cannot be written is {@link #BAD_INPUT}.)
     */
    public static final int DOWNLOAD_FAILED = 6;
    /** Cancelled by the user (Ctrl+C). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
