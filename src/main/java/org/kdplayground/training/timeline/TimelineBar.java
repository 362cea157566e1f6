package org.kdplayground.training.timeline;

import java.util.function.BooleanSupplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.kdplayground.engine.Phase;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Tooltips;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The timeline under the charts: a scrubber through the run's epochs (Home/End, ←/→ epoch by epoch), the epoch it
 * shows, a ▶ that plays a finished run back, and Live, which follows the newest epoch again. With the scrubber
 * focused, Space pauses or resumes a run (plays or stops a finished one), and → at the newest epoch of a paused run
 * steps it by one epoch (Shift+→: one batch).
 */
public final class TimelineBar {

    /** The bar's controls, from the screen's FXML. */
    public record Controls(Slider scrubber, Button play, Button live, Label position) {
    }

    /**
     * What the bar does to the run in progress.
     *
     * @param runBusy whether a run is in progress (prepared, training, paused or stopping)
     * @param paused  whether the run in progress is paused
     */
    public record RunActions(BooleanExpression runBusy, BooleanSupplier paused, Runnable togglePause,
                             Runnable stepEpoch, Runnable stepBatch) {
    }

    private static final String PLAY = "mdi2p-play";
    private static final String PAUSE = "mdi2p-pause";

    private final RunTimeline timeline;
    private final I18n i18n;
    private final Controls c;
    private boolean updating;

    public TimelineBar(RunTimeline timeline, I18n i18n, Controls controls, RunActions run) {
        this.timeline = timeline;
        this.i18n = i18n;
        this.c = controls;
        Slider scrubber = c.scrubber();
        scrubber.setMin(0);
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.maxProperty().bind(Bindings.max(1, timeline.newestProperty()));
        scrubber.minProperty().bind(Bindings.min(1, timeline.newestProperty()));
        scrubber.disableProperty().bind(timeline.newestProperty().lessThan(1));
        scrubber.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                timeline.positionProperty().set((int) Math.round(now.doubleValue()));
            }
        });
        timeline.positionProperty().addListener((obs, old, now) -> follow());
        timeline.newestProperty().addListener((obs, old, now) -> follow());
        scrubber.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                if (run.runBusy().get()) {
                    run.togglePause().run();
                } else {
                    timeline.togglePlaying();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && run.paused().getAsBoolean()
                    && timeline.followingProperty().get()) {
                (e.isShiftDown() ? run.stepBatch() : run.stepEpoch()).run();
                e.consume();
            }
        });
        FontIcon playIcon = new FontIcon(PLAY);
        c.play().setGraphic(playIcon);
        timeline.playingProperty().addListener((obs, old, now) -> playIcon.setIconLiteral(now ? PAUSE : PLAY));
        c.play().disableProperty().bind(run.runBusy().or(timeline.newestProperty().lessThan(2)));
        c.play().setOnAction(e -> timeline.togglePlaying());
        c.play().setTooltip(tip("timeline_play_tip"));
        c.live().textProperty().bind(i18n.text("timeline_live"));
        c.live().disableProperty().bind(timeline.followingProperty());
        c.live().setOnAction(e -> timeline.goLive());
        c.live().setTooltip(tip("timeline_live_tip"));
        scrubber.setTooltip(tip("timeline_scrubber_tip"));
        c.position().textProperty().bind(Bindings.createStringBinding(this::positionText,
                timeline.positionProperty(), timeline.newestProperty(), timeline.recordingProperty(), i18n.table()));
        follow();
    }

    private Tooltip tip(String key) {
        return Tooltips.wrapping(i18n.text(key));
    }

    /** The scrubber follows the timeline's position (set by playback, Live or a new epoch). */
    private void follow() {
        updating = true;
        try {
            c.scrubber().setValue(timeline.positionProperty().get());
        } finally {
            updating = false;
        }
    }

    /** "Students, epoch 5 of 30" for the chosen epoch; empty before the run's first epoch. */
    private String positionText() {
        RunRecording run = timeline.recordingProperty().get();
        int at = timeline.positionProperty().get();
        if (run == null || at < 1) {
            return i18n.get("timeline_empty");
        }
        int teacherEpochs = run.teacherEpochs();
        Phase phase = at <= teacherEpochs ? Phase.TEACHER : Phase.STUDENTS;
        int epoch = phase == Phase.TEACHER ? at : at - teacherEpochs;
        int of = phase == Phase.TEACHER ? teacherEpochs : run.totalEpochs() - teacherEpochs;
        return i18n.formatNow(phase == Phase.TEACHER ? "timeline_teacher_epoch" : "timeline_students_epoch", epoch,
                of);
    }
}
