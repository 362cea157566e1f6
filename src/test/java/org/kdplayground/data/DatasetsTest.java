package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void catalogListsTheBuiltInChoices() {
        assertThat(Arrays.stream(DatasetCatalog.values()).map(DatasetCatalog::id)).containsExactly("two-moons",
                "spirals", "circles", "blobs", "xor", "digits-8x8", "fashion-mnist", "mnist", "drawn", "csv");
        assertThat(DatasetCatalog.fromId("TWO_MOONS")).isEqualTo(DatasetCatalog.TWO_MOONS);
        assertThat(DatasetCatalog.fromId(" Fashion-MNIST ")).isEqualTo(DatasetCatalog.FASHION_MNIST);
        assertThat(DatasetCatalog.FASHION_MNIST.defaultFolder()).isEqualTo(MnistDatasets.DEFAULT_FASHION_FOLDER);
        assertThat(DatasetCatalog.DIGITS_8X8.isImage()).isTrue();
        assertThat(DatasetCatalog.XOR.isImage()).isFalse();
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> DatasetCatalog.fromId("moons"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("unknown data set \"moons\": choose one of two-moons, spirals, circles, blobs, xor, "
                        + "digits-8x8, fashion-mnist, mnist, drawn, csv");
    }

    @ParameterizedTest
    @EnumSource(value = DatasetCatalog.class, names = {"TWO_MOONS", "SPIRALS", "CIRCLES", "BLOBS", "XOR",
            "DIGITS_8X8"})
    void everyBundledOrSyntheticChoiceLoadsFromItsDefaultSpec(DatasetCatalog entry) {
        Dataset data = Datasets.load(entry.defaultSpec());
        assertThat(data.name()).isEqualTo(entry.id());
        assertThat(data.size()).isEqualTo(entry == DatasetCatalog.DIGITS_8X8 ? 1797 : entry.defaultSize());
        assertThat(data.classCount()).isEqualTo(entry.defaultK());
    }

    @Test
    void specFromAJsonStyleMapTakesDefaultsForMissingKeys() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "two-moons");
        json.put("size", 1000);
        json.put("noise", 0.2);
        json.put("seed", 1);
        DatasetSpec spec = DatasetSpec.fromMap(json);

        assertThat(spec).isEqualTo(new DatasetSpec("two-moons", 1000, 0.2, 1, 2, null));
        assertThat(Datasets.load(spec).features())
                .isDeepEqualTo(SyntheticDatasets.twoMoons(1000, 0.2, 1).features());
        DatasetSpec spirals = DatasetSpec.fromMap(Map.of("name", "spirals", "k", 5));
        assertThat(spirals.size()).isEqualTo(1000);
        assertThat(spirals.noise()).isEqualTo(DatasetCatalog.SPIRALS.defaultNoise());
        assertThat(spirals.seed()).isEqualTo(DatasetSpec.DEFAULT_SEED);
        assertThat(Datasets.load(spirals).classCount()).isEqualTo(5);
        assertThat(DatasetSpec.fromMap(spirals.toMap())).isEqualTo(spirals);
    }

    @Test
    void specFillsDefaultsAndNormalisesTheName() {
        DatasetSpec spec = new DatasetSpec("FASHION_MNIST", 0, Double.NaN, 3, 0, null);
        assertThat(spec.name()).isEqualTo("fashion-mnist");
        assertThat(spec.size()).isEqualTo(10_000);
        assertThat(spec.k()).isEqualTo(10);
        assertThat(spec.folder()).isEqualTo(MnistDatasets.DEFAULT_FASHION_FOLDER);
        assertThat(DatasetSpec.of("two-moons").withK(7).k()).isEqualTo(2); // two moons have two classes
        assertThat(DatasetSpec.of("blobs").withK(7).withNoise(0).withSeed(9).withSize(50))
                .isEqualTo(new DatasetSpec("blobs", 50, 0, 9, 7, null));
    }

    @Test
    void badSpecsAreReportedPlainly() {
        assertThatThrownBy(() -> DatasetSpec.fromMap(Map.of("size", 10)))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("dataset: \"name\" is missing");
        assertThatThrownBy(() -> DatasetSpec.fromMap(Map.of("name", "xor", "nosie", 0.1)))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("dataset: unknown setting \"nosie\"");
        assertThatThrownBy(() -> DatasetSpec.fromMap(Map.of("name", "xor", "size", "many")))
                .isInstanceOf(DatasetException.class)
                .hasMessage("dataset: \"size\" must be a number, got \"many\"");
        assertThatThrownBy(() -> DatasetSpec.fromMap(Map.of("name", "xor", "size", 10.5)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DatasetSpec.of("xor").withNoise(-1))
                .isInstanceOf(DatasetException.class).hasMessageContaining("noise");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("name", null);
        assertThatThrownBy(() -> DatasetSpec.fromMap(withNull)).isInstanceOf(DatasetException.class);
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.of("spirals").withSize(1)))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("dataset spirals: size must be");
    }

    @Test
    void idxSetsLoadFromTheSpecFolderAndSplitTrainAndT10k() throws IOException {
        IdxFiles.writeFolder(dir, 40, 20, 28, 28, true);
        DatasetSpec spec = DatasetSpec.of("fashion-mnist").withFolder(dir).withSize(30);

        assertThat(Datasets.load(spec).size()).isEqualTo(30);
        Split split = Datasets.loadSplit(spec, 0.2, 0.5);
        assertThat(split.train().size()).isEqualTo(24);
        assertThat(split.test().size()).isEqualTo(6);
        assertThat(split.test().features()[0][0]).isEqualTo((float) IdxFiles.pixel(0, 0));
        assertThat(split.labelledCount()).isEqualTo(12);
        assertThat(split.test().classNames()).isEqualTo(MnistDatasets.FASHION_CLASS_NAMES);
    }

    @Test
    void missingIdxFolderIsADatasetException() {
        DatasetSpec spec = DatasetSpec.of("mnist").withFolder(dir.resolve("none"));
        assertThatThrownBy(() -> Datasets.load(spec)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("folder not found");
    }

    @Test
    void loadSplitOfASyntheticSetIsSeededBySpec() {
        DatasetSpec spec = DatasetSpec.of("circles").withSize(200).withSeed(4);
        Split a = Datasets.loadSplit(spec, 0.25, 0.5);
        Split b = Datasets.loadSplit(spec, 0.25, 0.5);
        assertThat(a.test().size()).isEqualTo(50);
        assertThat(a.train().features()).isDeepEqualTo(b.train().features());
        assertThat(a.labelled()).isEqualTo(b.labelled());
    }

    @Test
    void digitsSpecWithASizeTakesTheFirstRows() {
        Dataset digits = Datasets.load(DatasetSpec.of("digits-8x8").withSize(100));
        assertThat(digits.size()).isEqualTo(100);
        assertThat(digits.imageWidth()).isEqualTo(8);
    }
}
