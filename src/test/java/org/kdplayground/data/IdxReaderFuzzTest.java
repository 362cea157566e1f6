package org.kdplayground.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;
import org.kdplayground.fuzz.ScratchFolder;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * IDX images and labels, raw and gzip-compressed, mutated and random: the reader returns the examples or throws a
 * {@link DatasetException} naming the file, nothing else (no OutOfMemoryError for a header that announces two billion
 * images), and never hangs. Mutations act on the raw bytes (then compressed: well-formed gzip of a hostile file) and
 * on the compressed bytes (a damaged download).
 */
class IdxReaderFuzzTest {

    private static final Path DIR = ScratchFolder.create("kd-fuzz-idx");
    private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @AfterContainer
    static void deleteScratch() throws IOException {
        ScratchFolder.delete(DIR);
    }

    @Property
    void mutatedImageFilesReadOrFailWithTheFileNamed(@ForAll("images") FuzzInput input, @ForAll("limits") int limit) {
        Path file = write("fuzzed-images-idx3-ubyte", input);
        ReaderOutcome.valueOrOwnFailure(() -> IdxReader.readImages(file, limit), DatasetException.class,
                message -> message.startsWith("fuzzed-images-idx3-ubyte: "));
    }

    @Property
    void mutatedLabelFilesReadOrFailWithTheFileNamed(@ForAll("labels") FuzzInput input, @ForAll("limits") int limit) {
        Path file = write("fuzzed-labels-idx1-ubyte", input);
        ReaderOutcome.valueOrOwnFailure(() -> IdxReader.readLabels(file, limit, CLASSES.size()),
                DatasetException.class, message -> message.startsWith("fuzzed-labels-idx1-ubyte: "));
    }

    @Property
    void mutatedPairsReadAsADatasetOrFail(@ForAll("images") FuzzInput images, @ForAll("labels") FuzzInput labels,
                                          @ForAll("limits") int limit) {
        Path imagesFile = write("pair-images-idx3-ubyte", images);
        Path labelsFile = write("pair-labels-idx1-ubyte", labels);
        ReaderOutcome.valueOrOwnFailure(() -> IdxReader.read(imagesFile, labelsFile, limit, "fuzz", CLASSES),
                DatasetException.class, message -> message.startsWith("pair-"));
    }

    private static Path write(String name, FuzzInput input) {
        try {
            return Files.write(DIR.resolve(name), input.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.of(0, 1, 3, 1000);
    }

    @Provide
    Arbitrary<FuzzInput> images() {
        List<byte[]> raw = new ArrayList<>();
        for (int count = 0; count <= 4; count++) {
            raw.add(IdxFiles.images(count, 1 + count % 3, 1 + count % 4));
        }
        return files(raw);
    }

    @Provide
    Arbitrary<FuzzInput> labels() {
        List<byte[]> raw = List.of(IdxFiles.labels(), IdxFiles.labels(3), IdxFiles.labels(0, 1, 2, 9, 4),
                IdxFiles.labels(IdxFiles.cycle(40)));
        return files(raw);
    }

    /** Raw files mutated, raw files mutated then compressed, compressed files mutated, and random bytes. */
    private static Arbitrary<FuzzInput> files(List<byte[]> raw) {
        List<byte[]> gzipped = raw.stream().map(IdxFiles::gzip).toList();
        Arbitrary<byte[]> mutatedRaw = Mutations.bytesOf(raw, false);
        return Arbitraries.frequencyOf(
                Tuple.of(3, mutatedRaw),
                Tuple.of(2, mutatedRaw.map(IdxFiles::gzip)),
                Tuple.of(2, Mutations.bytesOf(gzipped, false)),
                Tuple.of(1, Mutations.randomBytes("\u0000\u0001\u0003\u0008\u00ff"))).map(FuzzInput::new);
    }
}
