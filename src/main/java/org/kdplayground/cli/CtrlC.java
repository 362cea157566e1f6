package org.kdplayground.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.kdplayground.engine.RunControl;

/**
 * Ctrl+C during a command that trains or downloads: the run stops at its next step (a download at its next chunk), and the JVM's shutdown waits (up to
 * {@value #WAIT_SECONDS} s) until the command has written what it had (the CSV closed, the table printed) and closed
 * this. Use it in a try-with-resources block around everything the command writes.
 */
final class CtrlC implements AutoCloseable {

    static final int WAIT_SECONDS = 5;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private final boolean hooked;

    /** @param name the hook thread's name, for thread dumps */
    CtrlC(RunControl control, String name) {
        this(control::cancel, name);
    }

    /** @param cancel what Ctrl+C does first (a download's cancel flag) */
    CtrlC(Runnable cancel, String name) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                written.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        boolean added;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            added = true;
        } catch (IllegalStateException e) {
            added = false; // already shutting down
        }
        hooked = added;
    }

    /** Everything is written: a shutdown in progress may go on. */
    @Override
    public void close() {
        written.countDown();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and has been released
            }
        }
    }
}
