package org.kdplayground.training.calibration;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.math.Calibration;
import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.RoleChart;
import org.kdplayground.ui.Ticks;
import org.kdplayground.ui.NumberFormats;

/**
 * One model's reliability diagram: for each confidence bin of the test set a bar as high as the model's accuracy
 * on the rows in it, the gap to the bin's mean confidence shaded, and the diagonal where confidence equals accuracy.
 * A strip under the plot shows how the rows spread over the bins. The title row carries the role colour and, at its
 * right end, the expected calibration error.
 */
public final class ReliabilityDiagram extends RoleChart {

    private static final double HEADER = 22;
    private static final double LEFT = 44;
    private static final double RIGHT = 16;
    private static final double STRIP = 16;
    private static final double BOTTOM = 34;

    /** Grid lines at 0, ½ and 1 on both axes: a small plot keeps its labels apart. */
    private static final double[] TICKS = {0, 0.5, 1};

    private final ChartRole role;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final StringProperty eceNote = new SimpleStringProperty(this, "eceNote", "ECE {0}");
    private Calibration.Reliability reliability;

    public ReliabilityDiagram(ChartRole role) {
        this.role = role;
        getStyleClass().add("reliability-diagram");
        title.addListener((obs, old, now) -> invalidate());
        xLabel.addListener((obs, old, now) -> invalidate());
        yLabel.addListener((obs, old, now) -> invalidate());
        eceNote.addListener((obs, old, now) -> invalidate());
        setPrefSize(240, 240);
        setMinSize(110, 160);
    }

    /** The label at the title row's right end, {@code {0}} standing for the ECE, e.g. "ECE {0}". */
    public StringProperty eceNoteProperty() {
        return eceNote;
    }

    /** The title row's text: the model's name. */
    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    public Calibration.Reliability reliability() {
        return reliability;
    }

    /** Shows these bins (null: none yet); the same ones again leave the picture alone. */
    public void show(Calibration.Reliability value) {
        if (value != reliability) {
            reliability = value;
            invalidate();
        }
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        String ece = reliability == null ? ""
                : eceNote.get().replace("{0}", NumberFormats.percent(reliability.ece()));
        drawRoleTitle(g, role, title.get(), width, HEADER, ece);
        double side = Math.min(width - LEFT - RIGHT, height - HEADER - 6 - STRIP - BOTTOM);
        if (side < 40) {
            return;
        }
        double left = LEFT + (width - LEFT - RIGHT - side) / 2;
        double top = HEADER + 6;
        Paint grid = getGridFill();
        Paint text = getTextFill();
        g.setFont(smallFont());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double tick : TICKS) {
            double y = top + side - tick * side;
            horizontalLine(g, grid, left, left + side, y, 1);
            g.setFill(text);
            g.fillText(Ticks.percent(tick), left - 4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double stripTop = top + side + 2;
        for (double tick : TICKS) {
            double x = left + tick * side;
            verticalLine(g, grid, x, top, stripTop + STRIP, 1);
            g.setFill(text);
            g.fillText(Ticks.percent(tick), x, stripTop + STRIP + 2);
        }
        g.fillText(xLabel.get(), left + side / 2, stripTop + STRIP + 16);
        g.save();
        g.translate(12, top + side / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel.get(), 0, 0);
        g.restore();

        if (reliability != null) {
            drawBins(g, left, top, side, stripTop);
        }

        // the diagonal of perfect calibration, dashed, over the bars
        g.setStroke(text);
        g.setGlobalAlpha(0.7);
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.strokeLine(left, top + side, left + side, top);
        g.setLineDashes(null);
        g.setGlobalAlpha(1);
        frame(g, grid, left, top, side, side);
    }

    private void drawBins(GraphicsContext g, double left, double top, double side, double stripTop) {
        Paint fill = paintOf(role);
        int most = reliability.bins().stream().mapToInt(Calibration.Bin::count).max().orElse(0);
        for (Calibration.Bin bin : reliability.bins()) {
            if (bin.isEmpty()) {
                continue;
            }
            double x0 = left + bin.lower() * side + 1;
            double w = (bin.upper() - bin.lower()) * side - 2;
            double yAcc = top + side - bin.accuracy() * side;
            double yConf = top + side - bin.meanConfidence() * side;
            g.setGlobalAlpha(0.85);
            g.setFill(fill);
            g.fillRect(x0, yAcc, w, top + side - yAcc);
            // the gap between what the model claimed and what it achieved
            g.setGlobalAlpha(0.22);
            g.setFill(getTextFill());
            g.fillRect(x0, Math.min(yAcc, yConf), w, Math.abs(yAcc - yConf));
            g.setGlobalAlpha(0.9);
            horizontalLine(g, getTextFill(), x0, x0 + w, yConf, 1.5);
            // how many test rows the bin holds, as a share of the fullest bin
            double h = most == 0 ? 0 : Math.max(1, STRIP * bin.count() / most);
            g.setGlobalAlpha(0.6);
            g.setFill(fill);
            g.fillRect(x0, stripTop + STRIP - h, w, h);
        }
        g.setGlobalAlpha(1);
    }
}
