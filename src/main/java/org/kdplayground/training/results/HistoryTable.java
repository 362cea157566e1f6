package org.kdplayground.training.results;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.RunResult;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.NumberFormats;

/** The columns of the run history: one row per run, so runs with different T or α compare side by side. */
public final class HistoryTable {

    private HistoryTable() {
    }

    /** One column: its heading's i18n key, how a run reads in it (in the current language), whether it is a number. */
    record Column(String key, Function<RunRecord, String> value, boolean numeric) {
        Column(String key, Function<RunRecord, String> value) {
            this(key, value, false);
        }

        static Column number(String key, Function<RunRecord, String> value) {
            return new Column(key, value, true);
        }
    }

    /** Room beside a column's widest text: the cell's padding and the header's sort-arrow gap. */
    static final double COLUMN_PADDING = 22;

    /** The columns, shared by the table on screen and its Markdown export. */
    public static List<Column> columns(I18n i18n) {
        return List.of(
                Column.number("history_run", r -> Integer.toString(r.number())),
                new Column("history_data", r -> r.experiment().dataset().name()),
                new Column("history_method", r -> method(r, i18n)),
                Column.number("history_temperature", r -> fmt("%.2f", r.experiment().settings().temperature())),
                Column.number("history_alpha", r -> fmt("%.2f", r.experiment().settings().alpha())),
                new Column("history_labels", r -> fmt("%.0f%%", r.experiment().settings().labelledFraction() * 100)
                        + (r.experiment().settings().transferSet() == TransferSet.ALL ? " + " + i18n.get("history_all") : "")),
                Column.number("history_teacher", r -> percent(r.testAccuracy(ModelRole.TEACHER))),
                Column.number("history_distilled", r -> percent(r.testAccuracy(ModelRole.DISTILLED))),
                Column.number("history_baseline", r -> percent(r.testAccuracy(ModelRole.BASELINE))),
                Column.number("history_gain", r -> r.gain() == null ? "–" : fmt("%+.1f", r.gain())),
                new Column("history_agreement", r -> percent(r.agreement(ModelRole.DISTILLED)) + " / "
                        + percent(r.agreement(ModelRole.BASELINE))),
                new Column("history_ece", r -> percent(r.ece(ModelRole.TEACHER)) + " / "
                        + percent(r.ece(ModelRole.DISTILLED)) + " / " + percent(r.ece(ModelRole.BASELINE))),
                new Column("history_omitted", r -> omitted(r, i18n)),
                new Column("history_loss", r -> loss(r.result().finalLosses().get(ModelRole.DISTILLED))
                        + " / " + loss(r.result().finalLosses().get(ModelRole.BASELINE))),
                new Column("history_parameters", r -> fmt("%,d", r.result().teacherParameters()) + " / "
                        + fmt("%,d", r.result().studentParameters())),
                Column.number("history_ms_epoch", r -> fmt("%.0f", r.result().studentMsPerEpoch())),
                new Column("history_device", r -> r.result().device().toLowerCase(Locale.ROOT).startsWith("cpu")
                        ? i18n.get("device_cpu") : r.result().device()),
                new Column("history_outcome", r -> i18n.get(outcomeKey(r.result().stopReason()))));
    }

    /**
     * Sets up the table: every column as wide as its widest heading or value, so nothing is cut to "…" (a table
     * wider than its place scrolls sideways), numbers right-aligned. Widths follow new runs and the language.
     */
    public static void configure(TableView<RunRecord> table, ObservableList<RunRecord> runs, I18n i18n) {
        List<Column> columns = columns(i18n);
        table.getColumns().setAll(columns.stream().map(c -> column(i18n, c)).toList());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label());
        ((Label) table.getPlaceholder()).textProperty().bind(i18n.text("history_empty"));
        table.setItems(runs);
        Runnable fit = () -> fitColumns(table, columns, i18n);
        runs.addListener((InvalidationListener) ignored -> fit.run());
        i18n.table().addListener((InvalidationListener) ignored -> fit.run());
        table.skinProperty().addListener((obs, old, now) -> fit.run());
        fit.run();
    }

    /** Each column's width: its heading's or widest value's width in the table's font, plus padding. */
    static void fitColumns(TableView<RunRecord> table, List<Column> columns, I18n i18n) {
        Text probe = new Text();
        // the headings' font once the table is styled (bold, the language's family), else the app's base font
        Node heading = table.lookup(".column-header .label");
        Font font = heading instanceof Label label ? label.getFont()
                : Font.font(Font.getDefault().getFamily(),
                FontWeight.BOLD, 14);
        probe.setFont(font);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            probe.setText(i18n.get(column.key()));
            double widest = probe.getLayoutBounds().getWidth();
            for (RunRecord run : table.getItems()) {
                probe.setText(column.value().apply(run));
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            table.getColumns().get(i).setPrefWidth(Math.ceil(widest + COLUMN_PADDING));
        }
    }

    private static TableColumn<RunRecord, String> column(I18n i18n, Column c) {
        TableColumn<RunRecord, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(c.key()));
        column.setId("history-" + c.key());
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> c.value().apply(cell.getValue()), i18n.table()));
        column.setSortable(false);
        if (c.numeric()) {
            column.getStyleClass().add("numeric-column");
        }
        return column;
    }

    /** The runs as a Markdown table with the screen's headings and numbers, for notes and slides. */
    static String markdown(List<RunRecord> runs, I18n i18n) {
        List<Column> columns = columns(i18n);
        StringBuilder md = new StringBuilder("|");
        columns.forEach(c -> md.append(' ').append(i18n.get(c.key())).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (RunRecord run : runs) {
            md.append('|');
            columns.forEach(c -> md.append(' ').append(c.value().apply(run).replace("|", "\\|")).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    /** The omitted class and each student's errors on its test rows after the shift, e.g. "3: 6 / 19 of 55". */
    public static String omitted(RunRecord r, I18n i18n) {
        return r.result().omittedClass().map(o -> i18n.formatNow("history_omitted_value", o.className(),
                        o.of(ModelRole.DISTILLED).classErrorsAfter(), o.of(ModelRole.BASELINE).classErrorsAfter(),
                        o.testClassRows()))
                .orElse(r.experiment().settings().omitsAClass()
                        ? Integer.toString(r.experiment().settings().omittedClass()) : "–");
    }

    /** The loss and what sets it apart, e.g. "DKD β = 8", and a label-smoothed teacher's ε. */
    static String method(RunRecord r, I18n i18n) {
        RunSettings s = r.experiment().settings();
        String method = i18n.get(switch (s.loss()) {
            case HINTON -> "history_method_hinton";
            case DKD -> "history_method_dkd";
            case LSKD -> "history_method_lskd";
        });
        if (s.loss() == LossMethod.DKD) {
            method += " β = " + NumberFormats.editable(s.dkdBeta());
        }
        if (s.teacherLabelSmoothing() > 0) {
            method += ", ε = " + NumberFormats.editable(s.teacherLabelSmoothing());
        }
        return method;
    }

    static String outcomeKey(RunResult.StopReason reason) {
        return switch (reason) {
            case COMPLETED -> "outcome_completed";
            case CANCELLED -> "outcome_cancelled";
            case DIVERGED -> "outcome_diverged";
        };
    }

    public static String percent(Double value) {
        return value == null ? "–" : fmt("%.1f%%", value * 100);
    }

    private static String loss(Double value) {
        return value == null ? "–" : fmt("%.4g", value);
    }

    private static String fmt(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

}
