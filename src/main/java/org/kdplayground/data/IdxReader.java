package org.kdplayground.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST: an images file ({@code idx3-ubyte}, magic 0x00000803) and a
 * labels file ({@code idx1-ubyte}, magic 0x00000801), each raw or gzip-compressed (detected by the magic bytes,
 * not the name). Pixels stay raw (0..255) as floats; scale them with {@link Normalizer#unitRange(Dataset)}.
 *
 * <p>A {@code limit} reads only the first examples (the files are already shuffled), so the app can train on
 * 10,000 of 60,000 without reading the rest. Problems raise a {@link DatasetException} naming the file, e.g.
 * {@code "train-labels-idx1-ubyte.gz: truncated: expected 60000 labels, found 12"}.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_PIXELS = 1 << 20;

    private IdxReader() {
    }

    /**
     * Images read from an IDX file.
     *
     * @param pixels     one row-major row of {@code width * height} grey values (0..255) per image
     * @param totalCount how many images the file holds (more than {@code pixels.length} when limited)
     */
    public record Images(float[][] pixels, int width, int height, int totalCount) {
    }

    /** Reads the images and labels of one part of a data set into a {@link Dataset}. */
    public static Dataset read(Path imagesFile, Path labelsFile, int limit, String name, List<String> classNames) {
        int imageCount = headerCount(imagesFile, IMAGES_MAGIC);
        int labelCount = headerCount(labelsFile, LABELS_MAGIC);
        if (imageCount != labelCount) {
            throw new DatasetException(DatasetException.fileName(imagesFile) + " holds " + imageCount
                    + " images but " + DatasetException.fileName(labelsFile) + " holds " + labelCount
                    + " labels: they must come in pairs (train with train, t10k with t10k)");
        }
        Images images = readImages(imagesFile, limit);
        int[] labels = readLabels(labelsFile, limit, classNames.size());
        return new Dataset(name, images.pixels(), labels, classNames, images.width(), images.height());
    }

    /** Reads the first {@code limit} images ({@code limit <= 0}: all). */
    public static Images readImages(Path file, int limit) {
        try (DataInputStream in = open(file)) {
            int count = readHeader(in, file, IMAGES_MAGIC, "images");
            int height = readDimension(in, file, "the image height");
            int width = readDimension(in, file, "the image width");
            if (height <= 0 || width <= 0 || (long) height * width > MAX_PIXELS) {
                throw DatasetException.inFile(file, "implausible image size " + width + "x" + height);
            }
            int n = limited(count, limit);
            int pixelsPerImage = width * height;
            float[][] pixels = new float[n][];
            byte[] buffer = new byte[pixelsPerImage];
            for (int i = 0; i < n; i++) {
                if (readFully(in, buffer) < pixelsPerImage) {
                    throw truncated(file, n, i, "images");
                }
                float[] row = new float[pixelsPerImage];
                for (int p = 0; p < pixelsPerImage; p++) {
                    row[p] = buffer[p] & 0xff;
                }
                pixels[i] = row;
            }
            verifyToTheEnd(in, file);
            return new Images(pixels, width, height, count);
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    /**
     * Reads the first {@code limit} labels ({@code limit <= 0}: all), each of which must be below
     * {@code classCount}.
     */
    public static int[] readLabels(Path file, int limit, int classCount) {
        try (DataInputStream in = open(file)) {
            int count = readHeader(in, file, LABELS_MAGIC, "labels");
            int n = limited(count, limit);
            byte[] raw = new byte[n];
            int found = readFully(in, raw);
            if (found < n) {
                throw truncated(file, n, found, "labels");
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
                if (labels[i] >= classCount) {
                    throw DatasetException.inFile(file, "label " + labels[i] + " of example " + i
                            + " is out of range: expected 0.." + (classCount - 1));
                }
            }
            verifyToTheEnd(in, file);
            return labels;
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    /** The number of items a file's header announces, after checking its magic number. */
    static int headerCount(Path file, int magic) {
        try (DataInputStream in = open(file)) {
            return readHeader(in, file, magic, magic == IMAGES_MAGIC ? "images" : "labels");
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new DataInputStream(Compression.maybeGunzip(in));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static int readHeader(DataInputStream in, Path file, int expectedMagic, String what) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw DatasetException.inFile(file, "empty file");
        }
        int magic;
        try {
            magic = (first << 24) | (in.readUnsignedByte() << 16) | in.readUnsignedShort();
        } catch (EOFException e) {
            throw DatasetException.inFile(file, "truncated: the file ends inside its 4-byte magic number");
        }
        if (magic != expectedMagic) {
            String hint = magic == IMAGES_MAGIC ? " (this is an images file)"
                    : magic == LABELS_MAGIC ? " (this is a labels file)" : " (not an IDX file of this kind)";
            throw DatasetException.inFile(file, String.format(
                    "wrong magic number 0x%08X, expected 0x%08X for an IDX %s file%s", magic, expectedMagic, what,
                    hint));
        }
        int count = readDimension(in, file, "the number of " + what);
        if (count < 0) {
            throw DatasetException.inFile(file, "negative number of " + what + " (" + count + ") in the header");
        }
        return count;
    }

    private static int readDimension(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw DatasetException.inFile(file, "truncated: the header ends before " + what);
        }
    }

    /**
     * Reads a gzip file to its end, so the gzip trailer's CRC-32 and length check every byte, also those after the
     * examples asked for: a damaged download is refused instead of training on altered pixels. A raw file has no
     * checksum and is left as it is.
     */
    private static void verifyToTheEnd(InputStream in, Path file) throws IOException {
        if (!isGzip(file)) {
            return;
        }
        byte[] sink = new byte[1 << 16];
        while (in.read(sink) >= 0) {
            // decompressing is the check; GZIPInputStream throws at a bad block or trailer
        }
    }

    /** Whether a file starts with the gzip magic bytes 1f 8b. */
    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Reads until {@code buffer} is full or the data end; a gzip stream cut short counts as the end. */
    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        try {
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream"; report what was read
        }
        return total;
    }

    private static int limited(int count, int limit) {
        return limit <= 0 ? count : Math.min(count, limit);
    }

    private static DatasetException truncated(Path file, int expected, int found, String what) {
        return DatasetException.inFile(file, "truncated: expected " + expected + " " + what + ", found " + found);
    }

    private static DatasetException ioProblem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return DatasetException.inFile(file, "file not found (" + file.toAbsolutePath() + ")");
        }
        if (e instanceof EOFException) {
            return new DatasetException(DatasetException.fileName(file) + ": truncated: the data end early ("
                    + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(DatasetException.fileName(file) + ": corrupt gzip data (" + e.getMessage()
                    + "): the file is damaged; download it again", e);
        }
        return new DatasetException(DatasetException.fileName(file) + ": cannot read: " + e.getMessage(), e);
    }
}
