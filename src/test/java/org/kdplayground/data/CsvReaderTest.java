package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsFeaturesAndIntegerLabelsInTheLastColumnWithoutHeader() throws IOException {
        Path file = csv("data.csv", "1.5,2,0\n-3,4e-1,2\n\n5,6,1\n");

        Dataset data = CsvReader.defaults().read(file);

        assertThat(data.name()).isEqualTo("data");
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.features()).isDeepEqualTo(new float[][] {{1.5f, 2f}, {-3f, 0.4f}, {5f, 6f}});
        assertThat(data.labels()).containsExactly(0, 2, 1);
        assertThat(data.classNames()).containsExactly("0", "1", "2");
        assertThat(data.isImage()).isFalse();
    }

    @Test
    void detectsAHeaderRowAndReadsTheLabelColumnByName() throws IOException {
        Path file = csv("iris.csv", "species,sepal length,sepal width\nsetosa,5.1,3.5\nvirginica,6.3,3.3\n"
                + "setosa,4.9,3.0\n");

        Dataset data = CsvReader.defaults().withLabelColumn("Species").read(file);

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.features()[0]).containsExactly(5.1f, 3.5f);
        assertThat(data.classNames()).containsExactly("setosa", "virginica");
        assertThat(data.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void autoDetectsHeaderWhenLabelColumnIsGivenByIndex() throws IOException {
        Path withHeader = csv("h.csv", "label,x,y\n1,0.5,0.25\n0,1,2\n");
        Path without = csv("n.csv", "1,0.5,0.25\n0,1,2\n");

        Dataset a = CsvReader.defaults().withLabelColumn(0).read(withHeader);
        Dataset b = CsvReader.defaults().withLabelColumn(0).read(without);

        assertThat(a.features()).isDeepEqualTo(b.features());
        assertThat(a.labels()).containsExactly(1, 0).isEqualTo(b.labels());
    }

    @Test
    void stringLabelsAreNumberedInSortedOrderByDefaultOrFirstSeen() throws IOException {
        Path file = csv("fruit.csv", "1,2,pear\n3,4,apple\n5,6,pear\n7,8,fig\n");

        Dataset sorted = CsvReader.defaults().read(file);
        Dataset firstSeen = CsvReader.defaults().withLabelOrder(CsvReader.LabelOrder.FIRST_SEEN).read(file);

        assertThat(sorted.classNames()).containsExactly("apple", "fig", "pear");
        assertThat(sorted.labels()).containsExactly(2, 0, 2, 1);
        assertThat(firstSeen.classNames()).containsExactly("pear", "apple", "fig");
        assertThat(firstSeen.labels()).containsExactly(0, 1, 0, 2);
    }

    @Test
    void forcedHeaderAndOtherDelimiterAndQuotesAndGzip() throws IOException {
        Path semi = csv("semi.csv", "\"a\";\"b\";\"c\"\n\"1\";2;\"yes\"\n3;4;no\n");
        byte[] gz = IdxFiles.gzip("1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        Path gzFile = Files.write(dir.resolve("packed.csv.gz"), gz);

        Dataset a = CsvReader.defaults().withDelimiter(';').withHeader(CsvReader.Header.PRESENT).read(semi);
        Dataset b = CsvReader.defaults().read(gzFile);

        assertThat(a.features()).isDeepEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
        assertThat(a.classNames()).containsExactly("no", "yes");
        assertThat(b.name()).isEqualTo("packed");
        assertThat(b.labels()).containsExactly(0, 1);
    }

    @Test
    void numericFirstRowIsDataWhenHeaderIsAbsent() throws IOException {
        Path file = csv("d.csv", "1,2,0\n3,4,1\n");
        assertThat(CsvReader.defaults().withHeader(CsvReader.Header.ABSENT).read(file).size()).isEqualTo(2);
        assertThat(CsvReader.defaults().withHeader(CsvReader.Header.PRESENT).read(file).size()).isEqualTo(1);
    }

    @Test
    void raggedRowNamesFileLineAndColumnCounts() throws IOException {
        Path file = csv("data.csv", "x,y,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,10,0\n11,1\n");

        assertThatThrownBy(() -> CsvReader.defaults().read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("data.csv line 7: expected 3 columns, found 2");
    }

    @Test
    void nonNumericFeatureNamesFileLineAndColumn() throws IOException {
        Path file = csv("data.csv", "1,2,0\n3,abc,1\n");
        Path nan = csv("nan.csv", "1,2,0\n3,NaN,1\n");

        assertThatThrownBy(() -> CsvReader.defaults().read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("data.csv line 2, column 2: \"abc\" is not a number");
        assertThatThrownBy(() -> CsvReader.defaults().read(nan))
                .isInstanceOf(DatasetException.class)
                .hasMessage("nan.csv line 2, column 2: \"NaN\" is not a finite number");
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreReported() throws IOException {
        Path empty = csv("empty.csv", "");
        Path blank = csv("blank.csv", "\n  \n");
        Path headerOnly = csv("header.csv", "x,y,label\n");

        assertThatThrownBy(() -> CsvReader.defaults().read(empty))
                .isInstanceOf(DatasetException.class).hasMessage("empty.csv: empty file: no rows");
        assertThatThrownBy(() -> CsvReader.defaults().read(blank))
                .isInstanceOf(DatasetException.class).hasMessage("blank.csv: empty file: no rows");
        assertThatThrownBy(() -> CsvReader.defaults().read(headerOnly))
                .isInstanceOf(DatasetException.class).hasMessage("header.csv: no data rows after the header");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> CsvReader.defaults().read(dir.resolve("absent.csv")))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("absent.csv: file not found");
    }

    @Test
    void labelColumnProblemsAreReported() throws IOException {
        Path file = csv("d.csv", "x,y,label\n1,2,0\n");
        Path noHeader = csv("n.csv", "1,2,0\n");
        Path oneColumn = csv("one.csv", "1\n2\n");
        Path emptyLabel = csv("e.csv", "1,2,0\n3,4,\n");

        assertThatThrownBy(() -> CsvReader.defaults().withLabelColumn("class").read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("d.csv: no column named \"class\" in the header (x, y, label)");
        assertThatThrownBy(() -> CsvReader.defaults().withLabelColumn(5).read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("d.csv: label column 5 does not exist: the file has 3 columns");
        assertThatThrownBy(() -> CsvReader.defaults().withLabelColumn("label")
                        .withHeader(CsvReader.Header.ABSENT).read(noHeader))
                .isInstanceOf(DatasetException.class).hasMessageContaining("needs a header row");
        assertThatThrownBy(() -> CsvReader.defaults().read(oneColumn))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("one.csv line 1: found 1 column");
        assertThatThrownBy(() -> CsvReader.defaults().read(emptyLabel))
                .isInstanceOf(DatasetException.class)
                .hasMessage("e.csv line 2: the label (column 3) is empty");
    }

    @Test
    void hugeIntegerLabelIsOutOfRange() throws IOException {
        Path file = csv("big.csv", "1,2,0\n3,4,123456789\n");
        assertThatThrownBy(() -> CsvReader.defaults().read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("big.csv line 2, column 3: label 123456789 is too large for a class index (integer labels"
                        + " are class numbers 0..99999)");
    }

    /** Latin-1 text was read as U+FFFD in silence (a label "caf\uFFFD"); now the line and byte are named. */
    @Test
    void textThatIsNotUtf8IsRefusedWithItsLineAndByte() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "x,y,label\n1,2,tea\n3,4,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvReader.defaults().read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("latin1.csv line 3, byte 8: not UTF-8 text: byte 0xE9 is not part of a UTF-8 character;"
                        + " save the file as UTF-8");
    }

    @Test
    void numbersThatAreNotAndLineEndsOfEveryKindNameTheirLineAndColumn() throws IOException {
        Path file = csv("mixed.csv", "x,y,label\r\n1,2,a\r3,4,b\n\n5,x,a\n");
        assertThatThrownBy(() -> CsvReader.defaults().read(file))
                .isInstanceOf(DatasetException.class)
                .hasMessage("mixed.csv line 5, column 2: \"x\" is not a number");
    }
}
