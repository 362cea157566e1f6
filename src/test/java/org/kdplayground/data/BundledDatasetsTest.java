package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundledDatasetsTest {

    @Test
    void digits8x8Has1797ImagesOf64PixelsIn10Classes() {
        Dataset digits = BundledDatasets.digits8x8();

        assertThat(digits.name()).isEqualTo("digits-8x8");
        assertThat(digits.size()).isEqualTo(1797);
        assertThat(digits.featureCount()).isEqualTo(64);
        assertThat(digits.classCount()).isEqualTo(10);
        assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(digits.imageWidth()).isEqualTo(8);
        assertThat(digits.imageHeight()).isEqualTo(8);
        assertThat(digits.isImage()).isTrue();
    }

    @Test
    void digits8x8PixelsAreWholeNumbersFrom0To16AndEveryClassOccurs() {
        Dataset digits = BundledDatasets.digits8x8();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float[] row : digits.features()) {
            for (float v : row) {
                assertThat(v).isEqualTo((float) Math.rint(v));
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(16f);
        for (int count : digits.classCounts()) {
            assertThat(count).isBetween(170, 190);
        }
        // the first row of the file is a 0
        assertThat(digits.labels()[0]).isZero();
    }

    @Test
    void digits8x8ReturnsAFreshCopyEachCall() {
        Dataset a = BundledDatasets.digits8x8();
        a.features()[0][0] = 99;
        assertThat(BundledDatasets.digits8x8().features()[0][0]).isZero();
    }

    @Test
    void assetsCopyIsIdenticalToTheResourceAndCredited() throws IOException {
        Path asset = Path.of("assets/data/optdigits-8x8-1797.csv.gz");
        Path resource = Path.of("src/main/resources/org/kdplayground/data/optdigits-8x8-1797.csv.gz");
        assertThat(Files.readAllBytes(asset)).isEqualTo(Files.readAllBytes(resource));
        assertThat(Files.readString(Path.of("assets/data/README.md")))
                .contains("CC BY 4.0", "Alpaydin", "Kaynak", "1998");
        assertThat(BundledDatasets.DIGITS_8X8_CREDIT).contains("CC BY 4.0");
    }
}
