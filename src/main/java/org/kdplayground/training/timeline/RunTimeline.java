package org.kdplayground.training.timeline;

import java.util.Objects;

import javafx.animation.AnimationTimer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.kdplayground.engine.Phase;
import org.kdplayground.training.live.LiveMetrics;

/**
 * The timeline of the run on screen (the one training or one reopened from the results): the chosen epoch, which
 * follows the newest one until the user moves it back, the pictures of the chosen epoch pinned on the views, the
 * charts' cursor, and a playback of the run at the chosen speed. FX thread only.
 */
public final class RunTimeline {

    private final LiveMetrics live;
    private Runnable redraw;
    private final ObjectProperty<RunSpeed> speed;
    private final ReadOnlyObjectWrapper<RunRecording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final ReadOnlyIntegerWrapper newest = new ReadOnlyIntegerWrapper(this, "newest", 0);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper epochCursor = new ReadOnlyDoubleWrapper(this, "epochCursor", Double.NaN);
    private final ReadOnlyDoubleWrapper stepCursor = new ReadOnlyDoubleWrapper(this, "stepCursor", Double.NaN);
    private final AnimationTimer player = new AnimationTimer() {
        @Override
        public void handle(long now) {
            playFrame(now);
        }
    };
    private long nextEpochAt;

    /**
     * @param redraw marks the charts and views stale (they redraw in the next frame)
     * @param speed  the screen's speed, which a playback follows
     */
    public RunTimeline(LiveMetrics live, Runnable redraw, ObjectProperty<RunSpeed> speed) {
        this.live = Objects.requireNonNull(live);
        this.redraw = Objects.requireNonNull(redraw);
        this.speed = Objects.requireNonNull(speed);
        position.addListener((obs, old, now) -> show());
    }

    /**
     * What redraws the views when the timeline pins or unpins an epoch's pictures (by default the live metrics' own
     * redraw, charts included; the screen redraws only the views that show pictures).
     */
    public void setOnPicturesChanged(Runnable action) {
        redraw = Objects.requireNonNull(action);
    }

    /** Shows a run: a new one (its epochs follow as they come) or a finished one reopened, at its end. */
    public void show(RunRecording run) {
        stopPlaying();
        recording.set(Objects.requireNonNull(run));
        newest.set(run.newest());
        position.set(run.newest());
        show();
    }

    /** An epoch of the run on screen was recorded: the timeline grows, and follows it unless moved back. */
    public void epochRecorded() {
        RunRecording run = recording.get();
        if (run == null) {
            return;
        }
        boolean follow = following.get();
        newest.set(run.newest());
        if (follow) {
            position.set(run.newest()); // shows it (the views follow the live metrics)
        }
    }

    /** The chosen epoch, from 1 (0 before the first); setting it shows that epoch. */
    public IntegerProperty positionProperty() {
        return position;
    }

    /** The newest epoch recorded. */
    public ReadOnlyIntegerProperty newestProperty() {
        return newest.getReadOnlyProperty();
    }

    /** True while the views show the newest epoch (live, during a run). */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunRecording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Where the per-epoch chart's cursor goes (its x), NaN while following. */
    public ReadOnlyDoubleProperty epochCursorProperty() {
        return epochCursor.getReadOnlyProperty();
    }

    /** Where the loss chart's cursor goes (a step), NaN while following. */
    public ReadOnlyDoubleProperty stepCursorProperty() {
        return stepCursor.getReadOnlyProperty();
    }

    /** Back to the newest epoch, following the run again. */
    public void goLive() {
        stopPlaying();
        position.set(newest.get());
    }

    /** Plays the run back from the chosen epoch (from its start when at the end) at the chosen speed. */
    public void play() {
        if (newest.get() < 1) {
            return;
        }
        if (position.get() >= newest.get()) {
            position.set(1);
        }
        playing.set(true);
        nextEpochAt = -1;
        player.start();
    }

    public void stopPlaying() {
        player.stop();
        playing.set(false);
    }

    public void togglePlaying() {
        if (playing.get()) {
            stopPlaying();
        } else {
            play();
        }
    }

    private void playFrame(long now) {
        if (nextEpochAt < 0) {
            nextEpochAt = now + interval(position.get());
            return;
        }
        if (now < nextEpochAt) {
            return;
        }
        int next = position.get() + 1;
        if (next > newest.get()) {
            stopPlaying();
            return;
        }
        position.set(next);
        nextEpochAt = Math.max(nextEpochAt + interval(next), now);
        if (next >= newest.get()) {
            stopPlaying();
        }
    }

    /** How long epoch {@code index} stays on screen in a playback: its pace at the chosen speed, a frame at least. */
    private long interval(int index) {
        RunRecording run = recording.get();
        Phase phase = index <= run.teacherEpochs() ? Phase.TEACHER : Phase.STUDENTS;
        return speed.get().epochNanos(phase, Math.max(1, run.totalEpochs() - run.teacherEpochs()));
    }

    /** Pins the chosen epoch's pictures on the views (none while following) and places the charts' cursors. */
    private void show() {
        RunRecording run = recording.get();
        boolean follow = run == null || position.get() >= newest.get();
        following.set(follow);
        EpochSnapshot snapshot = follow ? null : run.at(position.get());
        boolean wasPinned = live.isPinned();
        live.pin(snapshot == null ? null : snapshot.pictures());
        epochCursor.set(snapshot == null ? Double.NaN : position.get());
        stepCursor.set(snapshot == null ? Double.NaN : snapshot.globalStep());
        if (snapshot != null || wasPinned) {
            redraw.run(); // while following live, the run's own frames redraw (FramePacer), not this
        }
    }
}
