package org.kdplayground.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The property every reader's fuzz test checks: reading an input either returns a value or throws the reader's own
 * exception, whose message is one line (and names the file where {@code namesFile} asks), never anything else (a
 * NullPointerException, an OutOfMemoryError, a StackOverflowError, a NumberFormatException), and it ends within
 * {@link #TIMEOUT_SECONDS} (a reader that hangs fails the try).
 */
public final class ReaderOutcome {

    /** Per try: generous for a 2-core machine shared with other builds; a hang takes forever. */
    public static final long TIMEOUT_SECONDS = 10;

    private static final ExecutorService READER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzzed-reader");
        t.setDaemon(true);
        return t;
    });

    private ReaderOutcome() {
    }

    /**
     * Runs {@code read}; returns its value, or null when it threw {@code allowed} with a fit message.
     *
     * @param message what the allowed exception's message must satisfy besides being one non-blank line
     * @throws AssertionError for any other outcome, with the throwable as its cause
     */
    public static <T> T valueOrOwnFailure(Callable<T> read, Class<? extends Throwable> allowed,
                                          Predicate<String> message) {
        Future<T> future = READER.submit(read);
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("the reader did not end within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Throwable thrown = e.getCause();
            if (!allowed.isInstance(thrown)) {
                throw new AssertionError("expected a value or " + allowed.getSimpleName() + ", got " + thrown,
                        thrown);
            }
            String text = thrown.getMessage();
            if (text == null || text.isBlank() || text.contains("\n") || !message.test(text)) {
                throw new AssertionError("unfit message: " + text, thrown);
            }
            return null;
        }
    }
}
