package org.kdplayground.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way screens run slow work: the work runs on the executor's threads, its outcome and the updates it reports
 * arrive on the FX thread. A model gets its executors through its constructor, so a test can pass
 * {@link #currentThread()} and run everything in a fixed order on one thread.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} with its result or {@code onFailure} with what it
     * threw, on the FX thread. An {@link Error} of the work (a native library that fails to load) reaches
     * {@code onFailure} wrapped in an exception.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Exception> onFailure);

    /** Runs {@code update} on the FX thread: how a task at work reports progress. */
    void report(Runnable update);

    /** Work on {@code threads}; outcomes and updates on the FX thread. */
    static TaskExecutor on(Executor threads) {
        Objects.requireNonNull(threads);
        return new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Exception> onFailure) {
                threads.execute(() -> Outcome.of(work).deliver(this, onSuccess, onFailure));
            }

            @Override
            public void report(Runnable update) {
                if (Platform.isFxApplicationThread()) {
                    update.run();
                } else {
                    Platform.runLater(update);
                }
            }
        };
    }

    /** Everything at once on the calling thread, in call order: for tests. */
    static TaskExecutor currentThread() {
        return new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Exception> onFailure) {
                Outcome.of(work).deliver(this, onSuccess, onFailure);
            }

            @Override
            public void report(Runnable update) {
                update.run();
            }
        };
    }

    /** What a piece of work ended with. */
    record Outcome<T>(T result, Exception failure) {

        static <T> Outcome<T> of(Callable<T> work) {
            try {
                return new Outcome<>(work.call(), null);
            } catch (Exception e) {
                return new Outcome<>(null, e);
            } catch (LinkageError e) {
                Logger log = LoggerFactory.getLogger(TaskExecutor.class);
                log.error("Background work failed", e);
                return new Outcome<>(null, new IllegalStateException(e.getMessage(), e));
            }
        }

        void deliver(TaskExecutor executor, Consumer<? super T> onSuccess, Consumer<Exception> onFailure) {
            executor.report(() -> {
                if (failure == null) {
                    onSuccess.accept(result);
                } else {
                    onFailure.accept(failure);
                }
            });
        }
    }
}
