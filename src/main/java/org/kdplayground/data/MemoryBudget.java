package org.kdplayground.data;

import java.util.Locale;

/**
 * Refuses a data set too large for this Java VM before it is made or read, with the size asked, what it would need and
 * what the VM allows, so that a mistyped size is one clear line instead of an OutOfMemoryError.
 */
public final class MemoryBudget {

    /**
     * Bytes one example costs over a run, per feature: the raw rows and their normalised copy, as the training screen
     * keeps them (the engine reads those rows in place; the command line normalises image files in place, one copy).
     */
    static final long BYTES_PER_FEATURE = 2 * Float.BYTES;
    /** Bytes one example costs beyond its features: two row arrays' headers and references, labels, indices. */
    static final long BYTES_PER_EXAMPLE = 2 * (16 + 8) + 3 * Integer.BYTES;
    /** The share of the VM's free memory a data set may take; the rest is for the networks, charts and copies. */
    static final double SHARE = 0.75;

    private MemoryBudget() {
    }

    /** The features per example of a catalogue entry: 2 for the plane, 64 for 8x8 digits, 784 for 28x28 images. */
    public static int features(DatasetCatalog entry) {
        return switch (entry.kind()) {
            case SYNTHETIC, DRAWN -> 2;
            case TABLE -> 1; // a table's columns are known once it is opened: CsvTables checks it then
            case BUNDLED -> 64;
            case IDX_FOLDER -> 28 * 28;
        };
    }

    /** Bytes {@code examples} examples of {@code features} features need over a run. */
    static long bytesFor(long examples, int features) {
        return examples * (features * BYTES_PER_FEATURE + BYTES_PER_EXAMPLE);
    }

    /** Bytes this VM can still give: its maximum heap less what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * @throws DatasetException naming the data set, the size, what it needs and what this VM allows
     */
    static void check(DatasetCatalog entry, long examples) {
        check(entry.id(), examples, features(entry), available());
    }

    static void check(String name, long examples, int features, long availableBytes) {
        long need = bytesFor(examples, features);
        long allowed = (long) (availableBytes * SHARE);
        if (need > allowed) {
            throw new DatasetException(String.format(Locale.ROOT, "dataset %s: %,d examples need about %s of memory,"
                    + " more than the %s this Java VM can give them; ask for fewer examples (or start Java with a larger"
                    + " -Xmx)", name, examples, size(need), size(allowed)));
        }
    }

    /**
     * Refuses to read a file whose header announces more examples than this VM can hold, before any is read.
     *
     * @throws DatasetException naming the file, the count announced, what it needs and what this VM allows
     */
    static void checkFile(String fileName, long examples, int features, long availableBytes) {
        long need = bytesFor(examples, features);
        long allowed = (long) (availableBytes * SHARE);
        if (need > allowed) {
            throw new DatasetException(String.format(Locale.ROOT, "%s: its header announces %,d examples, which need"
                    + " about %s of memory, more than the %s this Java VM can give them; the file is damaged, or ask"
                    + " for fewer examples (or start Java with a larger -Xmx)", fileName, examples, size(need),
                    size(allowed)));
        }
    }

    /** Bytes as people read them, e.g. "1.2 GB" (powers of 1000). */
    public static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.0f MB", Math.max(1, bytes / 1e6));
    }
}
