package org.kdplayground.training;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.ui.I18n;

/** The columns of the run history: one row per run, so runs with different T or α compare side by side. */
final class HistoryTable {

    private HistoryTable() {
    }

    /** One column: its heading's i18n key and how a run reads in it, in the current language. */
    record Column(String key, Function<RunRecord, String> value) {
    }

    /** The columns, shared by the table on screen and its Markdown export. */
    static java.util.List<Column> columns(I18n i18n) {
        return java.util.List.of(
                new Column("history_run", r -> Integer.toString(r.number())),
                new Column("history_data", r -> r.experiment().dataset().name()),
                new Column("history_temperature", r -> fmt("%.2f", r.experiment().temperature())),
                new Column("history_alpha", r -> fmt("%.2f", r.experiment().alpha())),
                new Column("history_labels", r -> fmt("%.0f%%", r.experiment().labelledFraction() * 100)
                        + (r.experiment().transferSet() == TransferSet.ALL ? " + " + i18n.get("history_all") : "")),
                new Column("history_teacher", r -> percent(r.testAccuracy(ModelRole.TEACHER))),
                new Column("history_distilled", r -> percent(r.testAccuracy(ModelRole.DISTILLED))),
                new Column("history_baseline", r -> percent(r.testAccuracy(ModelRole.BASELINE))),
                new Column("history_gain", r -> r.gain() == null ? "–" : fmt("%+.1f", r.gain())),
                new Column("history_omitted", r -> omitted(r, i18n)),
                new Column("history_loss", r -> loss(r.result().finalLosses().get(ModelRole.DISTILLED))
                        + " / " + loss(r.result().finalLosses().get(ModelRole.BASELINE))),
                new Column("history_parameters", r -> fmt("%,d", r.result().teacherParameters()) + " / "
                        + fmt("%,d", r.result().studentParameters())),
                new Column("history_ms_epoch", r -> fmt("%.0f", r.result().studentMsPerEpoch())),
                new Column("history_device", r -> r.result().device().toLowerCase(Locale.ROOT).startsWith("cpu")
                        ? i18n.get("device_cpu") : r.result().device()),
                new Column("history_outcome", r -> i18n.get(outcomeKey(r.result().stopReason()))));
    }

    static void configure(TableView<RunRecord> table, I18n i18n) {
        table.getColumns().setAll(columns(i18n).stream().map(c -> column(i18n, c.key(), c.value())).toList());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label());
        ((javafx.scene.control.Label) table.getPlaceholder()).textProperty().bind(i18n.text("history_empty"));
    }

    private static TableColumn<RunRecord, String> column(I18n i18n, String key, Function<RunRecord, String> value) {
        TableColumn<RunRecord, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setId("history-" + key);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> value.apply(cell.getValue()), i18n.table()));
        column.setSortable(false);
        return column;
    }

    /** The runs as a Markdown table with the screen's headings and numbers, for notes and slides. */
    static String markdown(java.util.List<RunRecord> runs, I18n i18n) {
        java.util.List<Column> columns = columns(i18n);
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
    static String omitted(RunRecord r, I18n i18n) {
        return r.result().omittedClass().map(o -> i18n.formatNow("history_omitted_value", o.className(),
                        o.of(ModelRole.DISTILLED).classErrorsAfter(), o.of(ModelRole.BASELINE).classErrorsAfter(),
                        o.testClassRows()))
                .orElse(r.experiment().omitsAClass() ? Integer.toString(r.experiment().omittedClass()) : "–");
    }

    static String outcomeKey(org.kdplayground.engine.RunResult.StopReason reason) {
        return switch (reason) {
            case COMPLETED -> "outcome_completed";
            case CANCELLED -> "outcome_cancelled";
            case DIVERGED -> "outcome_diverged";
        };
    }

    static String percent(Double value) {
        return value == null ? "–" : fmt("%.1f%%", value * 100);
    }

    private static String loss(Double value) {
        return value == null ? "–" : fmt("%.4g", value);
    }

    private static String fmt(String pattern, Object value) {
        return String.format(Locale.ROOT, pattern, value);
    }

}
