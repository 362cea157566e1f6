package org.kdplayground.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a data set's files are downloaded from and the checksums they must have: a base URL and one
 * {@link RemoteFile} per file. The app ships one {@code <id>.sources} file per set beside this class; its text is
 * {@code base URL} and then {@code file NAME SIZE md5=HEX [sha256=HEX]} lines ({@code #} starts a comment).
 *
 * @param id    the data set's id ({@code fashion-mnist}, {@code mnist})
 * @param base  the URL the file names are resolved against
 * @param files the files, in the order they are fetched
 */
public record DataSource(String id, URI base, List<RemoteFile> files) {

    /**
     * Test-only: a folder whose {@code <id>.sources} files replace the shipped ones, so the command line can be
     * pointed at a local test server. Not for users: the shipped sources are the data sets' official hosts.
     */
    public static final String OVERRIDE_PROPERTY = "kdplayground.download.sources";

    public DataSource {
        Objects.requireNonNull(id);
        Objects.requireNonNull(base);
        files = List.copyOf(files);
    }

    /** The data set's sources: the shipped ones, or those of the {@value #OVERRIDE_PROPERTY} folder when it is set. */
    public static DataSource of(String id) {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        try {
            if (override != null && !override.isBlank()) {
                return parse(id, Files.readString(Path.of(override, id + ".sources"), StandardCharsets.UTF_8));
            }
            try (InputStream in = DataSource.class.getResourceAsStream(id + ".sources")) {
                if (in == null) {
                    throw new IllegalArgumentException("no download source for data set \"" + id + "\"");
                }
                return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the download sources of " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a sources text (see the class comment). */
    public static DataSource parse(String id, String text) {
        URI base = null;
        List<RemoteFile> files = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].equals("base") && words.length == 2) {
                base = URI.create(words[1].endsWith("/") ? words[1] : words[1] + "/");
            } else if (words[0].equals("file") && words.length >= 4) {
                String md5 = null;
                String sha256 = null;
                for (int i = 3; i < words.length; i++) {
                    String word = words[i].toLowerCase(Locale.ROOT);
                    if (word.startsWith("md5=")) {
                        md5 = word.substring(4);
                    } else if (word.startsWith("sha256=")) {
                        sha256 = word.substring(7);
                    } else {
                        throw new IllegalArgumentException("sources of " + id + ": unknown checksum " + words[i]);
                    }
                }
                files.add(new RemoteFile(words[1], Long.parseLong(words[2]), md5, sha256));
            } else {
                throw new IllegalArgumentException("sources of " + id + ": cannot read the line \"" + line + "\"");
            }
        }
        if (base == null || files.isEmpty()) {
            throw new IllegalArgumentException("sources of " + id + ": a base URL and at least one file are needed");
        }
        return new DataSource(id, base, files);
    }

    /** The bytes all files are expected to hold together (the progress bar's whole). */
    public long totalSize() {
        return files.stream().mapToLong(RemoteFile::size).sum();
    }

    /** The URL of one file. */
    public URI uri(RemoteFile file) {
        return base.resolve(file.name());
    }

    /** The host the files come from, for messages. */
    public String host() {
        return base.getHost() == null ? base.toString() : base.getHost();
    }
}
