package org.kdplayground.training.learned;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.ModelRole;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.live.Roles;
import org.kdplayground.training.live.RunEvent;
import org.kdplayground.ui.I18n;

/**
 * What the three networks learned: decision-boundary heatmaps for 2-D data, confusion matrices for images. During a
 * run they are redrawn at most four times a second, one view in a frame in which the charts do not redraw, so no
 * frame draws the charts and the heatmaps together.
 */
public final class LearnedViews {

    private static final long PERIOD_NANOS = 250_000_000;

    private final LiveMetrics live;
    private final HBox box;
    private final ObservableValue<DatasetCatalog> setupData;
    private final BooleanSupplier running;
    private final Runnable examplesChanged;
    private final Map<ModelRole, BoundaryView> boundaryViews = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, ConfusionView> confusionViews = new EnumMap<>(ModelRole.class);
    private final BooleanProperty showDisagreement = new SimpleBooleanProperty(this, "showDisagreement");
    private final BooleanProperty showingBoundaries = new SimpleBooleanProperty(this, "showingBoundaries", true);
    private long shownEpochs = -1;
    private long shownAt;
    private boolean pending;

    /**
     * @param setupData       the set-up's data set, which tells the kind of views before a run has data
     * @param running         whether a run is training
     * @param examplesChanged redraws the example strip, which follows the views
     */
    public LearnedViews(LiveMetrics live, I18n i18n, HBox box, ObservableValue<DatasetCatalog> setupData,
                        BooleanSupplier running, Runnable examplesChanged) {
        this.live = live;
        this.box = box;
        showDisagreement.addListener((obs, old, now) -> show(false));
        this.setupData = setupData;
        this.running = running;
        this.examplesChanged = examplesChanged;
        for (ModelRole role : ModelRole.values()) {
            BoundaryView boundary = new BoundaryView(Roles.chartRole(role));
            boundary.setId("boundary-" + role.name().toLowerCase(Locale.ROOT));
            boundary.titleProperty().bind(i18n.text(Roles.nameKey(role)));
            boundary.disagreementNoteProperty().bind(i18n.text("learned_disagreement_share"));
            ConfusionView confusion = new ConfusionView(Roles.chartRole(role));
            confusion.setId("confusion-" + role.name().toLowerCase(Locale.ROOT));
            confusion.titleProperty().bind(i18n.text(Roles.nameKey(role)));
            boundaryViews.put(role, boundary);
            confusionViews.put(role, confusion);
            HBox.setHgrow(boundary, Priority.ALWAYS);
            HBox.setHgrow(confusion, Priority.ALWAYS);
        }
        // before a run has data, the views are empty: show the kind the chosen data set will fill (its CSS and layout
        // then happen here, not in a running training's frames); a finished run's pictures stay until the next run
        Runnable followDataset = () -> {
            if (live.points() == null) {
                showKind(boundariesForSetup());
            }
        };
        setupData.addListener((obs, old, now) -> followDataset.run());
        followDataset.run();
    }

    /** Whether the students' heatmaps show where their class differs from the teacher's (2-D data only). */
    public BooleanProperty showDisagreementProperty() {
        return showDisagreement;
    }

    /** Whether the views are decision boundaries (2-D data) rather than confusion matrices. */
    public ReadOnlyBooleanProperty showingBoundariesProperty() {
        return showingBoundaries;
    }

    /** The metrics changed: during a run the views are drawn in a later quiet frame, else at once. */
    public void refresh() {
        long now = System.nanoTime();
        boolean busy = running.getAsBoolean();
        boolean fresh = live.epochRevision() != shownEpochs;
        if (!fresh && !(pending && !busy)) {
            return; // nothing new, and nothing left waiting for a quiet frame that a finished run will not have
        }
        if (fresh && busy && now - shownAt < PERIOD_NANOS && shownEpochs >= 0) {
            return; // what the models learned changes per epoch, and is redrawn at most four times a second
        }
        shownEpochs = live.epochRevision();
        shownAt = now;
        if (busy) {
            pending = true;
        } else {
            pending = false;
            show(false);
        }
    }

    /** A frame in which the charts do not redraw: one view waiting to be drawn is drawn now. */
    public void quietFrame() {
        if (!pending && live.epochRevision() != shownEpochs && System.nanoTime() - shownAt >= PERIOD_NANOS) {
            shownEpochs = live.epochRevision(); // an epoch held back by the four-a-second limit (a paused run's
            shownAt = System.nanoTime();        // Step, say) is shown once the limit allows, not at the next event
            pending = true;
        }
        if (pending) {
            pending = show(true);
        }
    }

    /** Whether the set-up's data set is drawn as boundaries (2-D points); with none chosen yet, boundaries. */
    private boolean boundariesForSetup() {
        DatasetCatalog dataset = setupData.getValue();
        return dataset == null || !dataset.isImage();
    }

    private void showKind(boolean boundaries) {
        List<? extends Node> views = boundaries
                ? List.copyOf(boundaryViews.values()) : List.copyOf(confusionViews.values());
        if (!box.getChildren().equals(views)) {
            box.getChildren().setAll(views);
        }
        showingBoundaries.set(boundaries);
    }

    /**
     * Shows what the models learned: all of it, or one changed view a call; the example strip follows the views.
     *
     * @return whether pictures may remain to show
     */
    private boolean show(boolean onePicture) {
        // until the run's data arrives (a frame or two after Start) the set-up's data set tells the kind: a digits
        // run after a digits run keeps its (now empty) confusion matrices instead of flashing the boundary views
        boolean twoD = live.points() == null ? boundariesForSetup() : live.bounds() != null;
        showKind(twoD);
        for (ModelRole role : ModelRole.values()) {
            RunEvent.Boundary teacher = showDisagreement.get() && role != ModelRole.TEACHER
                    ? live.boundaries().get(ModelRole.TEACHER) : null;
            if (twoD) {
                boundaryViews.get(role).markLabelled(live.labelled());
            }
            boolean changed = twoD
                    ? boundaryViews.get(role).show(live.boundaries().get(role), teacher, live.points(), live.bounds())
                    : confusionViews.get(role).show(live.confusion().get(role), live.classNames());
            if (changed && onePicture) {
                return true;
            }
        }
        if (live.strip().length > 0) {
            examplesChanged.run();
        }
        return false;
    }
}
