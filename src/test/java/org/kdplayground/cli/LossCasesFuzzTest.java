package org.kdplayground.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;
import org.kdplayground.fuzz.ScratchFolder;
import org.kdplayground.math.SoftScaling;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code loss --cases} files (the golden cases of every method, a few lines each), mutated and random: every line is
 * answered or the command stops with a {@link CliException} naming the file (and the line), nothing else, never a
 * hang. The exact math engine answers (the DJL one is checked against it by the golden tests).
 */
class LossCasesFuzzTest {

    private static final Path DIR = ScratchFolder.create("kd-fuzz-cases");

    @AfterContainer
    static void deleteScratch() throws IOException {
        ScratchFolder.delete(DIR);
    }

    @Property
    void mutatedCaseFilesAreAnsweredOrStopWithTheFileAndLineNamed(@ForAll("cases") FuzzInput input) {
        Path file = DIR.resolve("fuzzed.jsonl");
        try {
            Files.write(file, input.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReaderOutcome.valueOrOwnFailure(
                () -> new LossCases(file, EngineKind.MATH, SoftScaling.T_SQUARED)
                        .writeTo(new PrintWriter(new StringWriter())),
                CliException.class, message -> message.contains(file.toString()));
    }

    @Provide
    Arbitrary<FuzzInput> cases() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("kd-loss-golden.jsonl", "kd-variants-golden.jsonl")) {
            try {
                List<String> all = Files.readAllLines(Path.of(LossCasesFuzzTest.class
                        .getResource("/org/kdplayground/math/" + name).toURI()));
                for (int i = 0; i < all.size(); i += 37) {
                    lines.add(all.get(i));
                }
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
        }
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i + 3 <= lines.size(); i += 2) {
            seeds.add(String.join("\n", lines.subList(i, i + 3)) + "\n");
        }
        return net.jqwik.api.Arbitraries.oneOf(Mutations.ofTexts(seeds, true),
                Mutations.random("{}[]\":,. -+eE0123456789Tabelmothdkinrsu_\n"));
    }
}
