package org.kdplayground.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.loss.LossPart;
import org.kdplayground.math.LossBreakdown;
import org.kdplayground.math.Softmax;
import org.kdplayground.ui.FormulaView;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LogLineChart;
import org.kdplayground.ui.NumberFormats;
import org.kdplayground.ui.ProbabilityBarChart;

/**
 * Moves the model's derived values into the picture once per frame: any number of changes between two pulses
 * mark it dirty, and a pre-layout pulse hook reads the model once (one recomputation) and fills every chart and
 * number. Charts then redraw in the same pulse's layout pass.
 */
final class PictureUpdater {

    /** The nodes the updater fills, as the FXML made them. */
    record Nodes(ProbabilityBarChart teacherT1, ProbabilityBarChart teacherT, ProbabilityBarChart studentT,
                 Label hard, Label kl, Label soft, Label tckd, Label nckd, Label total, LossBar lossBar,
                 FormulaView formula,
                 GradientChart gradient, Label gradientNote, VBox grid, LogLineChart curves, Label curvesNote) {
    }

    private final ExplorerModel model;
    private final I18n i18n;
    private final Nodes nodes;
    private final Runnable hook = this::onPulse;
    private final List<GridCell> gridCells = new ArrayList<>();
    private boolean dirty = true;
    private int updates;

    PictureUpdater(ExplorerModel model, I18n i18n, Nodes nodes, Node owner) {
        this.model = model;
        this.i18n = i18n;
        this.nodes = nodes;
        model.breakdownProperty().addListener(ignored -> invalidate());
        model.lossProperty().addListener(ignored -> invalidate());
        model.gradientProperty().addListener(ignored -> invalidate());
        model.curvesProperty().addListener(ignored -> invalidate());
        model.gridTemperaturesProperty().addListener(ignored -> invalidate());
        model.detailTabProperty().addListener(ignored -> invalidate());
        i18n.languageProperty().addListener(ignored -> invalidate());
        owner.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(hook);
            }
            attach(now);
        });
        attach(owner.getScene());
        update();
    }

    /** How many times the picture was filled (for tests of the once-per-frame rule). */
    int updates() {
        return updates;
    }

    private void attach(Scene scene) {
        if (scene != null) {
            scene.addPreLayoutPulseListener(hook);
            invalidate();
        }
    }

    private void invalidate() {
        if (!dirty) {
            dirty = true;
            Platform.requestNextPulse();
        }
    }

    private void onPulse() {
        if (dirty) {
            update();
        }
    }

    private void update() {
        dirty = false;
        updates++;
        ClassLogits logits = model.getLogits();
        LossBreakdown b = model.getBreakdown();
        MethodLoss loss = model.getLoss();
        int label = b.label();
        double t = b.temperature();
        bars(nodes.teacherT1(), Softmax.softmax(logits.teacher(), 1.0), logits, label);
        bars(nodes.teacherT(), loss.teacherSoft(), logits, label);
        bars(nodes.studentT(), loss.studentSoft(), logits, label);
        updateNumbers(loss);
        nodes.formula().texProperty().set(LossFormula.tex(loss, b));
        // Only the detail tab on show is filled: JavaFX renders a hidden canvas's drawing all the same (so that its
        // command buffer cannot grow without bound), and the hidden curves redrawn every frame cost more than the
        // gradient chart on show. Switching tabs invalidates the picture, which fills the new tab.
        switch (model.detailTabProperty().get()) {
            case GRADIENT -> updateGradient(logits, label, t);
            case GRID -> updateGrid(logits, label);
            case CURVES -> updateCurves(logits, b);
        }
    }

    /** The method's terms beside the loss bar, and the bar of their weighted values in their roles' colours. */
    private void updateNumbers(MethodLoss loss) {
        nodes.hard().setText(NumberFormats.significant(loss.term(LossPart.HARD).value()));
        if (loss.method() == LossMethod.DKD) {
            nodes.tckd().setText(NumberFormats.significant(loss.term(LossPart.TCKD).value()));
            nodes.nckd().setText(NumberFormats.significant(loss.term(LossPart.NCKD).value()));
        } else {
            nodes.kl().setText(NumberFormats.significant(loss.term(LossPart.SOFT).unscaled()));
            nodes.soft().setText(NumberFormats.significant(loss.term(LossPart.SOFT).value()));
        }
        nodes.total().setText(NumberFormats.significant(loss.total()));
        nodes.lossBar().segmentsProperty().set(loss.terms().stream()
                .map(term -> new LossBar.Segment(GradientChart.role(term.part()), term.weighted())).toList());
    }

    private void updateGradient(ClassLogits logits, int label, double t) {
        GradientInfo gradient = model.getGradient();
        nodes.gradient().gradientProperty().set(gradient);
        nodes.gradient().labelsProperty().set(logits.names());
        nodes.gradient().markedIndexProperty().set(label);
        nodes.gradientNote().setText(switch (model.lossChoice().getMethod()) {
            case HINTON -> i18n.formatNow("explorer_gradient_note", NumberFormats.percent(gradient.relativeError()),
                    NumberFormats.temperature(t));
            case DKD -> i18n.formatNow("explorer_gradient_note_dkd",
                    NumberFormats.percent(model.getBreakdown().pTeacherT()[label]),
                    NumberFormats.percent(model.getBreakdown().pStudentT()[label]), NumberFormats.temperature(t));
            case LSKD -> i18n.formatNow("explorer_gradient_note_lskd",
                    NumberFormats.significant(MethodLoss.spread(logits.teacher()), 3),
                    NumberFormats.significant(MethodLoss.spread(logits.student()), 3));
        });
    }

    private void updateCurves(ClassLogits logits, LossBreakdown b) {
        TemperatureCurves curves = model.getCurves();
        List<LogLineChart.Series> series = List.of(
                new LogLineChart.Series(i18n.get("explorer_curve_entropy"), curves.temperatures(), curves.entropy()),
                new LogLineChart.Series(i18n.get("explorer_curve_kl"), curves.temperatures(), curves.kl()));
        if (!series.equals(nodes.curves().seriesProperty().get())) {
            nodes.curves().seriesProperty().set(series);
        }
        double t = b.temperature();
        nodes.curves().markerProperty().set(t);
        nodes.curves().yCapProperty().set(Math.max(Math.log(logits.classes()),
                TemperatureCurves.klAt(logits, 1.0)) * 1.3);
        nodes.curvesNote().setText(i18n.formatNow("explorer_curves_note", NumberFormats.temperature(t),
                NumberFormats.significant(TemperatureCurves.entropyAt(logits, t)),
                NumberFormats.significant(b.kl()), NumberFormats.significant(Math.log(logits.classes()))));
    }

    private static void bars(ProbabilityBarChart chart, double[] p, ClassLogits logits, int label) {
        chart.setValues(p);
        chart.labelsProperty().set(logits.names());
        chart.markedIndexProperty().set(label);
    }

    private void updateGrid(ClassLogits logits, int label) {
        double[] temperatures = model.gridTemperaturesProperty().get();
        if (gridCells.size() != temperatures.length) {
            gridCells.clear();
            nodes.grid().getChildren().clear();
            int perRow = temperatures.length <= 4 ? temperatures.length : (temperatures.length + 1) / 2;
            HBox row = null;
            for (int i = 0; i < temperatures.length; i++) {
                if (i % perRow == 0) {
                    row = new HBox();
                    row.getStyleClass().add("grid-row");
                    VBox.setVgrow(row, Priority.ALWAYS);
                    nodes.grid().getChildren().add(row);
                }
                GridCell cell = new GridCell();
                gridCells.add(cell);
                row.getChildren().add(cell.box);
            }
        }
        for (int i = 0; i < temperatures.length; i++) {
            GridCell cell = gridCells.get(i);
            cell.caption.setText("T = " + NumberFormats.significant(temperatures[i], 3));
            bars(cell.chart, Softmax.softmax(logits.teacher(), temperatures[i]), logits, label);
        }
    }

    /** One small multiple: a caption and a teacher bar chart. */
    private static final class GridCell {
        final Label caption = new Label();
        final ProbabilityBarChart chart = new ProbabilityBarChart();
        final VBox box = new VBox(caption, chart);

        GridCell() {
            caption.getStyleClass().add("chart-caption");
            chart.getStyleClass().add("teacher");
            VBox.setVgrow(chart, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.getStyleClass().add("chart-box");
            box.setPrefWidth(100);
        }
    }
}
