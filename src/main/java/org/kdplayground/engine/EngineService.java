package org.kdplayground.engine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the engine's one worker thread: the engine loads there in the background, and every training task
 * runs there later. DJL allows one {@code GradientCollector} per JVM and keeps grad mode per thread, so one
 * thread for all engine work is a rule, not a choice.
 *
 * <p>Status listeners are called on the worker thread; a UI moves the news onto its own thread.
 */
public final class EngineService implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);

    private final EngineLoader loader;
    private final ExecutorService worker;
    private final List<Consumer<EngineStatus>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<EngineInfo> ready = new CompletableFuture<>();
    private final Object statusLock = new Object();
    private volatile EngineStatus status = EngineStatus.notStarted();
    private boolean started;

    public EngineService(EngineLoader loader) {
        this.loader = Objects.requireNonNull(loader);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts loading in the background (once; later calls return the same future). */
    public synchronized CompletableFuture<EngineInfo> start() {
        if (!started) {
            started = true;
            publish(EngineStatus.loading());
            worker.execute(this::load);
        }
        return ready;
    }

    private void load() {
        long start = System.nanoTime();
        try {
            EngineInfo info = loader.load();
            LOG.info("Engine ready in {} ms: {}", (System.nanoTime() - start) / 1_000_000, info);
            publish(EngineStatus.ready(info));
            ready.complete(info);
        } catch (Exception | LinkageError e) {
            String reason = reasonOf(e);
            LOG.warn("Engine failed to load: {}", reason, e);
            publish(EngineStatus.failed(reason));
            ready.completeExceptionally(e);
        }
    }

    /** A one-line reason from a failure, following causes to the most specific message. */
    static String reasonOf(Throwable e) {
        Throwable cause = e;
        String message = null;
        while (cause != null) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String text = message == null ? e.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }

    public EngineStatus status() {
        return status;
    }

    /**
     * Adds a listener and tells it the current status at once; atomic with a status change, so a listener added
     * while the engine loads never hears an older status after a newer one.
     */
    public void addStatusListener(Consumer<EngineStatus> listener) {
        synchronized (statusLock) {
            listeners.add(listener);
            listener.accept(status);
        }
    }

    public void removeStatusListener(Consumer<EngineStatus> listener) {
        listeners.remove(listener);
    }

    /** The future that completes when the engine is ready, or fails with the load's exception. */
    public CompletableFuture<EngineInfo> whenReady() {
        return ready;
    }

    /** Runs engine work on the worker thread, after loading. */
    @Override
    public void execute(Runnable task) {
        worker.execute(task);
    }

    /** Runs engine work on the worker thread, after loading. */
    public <T> Future<T> submit(Callable<T> task) {
        return worker.submit(task);
    }

    private void publish(EngineStatus next) {
        synchronized (statusLock) {
            status = next;
            for (Consumer<EngineStatus> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("Engine status listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
