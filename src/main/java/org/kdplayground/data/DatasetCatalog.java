package org.kdplayground.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kdplayground.AppFolders;

/**
 * The built-in data sets the GUI offers and a JSON configuration names ({@code "name": "two-moons"}), with the
 * defaults a {@link DatasetSpec} falls back to. Display names are plain English; the GUI translates them itself.
 */
public enum DatasetCatalog {
    TWO_MOONS("two-moons", "Two moons", Kind.SYNTHETIC, 1000, 0.2, 2),
    SPIRALS("spirals", "Spirals", Kind.SYNTHETIC, 1000, 0.05, 3),
    CIRCLES("circles", "Circles", Kind.SYNTHETIC, 1000, 0.1, 2),
    BLOBS("blobs", "Gaussian blobs", Kind.SYNTHETIC, 1000, 0.8, 3),
    XOR("xor", "XOR", Kind.SYNTHETIC, 1000, 0.1, 2),
    DIGITS_8X8("digits-8x8", "Handwritten digits 8x8", Kind.BUNDLED, 0, 0, 10),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", Kind.IDX_FOLDER, 10_000, 0, 10),
    MNIST("mnist", "MNIST", Kind.IDX_FOLDER, 10_000, 0, 10),
    DRAWN("drawn", "Drawn points", Kind.DRAWN, 0, 0, 2),
    CSV("csv", "CSV table", Kind.TABLE, 0, 0, 2);

    /** Where a data set comes from, which decides which spec fields matter. */
    public enum Kind {
        /** Generated: size, noise, seed and (spirals, blobs) k all matter. */
        SYNTHETIC,
        /** Shipped in the app: size (0 = all) and seed (for splits) matter. */
        BUNDLED,
        /** Read from IDX files in a folder: size is the number of examples read, seed is for splits. */
        IDX_FOLDER,
        /** Points drawn by the user, held in the spec ({@link DrawnPoints}); seed is for splits. */
        DRAWN,
        /** A user's CSV table ({@link CsvTable}); seed is for splits. */
        TABLE
    }

    private final String id;
    private final String displayName;
    private final Kind kind;
    private final int defaultSize;
    private final double defaultNoise;
    private final int defaultK;

    DatasetCatalog(String id, String displayName, Kind kind, int defaultSize, double defaultNoise, int defaultK) {
        this.id = id;
        this.displayName = displayName;
        this.kind = kind;
        this.defaultSize = defaultSize;
        this.defaultNoise = defaultNoise;
        this.defaultK = defaultK;
    }

    /** The name used in specs, configurations and on the command line, e.g. "two-moons". */
    public String id() {
        return id;
    }

    /** An English name for menus. */
    public String displayName() {
        return displayName;
    }

    public Kind kind() {
        return kind;
    }

    /** Examples made or read by default; 0 means all there are. */
    public int defaultSize() {
        return defaultSize;
    }

    public double defaultNoise() {
        return defaultNoise;
    }

    /** Classes (arms, blobs) by default, or the fixed class count. */
    public int defaultK() {
        return defaultK;
    }

    /** Whether {@code k} can be chosen (spirals' arms, blobs' classes). */
    public boolean hasVariableK() {
        return this == SPIRALS || this == BLOBS;
    }

    /** Whether each example is an image the GUI can draw (and should scale to [0, 1] rather than standardise). */
    public boolean isImage() {
        return kind == Kind.BUNDLED || kind == Kind.IDX_FOLDER;
    }

    /** Whether the data is the user's own (drawn points, a CSV table), carried by the spec rather than made. */
    public boolean isUsers() {
        return kind == Kind.DRAWN || kind == Kind.TABLE;
    }

    /**
     * The folders searched, in order, when a spec names none: the system-wide one (Debian's
     * {@code dataset-fashion-mnist} package for Fashion-MNIST), then the app's data folder, where a download puts
     * the files. Empty for sets not read from a folder.
     */
    public List<Path> searchFolders() {
        return switch (this) {
            case FASHION_MNIST -> List.of(MnistDatasets.DEFAULT_FASHION_FOLDER, downloadFolder());
            case MNIST -> List.of(MnistDatasets.DEFAULT_MNIST_FOLDER, downloadFolder());
            default -> List.of();
        };
    }

    /** Where a download puts this set: {@code <the app's data folder>/<id>}; null for sets not read from a folder. */
    public Path downloadFolder() {
        return kind == Kind.IDX_FOLDER ? AppFolders.data().resolve(id) : null;
    }

    /**
     * The folder read when a spec names none: the first of {@link #searchFolders()} that holds all four files, else
     * the download folder (where the files will be once downloaded); null for sets not read from a folder.
     */
    public Path defaultFolder() {
        for (Path folder : searchFolders()) {
            if (MnistDatasets.isAvailable(folder)) {
                return folder;
            }
        }
        return downloadFolder();
    }

    /** Whether this set can be read from a folder the app searches by itself (no folder chosen). */
    public boolean isInstalled() {
        return searchFolders().stream().anyMatch(MnistDatasets::isAvailable);
    }

    /** The spec with every default, seed 1. */
    public DatasetSpec defaultSpec() {
        return DatasetSpec.of(id);
    }

    /**
     * The entry with this id; case and {@code _} versus {@code -} are ignored ("TWO_MOONS" works too), so a
     * command-line value or an enum name both do.
     *
     * @throws DatasetException naming the known ids when none matches
     */
    public static DatasetCatalog fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DatasetCatalog entry : values()) {
                if (entry.id.equals(wanted)) {
                    return entry;
                }
            }
        }
        throw new DatasetException("unknown data set \"" + id + "\": choose one of " + ids());
    }

    /** The ids, comma-separated, for help texts and error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(DatasetCatalog::id).collect(Collectors.joining(", "));
    }
}
