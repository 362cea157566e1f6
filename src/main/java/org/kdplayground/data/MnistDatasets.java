package org.kdplayground.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and reads MNIST-format data sets (MNIST, Fashion-MNIST) in a folder by their standard file names:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, each with or without {@code .gz} (the variant spelled
 * {@code train-images.idx3-ubyte} is found too). Pixels are raw 0..255; images are 28x28 in both sets.
 */
public final class MnistDatasets {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_FASHION_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    /** A conventional place for MNIST; there is no package for it, so users usually choose a folder. */
    public static final Path DEFAULT_MNIST_FOLDER = Path.of("/usr/share/datasets/mnist");

    /** Fashion-MNIST's classes, in label order (Zalando Research). */
    public static final List<String> FASHION_CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** MNIST's classes: the digits. */
    public static final List<String> DIGIT_CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Which of the two standard parts to read. */
    public enum Part {
        /** 60,000 examples in the standard sets. */
        TRAIN("train"),
        /** 10,000 examples in the standard sets. */
        TEST("t10k");

        private final String prefix;

        Part(String prefix) {
            this.prefix = prefix;
        }

        /** The file-name prefix: "train" or "t10k". */
        public String prefix() {
            return prefix;
        }
    }

    private MnistDatasets() {
    }

    /** Reads Fashion-MNIST's {@code part} from {@code folder}, at most {@code limit} examples (<= 0: all). */
    public static Dataset fashion(Path folder, Part part, int limit) {
        return load(folder, part, limit, "fashion-mnist", FASHION_CLASS_NAMES);
    }

    /** Reads MNIST's {@code part} from {@code folder}, at most {@code limit} examples (<= 0: all). */
    public static Dataset mnist(Path folder, Part part, int limit) {
        return load(folder, part, limit, "mnist", DIGIT_CLASS_NAMES);
    }

    /** Reads any MNIST-format set with ten or fewer classes from a folder holding the standard file names. */
    public static Dataset load(Path folder, Part part, int limit, String name, List<String> classNames) {
        return IdxReader.read(imagesFile(folder, part), labelsFile(folder, part), limit, name, classNames);
    }

    /** Whether {@code folder} holds all four files, so the GUI can offer the set only when it can be read. */
    public static boolean isAvailable(Path folder) {
        for (Part part : Part.values()) {
            if (find(folder, part.prefix() + "-images", "idx3-ubyte") == null
                    || find(folder, part.prefix() + "-labels", "idx1-ubyte") == null) {
                return false;
            }
        }
        return true;
    }

    /** The images file of {@code part} in {@code folder}; a {@link DatasetException} says what is missing. */
    public static Path imagesFile(Path folder, Part part) {
        return locate(folder, part.prefix() + "-images", "idx3-ubyte");
    }

    /** The labels file of {@code part} in {@code folder}. */
    public static Path labelsFile(Path folder, Part part) {
        return locate(folder, part.prefix() + "-labels", "idx1-ubyte");
    }

    private static Path locate(Path folder, String stem, String kind) {
        if (!Files.isDirectory(folder)) {
            String hint = folder.equals(DEFAULT_FASHION_FOLDER)
                    ? " (install it with `apt-get install dataset-fashion-mnist`, or choose the folder holding the"
                      + " IDX files)"
                    : downloadHint(folder);
            throw new DatasetException(folder + ": folder not found" + hint);
        }
        Path found = find(folder, stem, kind);
        if (found == null) {
            String hint = downloadHint(folder);
            throw new DatasetException(stem + "-" + kind + ": file not found in " + folder + " (looked for "
                    + stem + "-" + kind + " and " + stem + "-" + kind + ".gz)"
                    + (hint.startsWith(" (download") ? hint : ""));
        }
        return found;
    }

    /** For the app's download folder of a set: how to get the set; else: choose a folder. */
    private static String downloadHint(Path folder) {
        for (DatasetCatalog entry : DatasetCatalog.values()) {
            if (folder.equals(entry.downloadFolder())) {
                return " (download it with the training screen's Download button or `kd-playground data get "
                        + entry.id() + "`, or choose the folder holding the IDX files)";
            }
        }
        return " (choose the folder holding the IDX files)";
    }

    private static Path find(Path folder, String stem, String kind) {
        for (String name : List.of(stem + "-" + kind + ".gz", stem + "-" + kind, stem + "." + kind + ".gz",
                stem + "." + kind)) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
