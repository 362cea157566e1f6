package org.kdplayground.engine;

/**
 * A teacher and student that would not fit this machine's memory ({@link NetworkBudget}): the message names the
 * larger network, its size, what both need and what a run may take; {@link #needBytes} and {@link #allowedBytes}
 * are the figures, for a screen's own words.
 */
public final class NetworkTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long needBytes;
    private final long allowedBytes;

    public NetworkTooLargeException(String message, long needBytes, long allowedBytes) {
        super(message);
        this.needBytes = needBytes;
        this.allowedBytes = allowedBytes;
    }

    public long needBytes() {
        return needBytes;
    }

    public long allowedBytes() {
        return allowedBytes;
    }
}
