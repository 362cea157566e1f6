package org.kdplayground.training.learned;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

import org.kdplayground.ui.ChartRole;
import org.kdplayground.ui.RoleChart;

/**
 * A model's confusion matrix on the test set: rows are true classes, columns predictions, each cell shaded by the
 * share of its row, in the model's role colour; the diagonal's share is the per-class accuracy, written at the
 * right of each row.
 */
public final class ConfusionView extends RoleChart {

    private static final double HEADER = 22;
    /** The class names' column at the left and the per-class accuracies' at the right. */
    static final double LABEL_WIDTH = 22;
    static final double ACCURACY_WIDTH = 42;

    private final ChartRole role;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private int[][] counts;
    private List<String> classNames = List.of();

    public ConfusionView(ChartRole role) {
        this.role = role;
        getStyleClass().add("confusion-view");
        title.addListener((obs, old, now) -> invalidate());
        setPrefSize(200, 200);
        setMinSize(120, 120);
    }

    public StringProperty titleProperty() {
        return title;
    }

    /**
     * Shows a matrix; the same one again (a frozen teacher's, say) leaves the view as it is.
     *
     * @return whether the view changed (it redraws in the next layout pass)
     */
    public boolean show(int[][] matrix, List<String> names) {
        if (matrix == counts && names == classNames) {
            return false;
        }
        counts = matrix;
        classNames = names;
        invalidate();
        return true;
    }

    public int[][] counts() {
        return counts;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        drawRoleTitle(g, role, title.get(), width, HEADER);
        double side = Math.min(width - LABEL_WIDTH - ACCURACY_WIDTH, height - HEADER - 4);
        double left = LABEL_WIDTH;
        double top = HEADER + 2;
        if (counts == null) { // before a run's first epoch: the matrix's place, waiting (as the boundary views do)
            g.setStroke(getGridFill());
            g.setLineWidth(1);
            g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
            g.setFill(getAccent());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("…", left + side / 2, top + side / 2);
            return;
        }
        int k = counts.length;
        double cell = side / k;
        Paint rolePaint = paintOf(role);
        Color base = rolePaint instanceof Color c ? c : Color.GRAY;
        g.setFont(smallFont());
        for (int t = 0; t < k; t++) {
            int rowTotal = 0;
            for (int p = 0; p < k; p++) {
                rowTotal += counts[t][p];
            }
            for (int p = 0; p < k; p++) {
                double share = rowTotal == 0 ? 0 : counts[t][p] / (double) rowTotal;
                g.setFill(Color.color(base.getRed(), base.getGreen(), base.getBlue(), 0.06 + 0.9 * share));
                g.fillRect(left + p * cell, top + t * cell, cell - 1, cell - 1);
            }
            g.setFill(getTextFill());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(shortName(t), left - 4, top + (t + 0.5) * cell);
            g.setTextAlign(TextAlignment.LEFT);
            double accuracy = rowTotal == 0 ? 0 : counts[t][t] / (double) rowTotal;
            g.fillText(String.format(Locale.ROOT, "%.0f%%", accuracy * 100), left + k * cell + 4,
                    top + (t + 0.5) * cell);
        }
    }

    private String shortName(int index) {
        String name = index < classNames.size() ? classNames.get(index) : Integer.toString(index);
        return name.length() > 3 ? name.substring(0, 3) : name;
    }
}
