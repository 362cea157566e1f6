package org.kdplayground.download;

import java.util.Objects;

/**
 * One file of a data set's download: its name on the server and on disk, its expected size (for progress; the
 * checksum decides) and its published checksums, lower-case hex. SHA-256 is checked when known, MD5 always.
 */
public record RemoteFile(String name, long size, String md5, String sha256) {

    public RemoteFile {
        Objects.requireNonNull(name);
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a file name without folders is needed, got " + name);
        }
        if (md5 == null || !md5.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException(name + ": an MD5 of 32 hex digits is needed, got " + md5);
        }
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + ": a SHA-256 of 64 hex digits is needed, got " + sha256);
        }
    }
}
