package org.kdplayground.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.kdplayground.data.Dataset;
import org.kdplayground.data.MnistDatasets;
import org.kdplayground.download.DownloadException.Kind;

/** Downloads from a local server on 127.0.0.1: every way a download ends, and what it leaves in the folder. */
class DatasetDownloaderTest {

    /** A hang guard only: a cancelled or broken download ends long before it. */
    private static final Duration GUARD = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private TestServer server;
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private DatasetDownloader downloader() {
        return new DatasetDownloader(server::sources, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private void download(DatasetDownloader downloader) throws DownloadException {
        downloader.download("fashion-mnist", folder, progress::add, () -> false);
    }

    private DownloadException failure(DatasetDownloader downloader) {
        return assertTimeoutPreemptively(GUARD, () -> assertThrows(DownloadException.class, () -> download(downloader)));
    }

    /** What the loader would pick up, and what is left half-written. */
    private List<String> filesLeft() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadedFilesLandWholeAndTheLoaderReadsThem() throws Exception {
        download(downloader());

        assertThat(filesLeft()).containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        assertThat(MnistDatasets.isAvailable(folder)).isTrue();
        Dataset train = MnistDatasets.fashion(folder, MnistDatasets.Part.TRAIN, 0);
        Dataset test = MnistDatasets.fashion(folder, MnistDatasets.Part.TEST, 0);
        assertThat(train.size()).isEqualTo(300);
        assertThat(test.size()).isEqualTo(50);
        for (String name : server.files().keySet()) {
            assertThat(Files.readAllBytes(folder.resolve(name))).isEqualTo(server.files().get(name));
        }
        DownloadProgress last = progress.get(progress.size() - 1);
        long total = server.files().values().stream().mapToLong(b -> b.length).sum();
        assertThat(last.done()).isEqualTo(total);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(progress).extracting(DownloadProgress::fileIndex).contains(1, 2, 3, 4);
    }

    @Test
    void filesAlreadyThereWithTheRightChecksumAreNotFetchedAgain() throws Exception {
        download(downloader());
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.MISSING);

        download(downloader()); // a fetch would meet the 404

        assertThat(MnistDatasets.isAvailable(folder)).isTrue();
    }

    @Test
    void missingFileIsANotFoundAndLeavesNoFileTheLoaderReads() throws Exception {
        server.serve("t10k-images-idx3-ubyte.gz", TestServer.Behaviour.MISSING);

        DownloadException e = failure(downloader());

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.file()).isEqualTo("t10k-images-idx3-ubyte.gz");
        assertThat(e.getMessage()).isEqualTo("t10k-images-idx3-ubyte.gz is not on 127.0.0.1 (HTTP 404)");
        assertThat(filesLeft()).containsExactly("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        assertThat(MnistDatasets.isAvailable(folder)).isFalse();
    }

    @Test
    void otherHttpStatusIsNamedAndLeavesNoFile() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.UNAVAILABLE);

        DownloadException e = failure(downloader());

        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.number()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("127.0.0.1 answered HTTP 503 for train-images-idx3-ubyte.gz: try again later");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void bodyShortOfItsContentLengthIsTruncatedAndNotKept() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.CUT_SHORT);

        DownloadException e = failure(downloader());

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
        int size = server.files().get("train-images-idx3-ubyte.gz").length;
        assertThat(e.total()).isEqualTo(size);
        assertThat(e.number()).isLessThan(size);
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void fileThatDoesNotMatchItsChecksumIsRefusedAndNotKept() throws Exception {
        String text = server.sourcesText().replaceFirst("(train-labels-idx1-ubyte\\.gz \\d+ md5=)\\w+ sha256=\\w+",
                "$1" + "0".repeat(32));
        DatasetDownloader downloader = new DatasetDownloader(id -> DataSource.parse(id, text), Duration.ofSeconds(5),
                Duration.ofSeconds(5));

        DownloadException e = failure(downloader);

        assertThat(e.kind()).isEqualTo(Kind.CHECKSUM);
        assertThat(e.getMessage()).startsWith("train-labels-idx1-ubyte.gz does not match its published checksum (MD5 ")
                .contains("expected " + "0".repeat(32));
        assertThat(filesLeft()).containsExactly("train-images-idx3-ubyte.gz");
    }

    @Test
    void wrongSha256IsRefusedEvenWhenTheMd5Matches() throws Exception {
        String text = server.sourcesText().replaceFirst("(train-images-idx3-ubyte\\.gz \\d+ md5=\\w+ sha256=)\\w+",
                "$1" + "a".repeat(64));
        DatasetDownloader downloader = new DatasetDownloader(id -> DataSource.parse(id, text), Duration.ofSeconds(5),
                Duration.ofSeconds(5));

        DownloadException e = failure(downloader);

        assertThat(e.kind()).isEqualTo(Kind.CHECKSUM);
        assertThat(e.getMessage()).contains("SHA-256");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void cancelDuringASlowFileEndsTheDownloadAndLeavesNothing() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.SLOW);
        AtomicBoolean cancelled = new AtomicBoolean();
        DownloadProgress.Listener cancelOnceBytesArrive = p -> {
            progress.add(p);
            if (p.done() > 0) {
                cancelled.set(true);
            }
        };
        DownloadException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(DownloadException.class,
                () -> downloader().download("fashion-mnist", folder, cancelOnceBytesArrive, cancelled::get)));

        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(progress).anySatisfy(p -> assertThat(p.done()).isPositive());
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void serverStoppedMidTransferLeavesNothing() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.HALF_THEN_WAIT);
        Thread stopper = new Thread(() -> {
            try {
                server.halfSent.await(20, TimeUnit.SECONDS);
                Thread.sleep(200); // let the first half arrive
                server.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();

        DownloadException e = failure(downloader());

        assertThat(e.kind()).isEqualTo(Kind.TRUNCATED); // from the client's side, the server closed the connection
        assertThat(e.getMessage()).startsWith("train-images-idx3-ubyte.gz: the server closed the connection after ");
        assertThat(e.file()).isEqualTo("train-images-idx3-ubyte.gz");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void silentServerIsALostConnectionAfterTheReadTimeout() throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.HALF_THEN_WAIT);
        DatasetDownloader impatient = new DatasetDownloader(server::sources, Duration.ofSeconds(5),
                Duration.ofMillis(300));

        DownloadException e = failure(impatient);

        assertThat(e.kind()).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(e.getMessage()).contains("nothing arrived for 0 s");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } // closed: nothing listens there now
        String text = server.sourcesText().replace(server.base().toString(), "http://127.0.0.1:" + port + "/data/");
        DatasetDownloader downloader = new DatasetDownloader(id -> DataSource.parse(id, text), Duration.ofSeconds(5),
                Duration.ofSeconds(5));

        DownloadException e = failure(downloader);

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("127.0.0.1 cannot be reached (connection refused or no network)");
        assertThat(filesLeft()).isEmpty();
    }

    /** A .part file that leads to /dev/full: every write fails with "No space left on device", as on a full disk. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void fullDiskIsADiskProblemAndLeavesNoFile() throws Exception {
        Files.createSymbolicLink(folder.resolve("train-labels-idx1-ubyte.gz.part"), Path.of("/dev/full"));

        DownloadException e = failure(downloader());

        assertThat(e.kind()).isEqualTo(Kind.DISK);
        assertThat(e.getMessage()).startsWith("the data folder cannot be written (No space left on device)");
        assertThat(filesLeft()).containsExactly("train-images-idx3-ubyte.gz");
        assertThat(MnistDatasets.isAvailable(folder)).isFalse();
    }

    @Test
    void folderThatCannotBeMadeIsADiskProblem() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertThatThrownBy(() -> downloader().download("fashion-mnist", notAFolder.resolve("data"), p -> { },
                () -> false)).isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.DISK));
    }

    @Test
    void shippedSourcesNameTheOfficialHostsAndPublishedChecksums() {
        DataSource fashion = DataSource.of("fashion-mnist");
        DataSource mnist = DataSource.of("mnist");

        assertThat(fashion.base()).isEqualTo(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));
        assertThat(mnist.base()).isEqualTo(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"));
        assertThat(fashion.files()).extracting(RemoteFile::md5).containsExactly("8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "25c81989df183df01b3e8a0aad5dffbe", "bef4ecab320f06d8554ea6380940ec79",
                "bb300cfdad3c16e7a12a480ee83cd310");
        assertThat(mnist.files()).extracting(RemoteFile::md5).containsExactly("f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "d53e105ee54ea40749a09fcbcd1e9432", "9fb629c4189551a2d022fa330f9573f3",
                "ec29112dd5afa0611ce80d1b7f02629c");
        assertThat(fashion.files()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
        List<String> names = new ArrayList<>();
        fashion.files().forEach(f -> names.add(f.name()));
        assertThat(names).containsExactly("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }
}
