package org.kdplayground.training.results;

import java.util.List;
import java.util.Locale;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.OmittedClassResult;
import org.kdplayground.ui.I18n;

/**
 * The results of a run that left a class out of the students' training: per model, the test errors (all / on the
 * class) before and after each student's bias shift b, the shift itself and the test accuracy after it. Hidden for
 * runs without an omitted class. Each row starts with its role's line (teacher orange, distilled blue, baseline
 * purple dashed), as on the charts.
 */
public final class OmittedClassPanel extends VBox {

    static final String STYLE = "omitted-panel";
    private static final String NUMBER = "omitted-number";
    private static final String HEADING = "omitted-heading";
    private static final List<ModelRole> ROWS = List.of(ModelRole.TEACHER, ModelRole.DISTILLED, ModelRole.BASELINE);

    private final I18n i18n;
    private final Label title = new Label();
    private final Label note = new Label();
    private final GridPane grid = new GridPane();
    private RunRecord shown;

    public OmittedClassPanel(I18n i18n) {
        this.i18n = i18n;
        setId("omittedPanel");
        getStyleClass().add(STYLE);
        title.getStyleClass().add("omitted-title");
        title.setId("omittedTitle");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("setup-hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        setMinHeight(Region.USE_PREF_SIZE);
        grid.getStyleClass().add("omitted-grid");
        grid.setId("omittedGrid");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(name);
        for (int c = 1; c <= 4; c++) {
            ColumnConstraints number = new ColumnConstraints();
            number.setHalignment(HPos.RIGHT);
            number.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(number);
        }
        getChildren().addAll(title, note, grid);
        show(null);
        i18n.languageProperty().addListener((obs, old, now) -> show(shown));
    }

    /** Shows a run's omitted-class results; hides the panel for null or a run without them. */
    public void show(RunRecord record) {
        shown = record;
        OmittedClassResult o = record == null ? null : record.result().omittedClass().orElse(null);
        setVisible(o != null);
        setManaged(o != null);
        grid.getChildren().clear();
        if (o == null) {
            return;
        }
        String name = o.className();
        title.setText(i18n.formatNow("omitted_title", name, record.number()));
        note.setText(i18n.formatNow("omitted_note", name, o.teacherPredictions(), o.testRows(), o.testClassRows()));
        grid.addRow(0, heading(""), heading(i18n.get("omitted_shift")), heading(i18n.get("omitted_errors_before")),
                heading(i18n.get("omitted_errors_after")), heading(i18n.get("omitted_accuracy_after")));
        for (int r = 0; r < ROWS.size(); r++) {
            ModelRole role = ROWS.get(r);
            OmittedClassResult.Correction c = o.of(role);
            String id = role.name().toLowerCase(Locale.ROOT);
            if (c == null) {
                grid.addRow(r + 1, roleName(role), number("–", id, "shift"),
                        number(pair(o.teacherTestErrors(), o.teacherClassErrors()), id, "before"),
                        number("–", id, "after"), number("–", id, "accuracy"));
            } else {
                grid.addRow(r + 1, roleName(role), number(String.format(Locale.ROOT, "%.2f", c.biasShift()), id,
                                "shift"),
                        number(pair(c.testErrorsBefore(), c.classErrorsBefore()), id, "before"),
                        number(pair(c.testErrorsAfter(), c.classErrorsAfter()), id, "after"),
                        number(HistoryTable.percent(c.testAccuracyAfter()), id, "accuracy"));
            }
        }
    }

    private static String pair(int all, int onClass) {
        return all + " / " + onClass;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(HEADING);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label number(String text, String role, String column) {
        Label label = new Label(text);
        label.getStyleClass().add(NUMBER);
        label.setId("omitted-" + role + "-" + column);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** The models' short names, as in the history table's headings. */
    private String shortName(ModelRole role) {
        return switch (role) {
            case TEACHER -> i18n.get("history_teacher");
            case DISTILLED -> i18n.get("history_distilled");
            case BASELINE -> i18n.get("history_baseline");
        };
    }

    private HBox roleName(ModelRole role) {
        Line line = new Line(0, 0, 22, 0);
        line.getStyleClass().addAll("role-line", role.name().toLowerCase(Locale.ROOT));
        Label label = new Label(shortName(role));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, line, label);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("omitted-role");
        return box;
    }
}
