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
 * Workspace files of every version (1, 2, 3), mutated and random: {@link WorkspaceFile#read} returns a workspace or
 * throws a {@link WorkspaceException}, nothing else, and never hangs.
 */
class WorkspaceFileFuzzTest {

    private static final Path DIR = FuzzFiles.folder();

    @AfterContainer
    static void deleteScratch() throws IOException {
        FuzzFiles.delete(DIR);
    }

    @Property
    void mutatedWorkspacesOfEveryVersionReadOrFailAsWorkspaceExceptions(@ForAll("mutated") FuzzInput input) {
        check(input);
    }

    @Property
    void randomTextReadsOrFailsAsAWorkspaceException(@ForAll("random") FuzzInput input) {
        check(input);
    }

    private static void check(FuzzInput input) {
        Path file = FuzzFiles.write(DIR.resolve("fuzzed.kdp.json"), input.bytes());
        ReaderOutcome.valueOrOwnFailure(() -> WorkspaceFile.read(file), WorkspaceException.class, message -> true);
    }

    @Provide
    Arbitrary<FuzzInput> mutated() {
        return Mutations.ofTexts(FuzzFiles.workspaces(), true);
    }

    @Provide
    Arbitrary<FuzzInput> random() {
        return Mutations.random("{}[]\":,. -+eE0123456789abcdefghijklmnopqrstuvwxyz\n\\");
    }
}
