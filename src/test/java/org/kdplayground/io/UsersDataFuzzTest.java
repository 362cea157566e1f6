package org.kdplayground.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.CsvTables;
import org.kdplayground.data.DatasetException;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Datasets;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.engine.Experiment;
import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A user's own data, mutated and random: an experiment file with drawn points reads as an experiment or fails with an
 * {@link ExperimentException} naming the file, and the points it reads load as a data set or fail with a
 * {@link DatasetException}; a user's CSV table ({@link CsvTables}, which detects the separator and the header) reads
 * as a data set or fails with a {@link DatasetException} naming the file. Nothing else, and never a hang.
 */
class UsersDataFuzzTest {

    private static final Path DIR = FuzzFiles.folder();

    private static final List<String> TABLES = List.of(
            "sepal length,sepal width,petal length,petal width,species\n5.1,3.5,1.4,0.2,setosa\n"
                    + "7.0,3.2,4.7,1.4,versicolor\n6.3,3.3,6.0,2.5,virginica\n4.9,3.0,1.4,0.2,setosa\n",
            "x;y;class\n1,5;2,5;a\n-0,5;3;b\n2;2;a\n",
            "0.1\t0.2\t0\n1.5\t-2\t1\n3\t4\t1\n",
            "\uFEFF\"x\",\"y\",\"label\"\n\"1e3\",\"-0.5\",\"cat «猫»\"\n2,3,dog\n4,5,cat «猫»\n");

    @AfterContainer
    static void deleteScratch() throws IOException {
        FuzzFiles.delete(DIR);
    }

    @Property
    void mutatedDrawingsReadAndLoadOrFailWithTheirOwnException(@ForAll("drawings") FuzzInput input) {
        Path file = FuzzFiles.write(DIR.resolve("drawn.json"), input.bytes());
        Experiment read = ReaderOutcome.valueOrOwnFailure(() -> ExperimentFile.read(file), ExperimentException.class,
                message -> message.startsWith("experiment " + file + ": "));
        if (read != null && "drawn".equals(read.dataset().name())) {
            ReaderOutcome.valueOrOwnFailure(() -> Datasets.loadSplit(read.dataset(), read.testFraction(),
                    read.settings().labelledFraction()), DatasetException.class, message -> true);
        }
    }

    @Property
    void mutatedTablesReadOrFailWithTheFileNamed(@ForAll("tables") FuzzInput input, @ForAll("labels") String label) {
        Path file = FuzzFiles.write(DIR.resolve("table.csv"), input.bytes());
        CsvTable table = label.isEmpty() ? CsvTable.lastColumn(file)
                : label.chars().allMatch(Character::isDigit) ? new CsvTable(file, null, Integer.parseInt(label))
                : new CsvTable(file, label, -1);
        ReaderOutcome.valueOrOwnFailure(() -> CsvTables.read(table), DatasetException.class,
                message -> message.contains("table.csv"));
    }

    @Provide
    Arbitrary<FuzzInput> drawings() {
        Random random = new Random(18);
        List<String> seeds = new ArrayList<>();
        for (int n : new int[] {0, 3, 8, 40, 200}) {
            DrawnPoints points = DrawnPoints.EMPTY;
            for (int i = 0; i < n; i++) {
                points = points.plus(random.nextGaussian() * 3, random.nextGaussian() * 1e-3, random.nextInt(6));
            }
            seeds.add(ExperimentFile.toJson(Experiment.of(DatasetSpec.drawn(points).withSeed(n))));
        }
        seeds.add("{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": [[0, 0, 0], [1, 1, 1], [0, 1, 0],"
                + " [1, 0, 1], [0.5, 0.5, 0], [2, 2, 1], [3, 0, 0], [0, 3, 1]]}, \"testFraction\": 0.25}");
        return Arbitraries.frequencyOf(Tuple.of(4, Mutations.ofTexts(seeds, true)),
                Tuple.of(1, Mutations.random("{}[]\":,. -+eE0123456789drawnpoitsvr\n")));
    }

    @Provide
    Arbitrary<FuzzInput> tables() {
        return Arbitraries.frequencyOf(Tuple.of(4, Mutations.ofTexts(TABLES, false)),
                Tuple.of(1, Mutations.random(",;\t\"\n\r 0123456789.-eEabc猫")));
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.of("", "species", "class", "0", "2", "4", "nothing");
    }
}
