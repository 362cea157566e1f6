package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.kdplayground.data.MnistDatasets;
import org.kdplayground.download.DataSource;
import org.kdplayground.download.TestServer;

/** {@code data get} against a local server (the sources' test-only override): its exit codes and what it leaves. */
class DataGetCommandTest {

    @TempDir
    Path dir;

    private TestServer server;
    private Path folder;

    @BeforeEach
    void pointAtALocalServer() throws Exception {
        server = new TestServer();
        Path sources = Files.createDirectories(dir.resolve("sources"));
        server.writeSources(sources);
        System.setProperty(DataSource.OVERRIDE_PROPERTY, sources.toString());
        folder = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        System.clearProperty(DataSource.OVERRIDE_PROPERTY);
        server.close();
    }

    private List<String> filesLeft() throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void getPutsTheFourFilesInTheFolderAndExitsZero() throws Exception {
        CliRun run = CliRun.of("data", "get", "fashion-mnist", "--folder", folder.toString(), "--no-progress")
                .succeeds();

        assertThat(run.out()).isEqualTo("Fashion-MNIST: 4 files in " + folder + System.lineSeparator());
        assertThat(MnistDatasets.isAvailable(folder)).isTrue();
        assertThat(filesLeft()).noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void progressLineGoesToStderr() {
        CliRun run = CliRun.of("data", "get", "mnist", "--folder", folder.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("Downloading MNIST from " + server.base() + " into " + folder)
                .contains("100%", "file 4/4 t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void missingFileExitsWithTheDownloadCodeAndOneLine() throws Exception {
        server.serve("train-labels-idx1-ubyte.gz", TestServer.Behaviour.MISSING);

        CliRun.of("data", "get", "fashion-mnist", "--folder", folder.toString(), "--no-progress")
                .failsWith(ExitCodes.DOWNLOAD_FAILED, "train-labels-idx1-ubyte.gz is not on 127.0.0.1 (HTTP 404)");
        assertThat(filesLeft()).containsExactly("train-images-idx3-ubyte.gz");
        assertThat(MnistDatasets.isAvailable(folder)).isFalse();
    }

    @Test
    void bodyCutShortExitsWithTheDownloadCode() throws Exception {
        server.serve("t10k-images-idx3-ubyte.gz", TestServer.Behaviour.CUT_SHORT);

        CliRun.of("data", "get", "fashion-mnist", "--folder", folder.toString(), "--no-progress")
                .failsWith(ExitCodes.DOWNLOAD_FAILED, "the server closed the connection after");
        assertThat(filesLeft()).noneMatch(name -> name.startsWith("t10k-images"));
    }

    @Test
    void folderThatCannotBeWrittenExitsThree() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        CliRun.of("data", "get", "fashion-mnist", "--folder", file.resolve("data").toString(), "--no-progress")
                .failsWith(ExitCodes.BAD_INPUT, "the data folder cannot be written");
    }

    @Test
    void unknownOrNotDownloadableDataSetIsAUsageError() {
        CliRun.of("data", "get", "cifar", "--no-progress").failsWith(ExitCodes.USAGE, "unknown data set \"cifar\"");
        CliRun.of("data", "get", "two-moons", "--no-progress")
                .failsWith(ExitCodes.USAGE, "only fashion-mnist and mnist are downloaded");
    }

    /** Ctrl+C (SIGINT) during a slow file: exit 130, and no file the loader would read, no .part file. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCCancelsExits130AndLeavesNothing() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.SLOW);
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + DataSource.OVERRIDE_PROPERTY + "=" + System.getProperty(DataSource.OVERRIDE_PROPERTY),
                "-cp", System.getProperty("java.class.path"), "org.kdplayground.Launcher", "data", "get",
                "fashion-mnist", "--folder", folder.toString())
                .redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(server.halfSent.await(60, TimeUnit.SECONDS)).as("the slow file started").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err).contains("file 1/4") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ends after SIGINT").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isEqualTo(ExitCodes.CANCELLED);
        assertThat(Files.readString(err)).contains("kd-playground: download cancelled; nothing half-written was kept");
        assertThat(filesLeft()).isEmpty();
    }
}
