package org.kdplayground.download;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a queue the downloading thread polls with a time limit, so it can notice a cancel or a silent
 * server between chunks (a blocking read could do neither). One chunk is requested at a time.
 */
final class BodyQueue implements Flow.Subscriber<List<ByteBuffer>> {

    /** The body ended normally. */
    static final Object END = new Object();

    /** The body ended with this error. */
    record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        items.add(chunk);
    }

    @Override
    public void onError(Throwable error) {
        items.add(new Failure(error));
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    /** A chunk ({@code List<ByteBuffer>}), {@link #END}, a {@link Failure}, or null when nothing came in time. */
    Object poll(long millis) throws InterruptedException {
        return items.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Asks for the next chunk, once the last one is written. */
    void requestNext() {
        subscription.request(1);
    }

    /** Stops the body: the client closes the connection. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
