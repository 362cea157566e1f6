package org.kdplayground.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Bytes before the first image: magic, count, height, width. */
    private static final long IMAGES_HEADER = 16;
    /** Bytes before the first label: magic, count. */
    private static final long LABELS_HEADER = 8;

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
            int height = readDimension(in, file, "the image height", 8);
            int width = readDimension(in, file, "the image width", 12);
            if (height <= 0 || width <= 0 || (long) height * width > MAX_PIXELS) {
                throw DatasetException.inFile(file, "implausible image size " + width + "x" + height
                        + " (bytes 8 to 15 of the header)");
            }
            int n = limited(count, limit);
            int pixelsPerImage = width * height;
            checkBeforeReading(file, IMAGES_HEADER, n, pixelsPerImage, "images");
            List<float[]> pixels = new ArrayList<>(Math.min(n, 4096));
            byte[] buffer = new byte[pixelsPerImage];
            for (int i = 0; i < n; i++) {
                int found = readFully(in, buffer, pixelsPerImage);
                if (found < pixelsPerImage) {
                    throw truncated(file, n, i, "images", IMAGES_HEADER + (long) i * pixelsPerImage + found);
                }
                float[] row = new float[pixelsPerImage];
                for (int p = 0; p < pixelsPerImage; p++) {
                    row[p] = buffer[p] & 0xff;
                }
                pixels.add(row);
            }
            verifyToTheEnd(in, file);
            return new Images(pixels.toArray(float[][]::new), width, height, count);
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
            checkBeforeReading(file, LABELS_HEADER, n, 1, "labels");
            int[] labels = new int[Math.min(n, 1 << 16)];
            byte[] chunk = new byte[Math.min(n, 1 << 16)];
            int read = 0;
            while (read < n) {
                int want = Math.min(chunk.length, n - read);
                int found = readFully(in, chunk, want);
                if (read + found > labels.length) {
                    labels = Arrays.copyOf(labels, (int) Math.min(n, Math.max(2L * labels.length, read + found)));
                }
                for (int i = 0; i < found; i++) {
                    int label = chunk[i] & 0xff;
                    if (label >= classCount) {
                        throw DatasetException.inFile(file, "label " + label + " of example " + (read + i)
                                + " (byte " + (LABELS_HEADER + read + i) + ") is out of range: expected 0.."
                                + (classCount - 1));
                    }
                    labels[read + i] = label;
                }
                read += found;
                if (found < want) {
                    throw truncated(file, n, read, "labels", LABELS_HEADER + read);
                }
            }
            verifyToTheEnd(in, file);
            return labels;
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    /**
     * Before any example is read: a raw file must hold the examples its header announces (a gzip file is checked as
     * it is read), and this VM must have room for them, so a damaged header is one clear line, not an
     * OutOfMemoryError.
     */
    private static void checkBeforeReading(Path file, long headerBytes, int n, int bytesPerExample, String what)
            throws IOException {
        if (!isGzip(file)) {
            long size = Files.size(file);
            long need = headerBytes + (long) n * bytesPerExample;
            if (size < need) {
                int found = (int) Math.max(0, (size - headerBytes) / bytesPerExample);
                throw truncated(file, n, found, what, size);
            }
        }
        MemoryBudget.checkFile(DatasetException.fileName(file), n, bytesPerExample, MemoryBudget.available());
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
            throw DatasetException.inFile(file, "truncated: the file ends inside its 4-byte magic number (bytes 0"
                    + " to 3)");
        }
        if (magic != expectedMagic) {
            String hint = magic == IMAGES_MAGIC ? " (this is an images file)"
                    : magic == LABELS_MAGIC ? " (this is a labels file)" : " (not an IDX file of this kind)";
            throw DatasetException.inFile(file, String.format(
                    "wrong magic number 0x%08X (bytes 0 to 3), expected 0x%08X for an IDX %s file%s", magic,
                    expectedMagic, what, hint));
        }
        int count = readDimension(in, file, "the number of " + what, 4);
        if (count < 0) {
            throw DatasetException.inFile(file, "negative number of " + what + " (" + count + ") in the header"
                    + " (bytes 4 to 7)");
        }
        return count;
    }

    /** A header's 32-bit field at byte {@code offset}. */
    private static int readDimension(DataInputStream in, Path file, String what, int offset) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw DatasetException.inFile(file, "truncated: the header ends before " + what + " (bytes " + offset
                    + " to " + (offset + 3) + ")");
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

    /** Reads {@code length} bytes or until the data end; a gzip stream cut short counts as the end. */
    private static int readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(buffer, total, length - total);
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

    /** @param end the byte where the data end (of the unpacked data for a gzip file) */
    private static DatasetException truncated(Path file, int expected, int found, String what, long end) {
        boolean gzip;
        try {
            gzip = isGzip(file);
        } catch (IOException e) {
            gzip = false;
        }
        return DatasetException.inFile(file, "truncated: expected " + expected + " " + what + ", found " + found
                + " (the " + (gzip ? "unpacked " : "") + "data end at byte " + end + ")");
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
