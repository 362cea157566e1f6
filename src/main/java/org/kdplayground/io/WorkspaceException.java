package org.kdplayground.io;

/** A workspace file that cannot be opened: what kind of problem it is, and a technical detail for the message. */
public final class WorkspaceException extends Exception {

    /** Why the file cannot be used; the app turns each into its own translated message. */
    public enum Kind {
        /** The file could not be read or written at all. */
        UNREADABLE,
        /** Not JSON, or cut off. */
        NOT_JSON,
        /** JSON, but not a KD Playground workspace. */
        NOT_A_WORKSPACE,
        /** Written by a newer version of the format. */
        NEWER_VERSION,
        /** A workspace with a missing, mistyped or out-of-range value. */
        INVALID
    }

    private final Kind kind;
    private final String detail;

    public WorkspaceException(Kind kind, String detail) {
        super(kind + ": " + ExperimentException.oneLine(detail));
        this.kind = kind;
        this.detail = ExperimentException.oneLine(detail);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
