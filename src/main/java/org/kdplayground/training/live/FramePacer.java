package org.kdplayground.training.live;

import java.util.Objects;
import java.util.Queue;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.kdplayground.ui.FrameStats;

/**
 * Paces what a run shows, once per frame: the worker's events wait in a queue and are applied here, the charts redraw
 * at most every second frame, and the frames in which they do not redraw are offered to the other pictures, so that
 * no frame draws everything at once.
 *
 * <p>A run's start is drawn over several frames: the first draws Start itself (the run buttons, the message), the
 * second greys out the set-up ({@link #startShownProperty()}), the third shows the emptied charts and the run's first
 * events, and what the models learned follows in the next quiet frame.
 */
public final class FramePacer {

    /**
     * Charts follow steps and epochs at most every second frame at 60 Hz (25 ms is more than one frame and less than
     * two; small data sets end dozens of epochs a second); starts and ends show at once.
     */
    static final long REDRAW_PERIOD_NANOS = 25_000_000;
    /** Frames of a run's start in which the queued events wait (Start, then the greyed set-up). */
    static final int START_FRAMES = 2;

    private final Queue<RunEvent> inbox;
    private final Consumer<RunEvent> apply;
    private final Runnable redraw;
    private final RedrawThrottle redraws = new RedrawThrottle(REDRAW_PERIOD_NANOS);
    private final ReadOnlyBooleanWrapper startShown = new ReadOnlyBooleanWrapper(this, "startShown", true);
    private final FrameStats frames = new FrameStats(1 << 16);
    /** The FX thread's work on each pulse of a run: from the pulse's start to the end of its layout pass. */
    private final FrameStats pulseWork = new FrameStats(1 << 16);
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frames.frame(now);
            pulseStartedAt = now;
            drain();
        }
    };
    private Runnable quietFrame = () -> { };
    private long pulseStartedAt = -1;
    private int startFramesLeft;
    private boolean runCleared;

    /**
     * @param inbox  the worker's events, in order
     * @param apply  applies one event to the screen's model
     * @param redraw marks the live charts stale, in a frame in which they redraw
     */
    public FramePacer(Queue<RunEvent> inbox, Consumer<RunEvent> apply, Runnable redraw) {
        this.inbox = Objects.requireNonNull(inbox);
        this.apply = Objects.requireNonNull(apply);
        this.redraw = Objects.requireNonNull(redraw);
    }

    /** A run starts: its events are paced from the next frame on, its start spread over the first frames. */
    public void start() {
        startFramesLeft = START_FRAMES;
        runCleared = true;
        startShown.set(false);
        frames.reset();
        pulseWork.reset();
        pulseStartedAt = -1;
        pump.start();
    }

    /** The run ended (its last events are applied). */
    public void stop() {
        pump.stop();
    }

    /** False from Start until the frame that greys out the set-up. */
    public ReadOnlyBooleanProperty startShownProperty() {
        return startShown.getReadOnlyProperty();
    }

    /** Called in each frame of a run in which the live charts do not redraw. */
    public void setOnQuietFrame(Runnable action) {
        quietFrame = Objects.requireNonNull(action);
    }

    /** One frame: applies every queued event, then redraws the charts or offers the frame as a quiet one. */
    void drain() {
        if (startFramesLeft > 0) {
            if (--startFramesLeft == 0) {
                startShown.set(true);
            }
            return; // the run's events wait
        }
        boolean changed = runCleared;
        boolean milestone = runCleared;
        runCleared = false;
        RunEvent event;
        while ((event = inbox.poll()) != null) {
            changed = true;
            milestone |= !(event instanceof RunEvent.Step || event instanceof RunEvent.Epoch);
            apply.accept(event);
        }
        if (redraws.redraw(System.nanoTime(), changed, milestone)) {
            redraw.run();
        } else {
            quietFrame.run();
        }
    }

    /**
     * The scene ended a pulse's layout pass (the screen calls this after every pulse): while a run streams, the time
     * since the pulse began is the FX thread's work on it (animation timers, this drain, CSS, layout); the renderer
     * draws the pulse on its own thread after that.
     */
    public void pulseLaidOut() {
        if (pulseStartedAt >= 0) {
            pulseWork.duration(System.nanoTime() - pulseStartedAt);
            pulseStartedAt = -1;
        }
    }

    /** The intervals between the last run's frames. */
    public FrameStats frames() {
        return frames;
    }

    /** The FX thread's work on each pulse of the last run. */
    public FrameStats pulseWork() {
        return pulseWork;
    }
}
