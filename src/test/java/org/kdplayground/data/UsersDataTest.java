package org.kdplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's own data: drawn points and a CSV table, read into a data set or refused with what is wrong. */
class UsersDataTest {

    @TempDir
    Path dir;

    /** An iris-like table: four numeric features, species names as labels, a header. */
    static String iris(char d) {
        StringBuilder text = new StringBuilder("sepal length" + d + "sepal width" + d + "petal length" + d
                + "petal width" + d + "species\n");
        String[] species = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < 30; i++) {
            int s = i % 3;
            text.append(5 + s + i * 0.01).append(d).append(3 - 0.2 * s).append(d).append(1.4 + 2 * s).append(d)
                    .append(0.2 + s).append(d).append(species[(s + 1) % 3]).append('\n');
        }
        return text.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static DrawnPoints drawing(int classes, int perClass) {
        DrawnPoints p = DrawnPoints.EMPTY;
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                p = p.plus(c + 0.1 * i, c - 0.05 * i, c);
            }
        }
        return p;
    }

    @Test
    void drawnPointsBecomeATwoDimensionalDataSetWithTheirClasses() {
        DrawnPoints points = drawing(3, 5);
        Dataset data = Datasets.load(DatasetSpec.drawn(points));
        assertThat(data.size()).isEqualTo(15);
        assertThat(data.featureCount()).isEqualTo(2);
        assertThat(data.classCounts()).containsExactly(5, 5, 5);
        assertThat(DatasetSpec.drawn(points).k()).isEqualTo(3);
        assertThat(Datasets.loadSplit(DatasetSpec.drawn(points), 0.3, 1).train().size()).isEqualTo(10);
    }

    @Test
    void aDrawingWithOneClassTooFewPointsInAClassOrTooManyPointsIsRefusedWithTheReason() {
        assertThat(drawing(1, 10).problem().kind()).isEqualTo(DrawnPoints.Problem.Kind.TOO_FEW_CLASSES);
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.drawn(drawing(1, 10)))).isInstanceOf(DatasetException.class)
                .hasMessage("dataset drawn: draw points of at least 2 classes (1 drawn)");
        DrawnPoints short1 = drawing(2, 4).without(1.3, 1 - 0.15, 1e-6);
        assertThat(short1.problem()).isEqualTo(new DrawnPoints.Problem(DrawnPoints.Problem.Kind.TOO_FEW_IN_A_CLASS, 1));
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.drawn(short1)))
                .hasMessage("dataset drawn: class 1 has fewer than 4 points");
        DrawnPoints many = drawing(2, DrawnPoints.MAX_POINTS / 2 + 1);
        assertThat(many.problem().kind()).isEqualTo(DrawnPoints.Problem.Kind.TOO_MANY);
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.drawn(many)))
                .hasMessage("dataset drawn: 20,002 points: at most 20,000 can be drawn");
        assertThat(drawing(2, 4).problem()).isNull();
    }

    @Test
    void erasingRemovesThePointsNearAndStartingFromASyntheticSetKeepsItsPoints() {
        DrawnPoints points = DrawnPoints.EMPTY.plus(0, 0, 0).plus(0.05, 0, 1).plus(1, 1, 1);
        assertThat(points.without(0, 0, 0.1).size()).isEqualTo(1);
        Dataset moons = Datasets.load(DatasetSpec.of("two-moons").withSize(200));
        DrawnPoints copy = DrawnPoints.of(moons);
        assertThat(copy.size()).isEqualTo(200);
        assertThat((float) copy.x(7)).isEqualTo(moons.features()[7][0]);
        assertThat(copy.classOf(7)).isEqualTo(moons.labels()[7]);
        assertThatThrownBy(() -> new DrawnPoints(new double[] {Double.NaN}, new double[] {0}, new int[] {0}))
                .hasMessageContaining("drawn point 0 is not a finite");
        assertThatThrownBy(() -> DrawnPoints.EMPTY.plus(0, 0, 6)).hasMessageContaining("classes are 0 to 5");
    }

    @Test
    void anIrisLikeTableIsReadWithItsDelimiterHeaderAndNamedClassesInOrderOfAppearance() throws IOException {
        for (char d : new char[] {',', ';', '\t'}) {
            Path file = write("iris" + (int) d + ".csv", iris(d));
            Dataset data = CsvTables.read(new CsvTable(file, "species", -1));
            assertThat(data.size()).as("delimiter %s", d).isEqualTo(30);
            assertThat(data.featureCount()).isEqualTo(4);
            assertThat(data.classNames()).containsExactly("versicolor", "virginica", "setosa");
            assertThat(data.classCounts()).containsExactly(10, 10, 10);
        }
        Path byIndex = write("byindex.csv", iris(','));
        assertThat(CsvTables.read(new CsvTable(byIndex, null, 4)).classCount()).isEqualTo(3);
        assertThat(Datasets.load(DatasetSpec.csv(CsvTable.lastColumn(byIndex))).featureCount()).isEqualTo(4);
        Path decimalCommas = write("comma.csv", "1,5;2,0;a\n3;4;b\n5;6;a\n");
        assertThat(CsvTables.shape(decimalCommas).delimiter()).isEqualTo(';');
    }

    @Test
    void everyBadTableIsOneMessageWithItsLineAndColumn() throws IOException {
        assertThatThrownBy(() -> CsvTables.read(CsvTable.lastColumn(dir.resolve("none.csv"))))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith("none.csv: file not found");
        Path ragged = write("ragged.csv", "a,b,label\n1,2,x\n3,y\n");
        assertThatThrownBy(() -> CsvTables.read(CsvTable.lastColumn(ragged)))
                .hasMessage("ragged.csv line 3: expected 3 columns, found 2");
        Path text = write("text.csv", "a,b,label\n1,2,x\n3,four,y\n");
        assertThatThrownBy(() -> CsvTables.read(CsvTable.lastColumn(text)))
                .hasMessage("text.csv line 3, column 2: \"four\" is not a number");
        Path one = write("one.csv", "a,b,species\n1,2,setosa\n3,4,setosa\n");
        assertThatThrownBy(() -> CsvTables.read(new CsvTable(one, "species", -1)))
                .hasMessage("one.csv: every row has the same label (\"setosa\" in column \"species\"); a table needs"
                        + " at least 2 classes");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "a,b,label\n1,2,café\n".getBytes(
                StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvTables.read(CsvTable.lastColumn(latin1)))
                .hasMessageStartingWith("latin1.csv line 2, column 8: not UTF-8 text (byte 0xE9");
        assertThatThrownBy(() -> Datasets.load(DatasetSpec.of("csv"))).hasMessageContaining("no table chosen");
    }

    @Test
    void aTableBeyondTheMemoryBudgetIsRefusedBeforeItsRowsAreParsed() {
        assertThatThrownBy(() -> MemoryBudget.check("csv big.csv", 10_000_000, 500, 100_000_000))
                .hasMessageStartingWith("dataset csv big.csv: 10,000,000 examples need about");
    }
}
