package org.kdplayground.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Crafts small IDX files for tests, well-formed or broken on purpose (the download tests serve them too). */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** Images whose pixel p of image i is {@code (i * 7 + p) % 256}: every value recognisable. */
    public static byte[] images(int count, int height, int width) {
        return images(IdxReader.IMAGES_MAGIC, count, height, width, count);
    }

    /** An images file announcing {@code announced} images but holding {@code actual} of them. */
    static byte[] images(int magic, int announced, int height, int width, int actual) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(announced);
            out.writeInt(height);
            out.writeInt(width);
            for (int i = 0; i < actual; i++) {
                for (int p = 0; p < height * width; p++) {
                    out.writeByte(pixel(i, p));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static int pixel(int image, int p) {
        return (image * 7 + p) % 256;
    }

    public static byte[] labels(int... labels) {
        return labelsWithHeader(IdxReader.LABELS_MAGIC, labels.length, labels);
    }

    static byte[] labelsWithHeader(int magic, int announced, int[] labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(announced);
            for (int label : labels) {
                out.writeByte(label);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    static Path write(Path folder, String name, byte[] data) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, data);
        return file;
    }

    /** Writes a complete MNIST-style folder: {@code trainCount} and {@code testCount} images of h x w. */
    static void writeFolder(Path folder, int trainCount, int testCount, int height, int width, boolean gzip)
            throws IOException {
        String ext = gzip ? ".gz" : "";
        write(folder, "train-images-idx3-ubyte" + ext, maybeGzip(images(trainCount, height, width), gzip));
        write(folder, "train-labels-idx1-ubyte" + ext, maybeGzip(labels(cycle(trainCount)), gzip));
        write(folder, "t10k-images-idx3-ubyte" + ext, maybeGzip(images(testCount, height, width), gzip));
        write(folder, "t10k-labels-idx1-ubyte" + ext, maybeGzip(labels(cycle(testCount)), gzip));
    }

    /** Labels 0, 1, ..., 9, 0, 1, ... */
    public static int[] cycle(int count) {
        int[] labels = new int[count];
        Arrays.setAll(labels, i -> i % 10);
        return labels;
    }

    private static byte[] maybeGzip(byte[] data, boolean gzip) {
        return gzip ? gzip(data) : data;
    }
}
