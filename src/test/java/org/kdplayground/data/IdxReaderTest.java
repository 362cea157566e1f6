package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    private static final List<String> TEN = MnistDatasets.DIGIT_CLASS_NAMES;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip = {0}")
    @ValueSource(booleans = {false, true})
    void roundTripsImagesAndLabels(boolean gzip) throws IOException {
        byte[] images = IdxFiles.images(5, 3, 4);
        byte[] labels = IdxFiles.labels(3, 1, 4, 1, 9);
        Path imagesFile = IdxFiles.write(dir, "img" + (gzip ? ".gz" : ""), gzip ? IdxFiles.gzip(images) : images);
        Path labelsFile = IdxFiles.write(dir, "lbl" + (gzip ? ".gz" : ""), gzip ? IdxFiles.gzip(labels) : labels);

        Dataset data = IdxReader.read(imagesFile, labelsFile, 0, "tiny", TEN);

        assertThat(data.size()).isEqualTo(5);
        assertThat(data.imageHeight()).isEqualTo(3);
        assertThat(data.imageWidth()).isEqualTo(4);
        assertThat(data.featureCount()).isEqualTo(12);
        assertThat(data.labels()).containsExactly(3, 1, 4, 1, 9);
        for (int i = 0; i < 5; i++) {
            for (int p = 0; p < 12; p++) {
                assertThat(data.features()[i][p]).isEqualTo((float) IdxFiles.pixel(i, p));
            }
        }
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws IOException {
        Path imagesFile = IdxFiles.write(dir, "images-without-extension", IdxFiles.gzip(IdxFiles.images(2, 2, 2)));
        Path labelsFile = IdxFiles.write(dir, "labels.gz", IdxFiles.labels(0, 1));
        assertThat(IdxReader.read(imagesFile, labelsFile, 0, "x", TEN).size()).isEqualTo(2);
    }

    @Test
    void pixelsAbove127StayPositive() throws IOException {
        Path imagesFile = IdxFiles.write(dir, "img", IdxFiles.images(40, 2, 4));
        float max = 0;
        for (float[] row : IdxReader.readImages(imagesFile, 0).pixels()) {
            for (float v : row) {
                assertThat(v).isBetween(0f, 255f);
                max = Math.max(max, v);
            }
        }
        assertThat(max).isGreaterThan(200f);
    }

    @Test
    void readsOnlyTheFirstExamplesUpToTheLimit() throws IOException {
        Path imagesFile = IdxFiles.write(dir, "img.gz", IdxFiles.gzip(IdxFiles.images(20, 2, 2)));
        Path labelsFile = IdxFiles.write(dir, "lbl.gz", IdxFiles.gzip(IdxFiles.labels(IdxFiles.cycle(20))));

        Dataset data = IdxReader.read(imagesFile, labelsFile, 7, "x", TEN);

        assertThat(data.size()).isEqualTo(7);
        assertThat(data.labels()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(data.features()[6][0]).isEqualTo((float) IdxFiles.pixel(6, 0));
        assertThat(IdxReader.readImages(imagesFile, 100).pixels().length).isEqualTo(20);
        assertThat(IdxReader.readImages(imagesFile, 7).totalCount()).isEqualTo(20);
    }

    @Test
    void limitedReadIgnoresATruncatedTailItNeverReads() throws IOException {
        byte[] full = IdxFiles.images(10, 2, 2);
        Path imagesFile = IdxFiles.write(dir, "img", IdxFiles.cut(full, 16 + 4 * 5));
        assertThat(IdxReader.readImages(imagesFile, 5).pixels().length).isEqualTo(5);
    }

    @Test
    void wrongMagicNamesTheFileAndBothNumbers() throws IOException {
        Path labelsFile = IdxFiles.write(dir, "train-labels-idx1-ubyte", IdxFiles.labels(1, 2));
        Path junk = IdxFiles.write(dir, "junk.bin", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        assertThatThrownBy(() -> IdxReader.readImages(labelsFile, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("train-labels-idx1-ubyte: wrong magic number 0x00000801 (bytes 0 to 3),"
                        + " expected 0x00000803")
                .hasMessageContaining("labels file");
        assertThatThrownBy(() -> IdxReader.readLabels(junk, 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("junk.bin: wrong magic number 0x01020304 (bytes 0 to 3)");
    }

    @Test
    void truncatedLabelsSayHowManyWereExpectedAndFound() throws IOException {
        Path file = IdxFiles.write(dir, "train-labels-idx1-ubyte.gz",
                IdxFiles.gzip(IdxFiles.labelsWithHeader(IdxReader.LABELS_MAGIC, 60000, IdxFiles.cycle(12))));

        assertThatThrownBy(() -> IdxReader.readLabels(file, 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessage("train-labels-idx1-ubyte.gz: truncated: expected 60000 labels, found 12 (the unpacked"
                        + " data end at byte 20)");
    }

    @Test
    void truncatedImagesSayHowManyWereExpectedAndFound() throws IOException {
        Path raw = IdxFiles.write(dir, "train-images-idx3-ubyte",
                IdxFiles.images(IdxReader.IMAGES_MAGIC, 9, 2, 2, 3));
        // a gzip stream cut in the middle: the reader sees the end of the data early
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 10, 10));
        Path cutGzip = IdxFiles.write(dir, "t10k-images-idx3-ubyte.gz", IdxFiles.cut(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(raw, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessage("train-images-idx3-ubyte: truncated: expected 9 images, found 3 (the data end at byte 28)");
        assertThatThrownBy(() -> IdxReader.readImages(cutGzip, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("t10k-images-idx3-ubyte.gz: truncated: expected 50 images, found ");
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path file = IdxFiles.write(dir, "img", IdxFiles.cut(IdxFiles.images(3, 2, 2), 10));
        Path magicOnly = IdxFiles.write(dir, "lbl", new byte[] {0, 0, 8});

        assertThatThrownBy(() -> IdxReader.readImages(file, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessage("img: truncated: the header ends before the image height (bytes 8 to 11)");
        assertThatThrownBy(() -> IdxReader.readLabels(magicOnly, 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("lbl: truncated:");
    }

    @Test
    void gzipCutInsideItsHeaderIsTruncated() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(3, 2, 2));
        Path file = IdxFiles.write(dir, "img.gz", IdxFiles.cut(gz, 12));
        assertThatThrownBy(() -> IdxReader.readImages(file, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("img.gz: truncated");
    }

    @Test
    void emptyFileIsReported() throws IOException {
        Path file = IdxFiles.write(dir, "train-images-idx3-ubyte", new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(file, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessage("train-images-idx3-ubyte: empty file");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("nowhere-labels"), 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("nowhere-labels: file not found");
    }

    @Test
    void labelOutOfRangeNamesTheLabelAndExample() throws IOException {
        Path file = IdxFiles.write(dir, "train-labels-idx1-ubyte", IdxFiles.labels(1, 2, 12, 3));
        assertThatThrownBy(() -> IdxReader.readLabels(file, 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessage("train-labels-idx1-ubyte: label 12 of example 2 (byte 10) is out of range: expected 0..9");
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() throws IOException {
        Path imagesFile = IdxFiles.write(dir, "train-images-idx3-ubyte", IdxFiles.images(4, 2, 2));
        Path labelsFile = IdxFiles.write(dir, "train-labels-idx1-ubyte", IdxFiles.labels(1, 2, 3));

        assertThatThrownBy(() -> IdxReader.read(imagesFile, labelsFile, 0, "x", TEN))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("train-images-idx3-ubyte holds 4 images but train-labels-idx1-ubyte holds"
                        + " 3 labels");
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(3, 2, 2));
        for (int i = 10; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xff;
        }
        Path file = IdxFiles.write(dir, "img.gz", gz);
        assertThatThrownBy(() -> IdxReader.readImages(file, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("img.gz: ");
    }

    /** A damaged download is refused even where the examples asked for come before the damage. */
    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, 2})
    void aGzipFileWhoseChecksumFailsIsRefusedEvenWhenOnlyItsFirstExamplesAreRead(int limit) throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 4, 4));
        gz[gz.length - 8] ^= 0x5a; // the trailer's CRC-32 no longer matches the data
        Path images = IdxFiles.write(dir, "train-images-idx3-ubyte.gz", gz);
        assertThatThrownBy(() -> IdxReader.readImages(images, limit))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("train-images-idx3-ubyte.gz: corrupt gzip data")
                .hasMessageContaining("download it again");
        byte[] labels = IdxFiles.gzip(IdxFiles.labels(1, 2, 3, 4, 5, 6));
        labels[labels.length - 3] ^= 0x01; // the trailer's length no longer matches
        Path labelsFile = IdxFiles.write(dir, "train-labels-idx1-ubyte.gz", labels);
        assertThatThrownBy(() -> IdxReader.readLabels(labelsFile, 2, 10))
                .hasMessageStartingWith("train-labels-idx1-ubyte.gz: corrupt gzip data");
    }

    @Test
    void implausibleImageSizeIsReported() throws IOException {
        Path file = IdxFiles.write(dir, "img", IdxFiles.images(IdxReader.IMAGES_MAGIC, 1, 0, 28, 0));
        assertThatThrownBy(() -> IdxReader.readImages(file, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessage("img: implausible image size 28x0 (bytes 8 to 15 of the header)");
    }

    /**
     * Found by IdxReaderFuzzTest: a header announcing two billion examples made the reader allocate for all of them
     * before reading one (an OutOfMemoryError); a raw file is now measured against its header first, and a gzip file,
     * whose unpacked size is unknown, against the memory this VM has.
     */
    @Test
    void aHeaderAnnouncingTwoBillionExamplesIsRefusedWithoutRunningOutOfMemory() throws IOException {
        Path labels = IdxFiles.write(dir, "lbl", IdxFiles.labelsWithHeader(IdxReader.LABELS_MAGIC,
                Integer.MAX_VALUE, new int[0]));
        assertThatThrownBy(() -> IdxReader.readLabels(labels, 0, 10))
                .isInstanceOf(DatasetException.class)
                .hasMessage("lbl: truncated: expected 2147483647 labels, found 0 (the data end at byte 8)");
        Path images = IdxFiles.write(dir, "img.gz", IdxFiles.gzip(IdxFiles.images(IdxReader.IMAGES_MAGIC,
                Integer.MAX_VALUE, 28, 28, 1)));
        assertThatThrownBy(() -> IdxReader.readImages(images, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("img.gz: its header announces 2,147,483,647 examples, which need about")
                .hasMessageContaining("the file is damaged");
        Path fewLabels = IdxFiles.write(dir, "few.gz", IdxFiles.gzip(IdxFiles.labelsWithHeader(
                IdxReader.LABELS_MAGIC, 5_000_000, IdxFiles.cycle(3))));
        assertThatThrownBy(() -> IdxReader.readLabels(fewLabels, 0, 10))
                .hasMessage("few.gz: truncated: expected 5000000 labels, found 3 (the unpacked data end at byte 11)");
    }
}
