package org.kdplayground.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 and SHA-256 of what was written. */
final class Checksums {
    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha256 = digest("SHA-256");

    static Checksums of(Path file) {
        Checksums sums = new Checksums();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sums.update(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IOException e) {
            sums.md5.update((byte) 1); // unreadable: a mismatch, fetched again
        }
        return sums;
    }

    void update(ByteBuffer bytes) {
        md5.update(bytes.duplicate());
        sha256.update(bytes);
    }

    /** Why the file is not the published one, or null when it is (SHA-256 where published, MD5 always). */
    String mismatch(RemoteFile file) {
        HexFormat hex = HexFormat.of();
        String sha = hex.formatHex(sha256.digest());
        String md = hex.formatHex(md5.digest());
        if (file.sha256() != null && !file.sha256().equals(sha)) {
            return "SHA-256 " + sha.substring(0, 12) + "…, expected " + file.sha256().substring(0, 12) + "…";
        }
        if (!file.md5().equals(md)) {
            return "MD5 " + md + ", expected " + file.md5();
        }
        return null;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
