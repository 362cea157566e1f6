package org.kdplayground.training.live;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LiveLineChart;
import org.kdplayground.ui.SeriesBuffer;
import org.kdplayground.ui.ToggleChoice;

/**
 * The loss chart (the teacher's CE, each part of the distilled student's loss and its total, the baseline's CE, per
 * step) and the per-epoch chart beside it (the three networks' accuracy, the students' agreement with the teacher, or
 * everyone's calibration error, as the user chooses), drawn from {@link LiveMetrics}.
 */
public final class LiveCharts {

    private final LiveMetrics live;
    private final LiveLineChart loss;
    private final LiveLineChart accuracy;
    private final I18n i18n;
    private long accuracyShownRevision = -1;
    private List<LossPart> partsShown = List.of();

    /**
     * The charts' controls, from the screen's FXML.
     *
     * @param measures the per-epoch chart's choice of measure: one toggle per {@link EpochMeasure}, in its order
     */
    public record Controls(LiveLineChart loss, ToggleButton logScale, LiveLineChart epochChart, Label epochNote,
                           List<ToggleButton> measures) {
    }

    private final ObjectProperty<EpochMeasure> measure;

    /** @param measure what the per-epoch chart shows (the screen model's, so a lesson can choose it) */
    public LiveCharts(LiveMetrics live, I18n i18n, ObjectProperty<EpochMeasure> measure, Controls c) {
        this.measure = measure;
        this.live = live;
        this.i18n = i18n;
        this.loss = c.loss();
        this.accuracy = c.epochChart();
        showLossParts();
        loss.xLabelProperty().bind(i18n.text("chart_step"));
        loss.logScaleProperty().bind(c.logScale().selectedProperty());
        accuracy.xLabelProperty().bind(i18n.text("chart_epoch_note"));
        c.epochNote().textProperty().bind(Bindings.createStringBinding(() -> i18n.get(measure.get().noteKey()),
                measure, i18n.table()));
        ToggleChoice.bind(c.measures(), List.of(EpochMeasure.values()), measure);
        measure.addListener((obs, old, now) -> showMeasure());
        showMeasure();
    }

    /** The per-epoch chart's lines and y-axis for the chosen measure. */
    private void showMeasure() {
        List<LiveLineChart.Series> lines = new ArrayList<>();
        switch (measure.get()) {
            case ACCURACY -> {
                for (ModelRole role : ModelRole.values()) {
                    lines.add(line(live.trainAccuracy(role), role, 1.2, true));
                    lines.add(line(live.testAccuracy(role), role, 2.2, false));
                }
                accuracy.setFixedRange(0, 1, true);
            }
            case AGREEMENT -> {
                for (ModelRole role : List.of(ModelRole.DISTILLED, ModelRole.BASELINE)) {
                    lines.add(line(live.testAccuracy(role), role, 1.2, true));
                    lines.add(line(live.agreement(role), role, 2.2, false));
                }
                accuracy.setFixedRange(0, 1, true);
            }
            case ECE -> {
                for (ModelRole role : ModelRole.values()) {
                    lines.add(line(live.ece(role), role, 2.2, false));
                }
                accuracy.setFixedRange(0, Double.NaN, true);
            }
        }
        accuracy.setSeries(lines);
    }

    private LiveLineChart.Series line(SeriesBuffer data, ModelRole role, double width, boolean faint) {
        return new LiveLineChart.Series(data, Roles.chartRole(role), i18n.text(Roles.nameKey(role)), width, faint);
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

    /** Where the per-epoch chart marks the chosen epoch (its x; NaN for no mark). */
    public javafx.beans.property.DoubleProperty epochMarkerProperty() {
        return accuracy.markerXProperty();
    }

    /** Where the loss chart marks the chosen epoch's last step (NaN for no mark). */
    public javafx.beans.property.DoubleProperty stepMarkerProperty() {
        return loss.markerXProperty();
    }

    /** The metrics changed: the loss chart redraws, the accuracy chart when an epoch added to it. */
    public void refresh() {
        if (!partsShown.equals(live.lossParts())) {
            showLossParts();
        }
        loss.invalidate();
        if (live.dataRevision() != accuracyShownRevision) {
            accuracyShownRevision = live.dataRevision();
            accuracy.invalidate();
        }
    }
}
