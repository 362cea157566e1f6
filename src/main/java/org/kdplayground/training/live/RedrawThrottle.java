package org.kdplayground.training.live;

/**
 * When the live charts redraw while a run streams events: at once for a milestone (a run starting or ending),
 * otherwise at most once per period, and a change held back is shown once the period has passed even if no new
 * event comes. Asked once a frame, on the FX thread; times in nanoseconds.
 */
public final class RedrawThrottle {

    private final long periodNanos;
    private long last = Long.MIN_VALUE / 2;
    private boolean pending;

    public RedrawThrottle(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /**
     * Whether to redraw now.
     *
     * @param changed   events arrived since the last frame
     * @param milestone one of them must show at once
     */
    public boolean redraw(long now, boolean changed, boolean milestone) {
        pending |= changed;
        if (pending && (milestone || now - last > periodNanos)) {
            pending = false;
            last = now;
            return true;
        }
        return false;
    }
}
