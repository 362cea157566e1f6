package org.kdplayground.training.calibration;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.training.live.Roles;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.TreeVisibility;

/**
 * The calibration tab: a reliability diagram per model from its latest epoch's test predictions, each with its
 * expected calibration error, so a room can see whether distillation made the student more or less sure of itself
 * than it should be.
 */
public final class CalibrationTab {

    private final LiveMetrics live;
    private final HBox box;
    private final Map<ModelRole, ReliabilityDiagram> diagrams = new EnumMap<>(ModelRole.class);
    private long shownRevision = -1;

    public CalibrationTab(LiveMetrics live, I18n i18n, HBox box) {
        this.live = live;
        this.box = box;
        for (ModelRole role : ModelRole.values()) {
            ReliabilityDiagram diagram = new ReliabilityDiagram(Roles.chartRole(role));
            diagram.setId("reliability-" + role.name().toLowerCase(Locale.ROOT));
            diagram.xLabelProperty().bind(i18n.text("calibration_confidence"));
            diagram.yLabelProperty().bind(i18n.text("calibration_accuracy"));
            diagram.titleProperty().bind(i18n.text(Roles.nameKey(role)));
            diagram.eceNoteProperty().bind(i18n.text("calibration_ece"));
            HBox.setHgrow(diagram, Priority.ALWAYS);
            diagrams.put(role, diagram);
            box.getChildren().add(diagram);
        }
    }

    /** The metrics changed: the diagrams follow the latest epoch (or the epoch the timeline pins). */
    public void refresh() {
        if (live.epochRevision() == shownRevision || !TreeVisibility.visible(box)) {
            return; // a hidden tab's canvases would still be drawn: it follows when it is shown (refresh again)
        }
        shownRevision = live.epochRevision();
        for (ModelRole role : ModelRole.values()) {
            diagrams.get(role).show(live.reliability().get(role));
        }
    }
}
