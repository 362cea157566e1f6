package org.kdplayground.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.kdplayground.data.IdxFiles;

/**
 * A local HTTP server on 127.0.0.1 serving a small MNIST-style set (4 IDX .gz files), each file well or badly: whole,
 * missing (404), unavailable (503), cut short of its Content-Length, or slow (a byte every 50 ms after the first half). Its
 * {@link #sources} name the files' true checksums.
 */
public final class TestServer implements AutoCloseable {

    /** How a file is served. */
    public enum Behaviour { WHOLE, MISSING, UNAVAILABLE, CUT_SHORT, SLOW, HALF_THEN_WAIT }

    private final HttpServer server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    /** Counted down when a HALF_THEN_WAIT or SLOW file has sent its first half. */
    public final CountDownLatch halfSent = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public TestServer() throws IOException {
        files.put("train-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(300, 28, 28)));
        files.put("train-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(IdxFiles.cycle(300))));
        files.put("t10k-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(50, 28, 28)));
        files.put("t10k-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(IdxFiles.cycle(50))));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-http-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public TestServer serve(String file, Behaviour behaviour) {
        behaviours.put(file, behaviour);
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    /** The sources text naming this server and the files' true sizes and checksums. */
    public String sourcesText() {
        StringBuilder text = new StringBuilder("base " + base() + "\n");
        files.forEach((name, bytes) -> text.append("file ").append(name).append(' ').append(bytes.length)
                .append(" md5=").append(hex("MD5", bytes)).append(" sha256=").append(hex("SHA-256", bytes))
                .append('\n'));
        return text.toString();
    }

    public DataSource sources(String id) {
        return DataSource.parse(id, sourcesText());
    }

    /** Writes {@code <id>.sources} files for both MNIST-style sets into {@code folder} (the CLI's override). */
    public void writeSources(Path folder) throws IOException {
        Files.writeString(folder.resolve("fashion-mnist.sources"), sourcesText(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("mnist.sources"), sourcesText(), StandardCharsets.UTF_8);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    /** Stops serving at once: open connections are closed. */
    public void stop() {
        released.countDown();
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^/data/", "");
        byte[] bytes = files.get(name);
        Behaviour behaviour = behaviours.getOrDefault(name, Behaviour.WHOLE);
        try (exchange) {
            if (bytes == null || behaviour == Behaviour.MISSING) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (behaviour == Behaviour.UNAVAILABLE) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            int half = bytes.length / 2;
            switch (behaviour) {
                case WHOLE -> out.write(bytes);
                case CUT_SHORT -> {
                    out.write(bytes, 0, half);
                    out.flush();
                    // closing now leaves the body short of its Content-Length: the server drops the connection
                }
                case SLOW -> {
                    out.write(bytes, 0, half);
                    out.flush();
                    halfSent.countDown();
                    for (int i = half; i < bytes.length && released.getCount() > 0; i++) {
                        out.write(bytes[i]);
                        out.flush();
                        released.await(50, TimeUnit.MILLISECONDS);
                    }
                }
                case HALF_THEN_WAIT -> {
                    out.write(bytes, 0, half);
                    out.flush();
                    halfSent.countDown();
                    released.await(60, TimeUnit.SECONDS);
                }
                default -> throw new IllegalStateException(behaviour.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away, or the body was cut on purpose
        }
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
