package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void findsTheStandardFileNamesGzippedOrRaw() throws IOException {
        Path gz = Files.createDirectory(dir.resolve("gz"));
        Path raw = Files.createDirectory(dir.resolve("raw"));
        IdxFiles.writeFolder(gz, 12, 5, 28, 28, true);
        IdxFiles.writeFolder(raw, 12, 5, 28, 28, false);

        assertThat(MnistDatasets.imagesFile(gz, MnistDatasets.Part.TRAIN).getFileName())
                .hasToString("train-images-idx3-ubyte.gz");
        assertThat(MnistDatasets.labelsFile(raw, MnistDatasets.Part.TEST).getFileName())
                .hasToString("t10k-labels-idx1-ubyte");
        assertThat(MnistDatasets.isAvailable(gz)).isTrue();
        assertThat(MnistDatasets.isAvailable(raw)).isTrue();
        assertThat(MnistDatasets.fashion(gz, MnistDatasets.Part.TRAIN, 0).features())
                .isDeepEqualTo(MnistDatasets.fashion(raw, MnistDatasets.Part.TRAIN, 0).features());
    }

    @Test
    void fashionHasItsClassNamesAnd28x28Images() throws IOException {
        IdxFiles.writeFolder(dir, 12, 5, 28, 28, true);

        Dataset train = MnistDatasets.fashion(dir, MnistDatasets.Part.TRAIN, 0);
        Dataset test = MnistDatasets.fashion(dir, MnistDatasets.Part.TEST, 0);

        assertThat(train.name()).isEqualTo("fashion-mnist");
        assertThat(train.size()).isEqualTo(12);
        assertThat(test.size()).isEqualTo(5);
        assertThat(train.imageWidth()).isEqualTo(28);
        assertThat(train.featureCount()).isEqualTo(784);
        assertThat(train.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(MnistDatasets.mnist(dir, MnistDatasets.Part.TRAIN, 4).classNames()).first().isEqualTo("0");
        assertThat(MnistDatasets.mnist(dir, MnistDatasets.Part.TRAIN, 4).size()).isEqualTo(4);
    }

    @Test
    void findsTheDottedVariantOfTheNames() throws IOException {
        IdxFiles.write(dir, "train-images.idx3-ubyte", IdxFiles.images(3, 2, 2));
        IdxFiles.write(dir, "train-labels.idx1-ubyte", IdxFiles.labels(1, 2, 3));
        assertThat(MnistDatasets.mnist(dir, MnistDatasets.Part.TRAIN, 0).labels()).containsExactly(1, 2, 3);
    }

    @Test
    void missingFileNamesWhatWasLookedFor() throws IOException {
        IdxFiles.write(dir, "train-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(3, 2, 2)));

        assertThat(MnistDatasets.isAvailable(dir)).isFalse();
        assertThatThrownBy(() -> MnistDatasets.fashion(dir, MnistDatasets.Part.TRAIN, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("train-labels-idx1-ubyte: file not found in " + dir)
                .hasMessageContaining("train-labels-idx1-ubyte.gz");
    }

    @Test
    void missingFolderIsReportedWithAHint() {
        Path nowhere = dir.resolve("nowhere");
        assertThat(MnistDatasets.isAvailable(nowhere)).isFalse();
        assertThatThrownBy(() -> MnistDatasets.mnist(nowhere, MnistDatasets.Part.TEST, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(nowhere + ": folder not found");
    }
}
