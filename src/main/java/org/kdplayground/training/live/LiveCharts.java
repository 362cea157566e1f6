package org.kdplayground.training.live;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ToggleButton;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LiveLineChart;

/**
 * The loss chart (the teacher's CE, each part of the distilled student's loss and its total, the baseline's CE, per
 * step) and the accuracy chart (train and test accuracy of the three networks, per epoch), drawn from
 * {@link LiveMetrics}.
 */
public final class LiveCharts {

    private final LiveMetrics live;
    private final LiveLineChart loss;
    private final LiveLineChart accuracy;
    private final I18n i18n;
    private long accuracyShownRevision = -1;
    private List<LossPart> partsShown = List.of();

    public LiveCharts(LiveMetrics live, I18n i18n, LiveLineChart loss, LiveLineChart accuracy, ToggleButton logScale) {
        this.live = live;
        this.i18n = i18n;
        this.loss = loss;
        this.accuracy = accuracy;
        showLossParts();
        loss.xLabelProperty().bind(i18n.text("chart_step"));
        loss.logScaleProperty().bind(logScale.selectedProperty());
        for (ModelRole role : ModelRole.values()) {
            accuracy.addSeries(new LiveLineChart.Series(live.trainAccuracy(role), Roles.chartRole(role),
                    i18n.text(Roles.nameKey(role)), 1.2, true));
            accuracy.addSeries(new LiveLineChart.Series(live.testAccuracy(role), Roles.chartRole(role),
                    i18n.text(Roles.nameKey(role)), 2.2, false));
        }
        accuracy.setFixedRange(0, 1, true);
        accuracy.xLabelProperty().bind(i18n.text("chart_epoch_note"));
    }

    /** The loss chart's lines: the teacher's CE, the parts of the latest run's loss and its total, the baseline's CE. */
    private void showLossParts() {
        partsShown = live.lossParts();
        List<LiveLineChart.Series> lines = new ArrayList<>();
        lines.add(new LiveLineChart.Series(live.teacherLoss(), ChartRole.TEACHER, i18n.text("series_teacher_ce"), 1.5,
                false));
        for (LossPart part : partsShown) {
            lines.add(new LiveLineChart.Series(live.distilledPart(part), chartRole(part), i18n.text(labelKey(part)),
                    1.5, false));
        }
        lines.add(new LiveLineChart.Series(live.distilledLoss(), ChartRole.TOTAL, i18n.text("series_distilled_total"),
                2.5, false));
        lines.add(new LiveLineChart.Series(live.baselineLoss(), ChartRole.BASELINE, i18n.text("series_baseline_ce"),
                1.5, false));
        loss.setSeries(lines);
    }

    private static ChartRole chartRole(LossPart part) {
        return switch (part) {
            case HARD -> ChartRole.HARD;
            case SOFT -> ChartRole.SOFT;
            case TCKD -> ChartRole.TCKD;
            case NCKD -> ChartRole.NCKD;
        };
    }

    private static String labelKey(LossPart part) {
        return switch (part) {
            case HARD -> "series_distilled_hard";
            case SOFT -> "series_distilled_soft";
            case TCKD -> "series_distilled_tckd";
            case NCKD -> "series_distilled_nckd";
        };
    }

    /** The metrics changed: the loss chart redraws, the accuracy chart when an epoch added to it. */
    public void refresh() {
        if (!partsShown.equals(live.lossParts())) {
            showLossParts();
        }
        loss.invalidate();
        if (live.epochRevision() != accuracyShownRevision) {
            accuracyShownRevision = live.epochRevision();
            accuracy.invalidate();
        }
    }
}
