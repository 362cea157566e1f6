package org.kdplayground.training.live;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Collects a run's garbage shortly after it ends, while nothing on the screen moves, so that the next run starts with
 * an empty young generation: a run allocates about as much as the young generation holds, and a collection during a
 * run is a late frame. The app's JVMs run with {@code -Xmn128m -XX:+ExplicitGCInvokesConcurrent} (a young generation
 * that holds such a run; the old generation marked concurrently); docs/performance.md says what was measured.
 * {@code -Dkdplayground.collectAfterRun=false} leaves it out.
 */
public final class CollectionAfterRun {

    public static final Duration DELAY = Duration.millis(300);
    static final String PROPERTY = "kdplayground.collectAfterRun";

    private final PauseTransition timer = new PauseTransition(DELAY);
    private Runnable collector = Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) ? System::gc : () -> { };
    private BooleanSupplier idle;

    /** @param idle whether nothing is training now: the collection waits for no one, it is left out then */
    public CollectionAfterRun(BooleanSupplier idle) {
        this.idle = Objects.requireNonNull(idle);
        timer.setOnFinished(e -> {
            if (this.idle.getAsBoolean()) {
                collector.run();
            }
        });
    }

    /** A run ended: collect after {@link #DELAY}, unless something trains by then. */
    public void runEnded() {
        timer.playFromStart();
    }

    /** What collects (tests count the calls). */
    public void setCollector(Runnable collector) {
        this.collector = Objects.requireNonNull(collector);
    }

    /** Leaves the collection out also while {@code othersIdle} is false (a second screen's run). */
    public void alsoWaitFor(BooleanSupplier othersIdle) {
        BooleanSupplier own = idle;
        idle = () -> own.getAsBoolean() && othersIdle.getAsBoolean();
    }
}
