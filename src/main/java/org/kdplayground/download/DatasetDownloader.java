package org.kdplayground.download;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.kdplayground.BuildInfo;
import org.kdplayground.download.DownloadException.Kind;

/**
 * Downloads a data set's files over HTTP into a folder, only when asked: each file goes into {@code NAME.part} and
 * is renamed to {@code NAME} only once its checksum matches the published one, so a cancel, a broken connection or
 * a full disk never leaves a file the loader would read. Files already there with the right checksum are kept and
 * not fetched again. Nothing connects before {@link #download} is called: the HTTP client is made then.
 */
public final class DatasetDownloader {

    /** How long connecting may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** How long the server may be silent: before its answer, and between two chunks of a file. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** How often a waiting download looks at its cancel flag. */
    private static final long POLL_MILLIS = 50;

    private final Function<String, DataSource> sources;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private HttpClient client;

    /** The shipped sources (the data sets' official hosts) and the default timeouts. */
    public DatasetDownloader() {
        this(DataSource::of, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /** @param sources a data set's sources by its id (tests pass a local server's) */
    public DatasetDownloader(Function<String, DataSource> sources, Duration connectTimeout, Duration readTimeout) {
        this.sources = Objects.requireNonNull(sources);
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
        this.readTimeout = Objects.requireNonNull(readTimeout);
    }

    /** Where the set {@code id} is downloaded from. */
    public DataSource source(String id) {
        return sources.apply(id);
    }

    /**
     * Downloads the set {@code id} into {@code folder} (made when missing), reporting progress on this thread.
     *
     * @param cancelled polled between chunks: true ends the download promptly with {@link Kind#CANCELLED}
     * @throws DownloadException saying what failed; the {@code .part} file is gone, finished files stay
     */
    public void download(String id, Path folder, DownloadProgress.Listener listener, BooleanSupplier cancelled)
            throws DownloadException {
        DataSource source = sources.apply(id);
        Transfer transfer = new Transfer(source, listener, cancelled);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw transfer.failure(Kind.DISK, "", 0, 0, e.getMessage(), e);
        }
        List<RemoteFile> files = source.files();
        for (int i = 0; i < files.size(); i++) {
            RemoteFile file = files.get(i);
            transfer.startFile(file, i + 1);
            Path target = folder.resolve(file.name());
            if (Files.isRegularFile(target) && Checksums.of(target).mismatch(file) == null) {
                transfer.received(sizeOf(target));
                continue;
            }
            fetch(transfer, file, target);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void fetch(Transfer transfer, RemoteFile file, Path target) throws DownloadException {
        Path part = target.resolveSibling(file.name() + ".part");
        boolean kept = false;
        try {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(transfer, file);
            int status = response.statusCode();
            if (status != 200) {
                BodyQueue unread = new BodyQueue();
                unread.cancel(); // read nothing of it: the connection is let go at once
                response.body().subscribe(unread);
                throw transfer.failure(status == 404 ? Kind.NOT_FOUND : Kind.HTTP_STATUS, file.name(), status, 0,
                        null, null);
            }
            long announced = response.headers().firstValueAsLong("content-length").orElse(-1);
            transfer.announced(file, announced);
            Checksums sums = receive(transfer, file, response.body(), part, announced);
            String mismatch = sums.mismatch(file);
            if (mismatch != null) {
                throw transfer.failure(Kind.CHECKSUM, file.name(), 0, 0, mismatch, null);
            }
            moveInPlace(transfer, file, part, target);
            kept = true;
        } finally {
            if (!kept) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // a part file is never read: at worst it is overwritten by the next try
                }
            }
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(Transfer transfer, RemoteFile file)
            throws DownloadException {
        HttpRequest request = HttpRequest.newBuilder(transfer.source.uri(file)).timeout(readTimeout)
                .header("User-Agent", "KD-Playground/" + BuildInfo.version()).GET().build();
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> answer =
                client().sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        while (true) {
            transfer.checkCancelled(() -> answer.cancel(true));
            try {
                return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: look at the cancel flag again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                throw transfer.failure(Kind.CANCELLED, file.name(), 0, 0, null, e);
            } catch (ExecutionException e) {
                throw transfer.failure(Kind.UNREACHABLE, file.name(), 0, 0, whyUnreachable(e.getCause()),
                        e.getCause());
            }
        }
    }

    private String whyUnreachable(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + readTimeout.toSeconds() + " s";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "unknown host: no network, or no name server";
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        if (cause instanceof ConnectException || root instanceof ConnectException) {
            return "connection refused or no network";
        }
        return String.valueOf(cause.getMessage());
    }

    /** Writes the body into {@code part}, checksumming it on the way; the file is forced to disk. */
    private Checksums receive(Transfer transfer, RemoteFile file, Flow.Publisher<List<ByteBuffer>> publisher,
                              Path part, long announced) throws DownloadException {
        BodyQueue body = new BodyQueue();
        publisher.subscribe(body);
        Checksums sums = new Checksums();
        long received = 0;
        long lastChunk = System.nanoTime();
        try (FileChannel out = open(transfer, part, body)) {
            while (true) {
                transfer.checkCancelled(body::cancel);
                Object item;
                try {
                    item = body.poll(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    body.cancel();
                    throw transfer.failure(Kind.CANCELLED, file.name(), 0, 0, null, e);
                }
                if (item == null) {
                    if (System.nanoTime() - lastChunk > readTimeout.toNanos()) {
                        body.cancel();
                        throw transfer.failure(Kind.CONNECTION_LOST, file.name(), received, announced,
                                "nothing arrived for " + readTimeout.toSeconds() + " s", null);
                    }
                    continue;
                }
                if (item == BodyQueue.END) {
                    break;
                }
                if (item instanceof BodyQueue.Failure failure) {
                    Throwable error = failure.error();
                    boolean closed = announced >= 0 && received < announced && endOfStream(error);
                    throw transfer.failure(closed ? Kind.TRUNCATED : Kind.CONNECTION_LOST, file.name(), received,
                            announced, closed ? null : error.getMessage(), error);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> chunk = (List<ByteBuffer>) item;
                for (ByteBuffer buffer : chunk) {
                    int bytes = buffer.remaining();
                    sums.update(buffer.duplicate());
                    write(transfer, out, buffer, body);
                    received += bytes;
                    transfer.received(bytes);
                }
                lastChunk = System.nanoTime();
                body.requestNext();
            }
            if (announced >= 0 && received < announced) {
                throw transfer.failure(Kind.TRUNCATED, file.name(), received, announced, null, null);
            }
            out.force(true);
        } catch (IOException e) {
            throw transfer.failure(Kind.DISK, file.name(), 0, 0, e.getMessage(), e);
        }
        return sums;
    }

    private static boolean endOfStream(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (e instanceof EOFException || message.contains("eof") || message.contains("closed")) {
                return true;
            }
        }
        return false;
    }

    private static FileChannel open(Transfer transfer, Path part, BodyQueue body) throws DownloadException {
        try {
            return FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            body.cancel();
            throw transfer.failure(Kind.DISK, part.getFileName().toString(), 0, 0, e.getMessage(), e);
        }
    }

    private static void write(Transfer transfer, FileChannel out, ByteBuffer buffer, BodyQueue body)
            throws DownloadException {
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            body.cancel();
            throw transfer.failure(Kind.DISK, "", 0, 0, e.getMessage(), e);
        }
    }

    private static void moveInPlace(Transfer transfer, RemoteFile file, Path part, Path target)
            throws DownloadException {
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw transfer.failure(Kind.DISK, file.name(), 0, 0, e.getMessage(), e);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }

    /** One download's progress and cancel flag. */
    private static final class Transfer {
        private final DataSource source;
        private final DownloadProgress.Listener listener;
        private final BooleanSupplier cancelled;
        private long done;
        private long total;
        private String file = "";
        private int index;

        Transfer(DataSource source, DownloadProgress.Listener listener, BooleanSupplier cancelled) {
            this.source = source;
            this.listener = Objects.requireNonNull(listener);
            this.cancelled = Objects.requireNonNull(cancelled);
            this.total = source.totalSize();
        }

        void startFile(RemoteFile remote, int position) {
            file = remote.name();
            index = position;
            report();
        }

        /** The server's size replaces the published one in the whole. */
        void announced(RemoteFile remote, long bytes) {
            if (bytes >= 0) {
                total += bytes - remote.size();
            }
        }

        void received(long bytes) {
            done += bytes;
            report();
        }

        private void report() {
            listener.progress(new DownloadProgress(file, index, source.files().size(), done, Math.max(total, done)));
        }

        void checkCancelled(Runnable stop) throws DownloadException {
            if (cancelled.getAsBoolean()) {
                stop.run();
                throw failure(Kind.CANCELLED, file, 0, 0, null, null);
            }
        }

        DownloadException failure(Kind kind, String name, long number, long of, String detail, Throwable cause) {
            return new DownloadException(kind, name.isEmpty() ? file : name, source.host(), number, of, detail,
                    cause);
        }
    }
}
