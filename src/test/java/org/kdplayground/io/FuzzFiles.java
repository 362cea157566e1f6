package org.kdplayground.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.kdplayground.fuzz.ScratchFolder;
import java.util.stream.Stream;

/** Seed documents for the io readers' fuzz tests, and the one scratch file each try writes. */
final class FuzzFiles {

    private FuzzFiles() {
    }

    /** A fresh scratch folder (deleted by {@link #delete}). */
    static Path folder() {
        return ScratchFolder.create("kd-fuzz");
    }

    static Path write(Path file, byte[] bytes) {
        return ScratchFolder.write(file, bytes);
    }

    static void delete(Path folder) throws IOException {
        ScratchFolder.delete(folder);
    }

    /** The shipped experiments and random ones within every setting's range. */
    static List<String> experiments() {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> shipped = Files.list(Path.of("assets", "experiments"))) {
            for (Path p : shipped.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Random random = new Random(19);
        for (int i = 0; i < 20; i++) {
            seeds.add(ExperimentFile.toJson(WorkspaceFileTest.randomExperiment(random)));
        }
        return seeds;
    }

    /** Workspace files of every version: random version-3 ones and the version-1 and version-2 files of the tests. */
    static List<String> workspaces() {
        List<String> seeds = new ArrayList<>();
        Random random = new Random(19);
        for (int i = 0; i < 20; i++) {
            seeds.add(WorkspaceFile.toJson(WorkspaceFileTest.randomWorkspace(random)));
        }
        for (String name : List.of("workspace-v1-spirals.kdp.json", "workspace-v1-digits-omit-3.kdp.json",
                "workspace-v2-two-moons.kdp.json")) {
            try {
                seeds.add(Files.readString(Path.of(FuzzFiles.class.getResource(name).toURI())));
            } catch (Exception e) {
                throw new IllegalStateException("test resource " + name, e);
            }
        }
        return seeds;
    }
}
