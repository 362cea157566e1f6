package org.kdplayground.io;

import java.io.IOException;
import java.nio.file.Path;

import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Experiment files, mutated and random: {@link ExperimentFile#read} returns an experiment or throws an
 * {@link ExperimentException} naming the file, nothing else, and never hangs. Tries: junit-platform.properties
 * ({@code -Pfuzz} raises them).
 */
class ExperimentFileFuzzTest {

    private static final Path DIR = FuzzFiles.folder();

    @AfterContainer
    static void deleteScratch() throws IOException {
        FuzzFiles.delete(DIR);
    }

    @Property
    void mutatedExperimentsReadOrFailWithTheFileNamed(@ForAll("mutated") FuzzInput input) {
        check(input);
    }

    @Property
    void randomTextReadsOrFailsWithTheFileNamed(@ForAll("random") FuzzInput input) {
        check(input);
    }

    private static void check(FuzzInput input) {
        Path file = FuzzFiles.write(DIR.resolve("fuzzed.json"), input.bytes());
        ReaderOutcome.valueOrOwnFailure(() -> ExperimentFile.read(file), ExperimentException.class,
                message -> message.startsWith("experiment " + file + ": "));
    }

    @Provide
    Arbitrary<FuzzInput> mutated() {
        return Mutations.ofTexts(FuzzFiles.experiments(), true);
    }

    @Provide
    Arbitrary<FuzzInput> random() {
        return Mutations.random("{}[]\":,. -+eE0123456789abcdefghijklmnopqrstuvwxyz\n\\");
    }
}
