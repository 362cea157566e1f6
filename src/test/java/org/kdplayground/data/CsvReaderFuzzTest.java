package org.kdplayground.data;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * CSV files, plain and gzip-compressed, mutated and random, read with each kind of reader set-up: a data set or a
 * {@link DatasetException} naming the file, nothing else, never a hang.
 */
class CsvReaderFuzzTest {

    private static final List<String> SEEDS = List.of(
            "x,y,label\n0.1,0.2,0\n1.5,-2,1\n3,4,2\n",
            "sepal,petal,species\n5.1,1.4,setosa\n6.3,6.0,virginica\n4.9,1.5,\"setosa\"\n",
            "\uFEFF1,2,0\n3,4,1\n\n5,6,1\n",
            "a;b;c\n1;2;yes\n3;4;no\n",
            "\"x\",\"y\",\"class\"\n\"1e3\",\"-0.5\",\"a \"\"b\"\"\"\n2,3,c\n",
            "f1,f2,f3,f4,label\n0,0,0,0,99\n1,1,1,1,3\r\n2,2,2,2,0\r\n");

    private static final List<CsvReader> READERS = List.of(CsvReader.defaults(),
            CsvReader.defaults().withLabelColumn("species"), CsvReader.defaults().withLabelColumn(0),
            CsvReader.defaults().withHeader(CsvReader.Header.ABSENT).withLabelOrder(CsvReader.LabelOrder.FIRST_SEEN),
            CsvReader.defaults().withHeader(CsvReader.Header.PRESENT).withDelimiter(';'));

    @Property
    void mutatedCsvReadsOrFailsWithTheFileNamed(@ForAll("csv") FuzzInput input, @ForAll("readers") CsvReader reader) {
        ReaderOutcome.valueOrOwnFailure(
                () -> reader.read(new ByteArrayInputStream(input.bytes()), "fuzzed.csv", "fuzzed"),
                DatasetException.class, message -> message.startsWith("fuzzed.csv"));
    }

    @Provide
    Arbitrary<CsvReader> readers() {
        return Arbitraries.of(READERS);
    }

    @Provide
    Arbitrary<FuzzInput> csv() {
        Arbitrary<FuzzInput> mutated = Mutations.ofTexts(SEEDS, false);
        return Arbitraries.frequencyOf(Tuple.of(5, mutated),
                Tuple.of(1, mutated.map(m -> new FuzzInput(IdxFiles.gzip(m.bytes())))),
                Tuple.of(2, Mutations.random(",;\"\n\r 0123456789.-eEabc")));
    }
}
