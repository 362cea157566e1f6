package org.kdplayground.training.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.kdplayground.engine.RunSettings;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.results.RunRecord;

/**
 * The session's finished runs as replays, by run number: the newest {@value #KEPT} (each within its own budget, see
 * {@link RunRecording}), any of which can be shown again with its timeline. FX thread only.
 */
public final class SessionReplays {

    /** How many runs' replays are kept: at most about 64 MiB of snapshots. */
    public static final int KEPT = 16;

    private final LiveMetrics live;
    private final RunTimeline timeline;
    private final Consumer<RunSettings> runShown;
    private final Map<Integer, RunRecording> byRun = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RunRecording> eldest) {
            return size() > KEPT;
        }
    };

    /** @param runShown told the settings of a run shown again (the example strip follows its temperature) */
    public SessionReplays(LiveMetrics live, RunTimeline timeline, Consumer<RunSettings> runShown) {
        this.live = Objects.requireNonNull(live);
        this.timeline = Objects.requireNonNull(timeline);
        this.runShown = Objects.requireNonNull(runShown);
    }

    /** A run ended: its recording joins the session's replays. */
    public void add(int runNumber, RunRecording recording) {
        byRun.put(runNumber, Objects.requireNonNull(recording));
    }

    /** A session run's replay, if it is still kept. */
    public Optional<RunRecording> of(RunRecord run) {
        return Optional.ofNullable(byRun.get(run.number()));
    }

    /**
     * Shows a finished run again, at its end, with its timeline: its charts, and each epoch's pictures. The caller
     * makes sure no run is in progress.
     *
     * @return false when the run's replay is no longer kept
     */
    public boolean reopen(RunRecord run) {
        RunRecording replay = byRun.get(run.number());
        if (replay == null) {
            return false;
        }
        live.clear(run.experiment().settings().loss().parts());
        runShown.accept(run.experiment().settings());
        replay.events().forEach(live::apply);
        timeline.show(replay);
        live.touch();
        return true;
    }
}
