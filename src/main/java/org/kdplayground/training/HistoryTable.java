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

    static void configure(TableView<RunRecord> table, I18n i18n) {
        table.getColumns().setAll(java.util.List.of(
                column(i18n, "history_run", r -> Integer.toString(r.number())),
                column(i18n, "history_data", r -> r.experiment().dataset().name()),
                column(i18n, "history_temperature", r -> fmt("%.2f", r.experiment().temperature())),
                column(i18n, "history_alpha", r -> fmt("%.2f", r.experiment().alpha())),
                column(i18n, "history_labels", r -> fmt("%.0f%%", r.experiment().labelledFraction() * 100)
                        + (r.experiment().transferSet() == TransferSet.ALL ? " + " + i18n.get("history_all") : "")),
                column(i18n, "history_teacher", r -> percent(r.testAccuracy(ModelRole.TEACHER))),
                column(i18n, "history_distilled", r -> percent(r.testAccuracy(ModelRole.DISTILLED))),
                column(i18n, "history_baseline", r -> percent(r.testAccuracy(ModelRole.BASELINE))),
                column(i18n, "history_gain", r -> r.gain() == null ? "–" : fmt("%+.1f", r.gain())),
                column(i18n, "history_loss", r -> loss(r.result().finalLosses().get(ModelRole.DISTILLED))
                        + " / " + loss(r.result().finalLosses().get(ModelRole.BASELINE))),
                column(i18n, "history_parameters", r -> fmt("%,d", r.result().teacherParameters()) + " / "
                        + fmt("%,d", r.result().studentParameters())),
                column(i18n, "history_ms_epoch", r -> fmt("%.0f", r.result().studentMsPerEpoch())),
                column(i18n, "history_device", r -> r.result().device().toLowerCase(Locale.ROOT).startsWith("cpu")
                        ? i18n.get("device_cpu") : r.result().device()),
                column(i18n, "history_outcome", r -> i18n.get(outcomeKey(r.result().stopReason())))));
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
