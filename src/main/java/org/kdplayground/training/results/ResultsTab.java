package org.kdplayground.training.results;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kdplayground.ui.I18n;

/**
 * The results tab: one row per run of the session, the omitted-class results of the selected (or latest) run, and the
 * exports (CSV, Markdown, a PNG of the charts).
 */
public final class ResultsTab {

    /** The tab's controls, from the screen's FXML. */
    public record Controls(VBox box, TableView<RunRecord> table, Button exportCsv, Button exportMarkdown,
                           Button exportPng) {
    }

    private final I18n i18n;
    private final Consumer<String> reportError;
    private final Node screen;

    /**
     * @param reportError shows a message when an export cannot be written
     * @param charts      what the PNG export draws
     * @param screen      the screen, whose window owns the file dialogs
     */
    public ResultsTab(ObservableList<RunRecord> history, I18n i18n, Consumer<String> reportError, Controls c,
                      Supplier<Node> charts, Node screen) {
        this.i18n = i18n;
        this.reportError = reportError;
        this.screen = screen;
        HistoryTable.configure(c.table(), history, i18n);
        OmittedClassPanel panel = new OmittedClassPanel(i18n);
        c.box().getChildren().add(0, panel);
        Runnable refresh = () -> {
            RunRecord selected = c.table().getSelectionModel().getSelectedItem();
            panel.show(selected != null ? selected : history.isEmpty() ? null : history.get(history.size() - 1));
        };
        c.table().getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> refresh.run());
        history.addListener((ListChangeListener<RunRecord>) change -> refresh.run());
        c.exportCsv().disableProperty().bind(Bindings.isEmpty(history));
        c.exportMarkdown().disableProperty().bind(Bindings.isEmpty(history));
        c.exportCsv().setOnAction(e -> export("training_export_csv", "runs.csv", "*.csv",
                file -> HistoryExport.writeCsv(file.toPath(), history)));
        c.exportMarkdown().setOnAction(e -> export("training_export_markdown", "runs.md", "*.md",
                file -> HistoryExport.writeMarkdown(file.toPath(), history, i18n)));
        c.exportPng().setOnAction(e -> export("training_export_png", "distillation.png", "*.png",
                file -> ChartExport.writePng(charts.get(), file.toPath(), 2)));
    }

    @FunctionalInterface
    private interface Export {
        void to(File file) throws IOException;
    }

    private void export(String titleKey, String name, String pattern, Export export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File file = chooser.showSaveDialog(screen.getScene().getWindow());
        if (file != null) {
            try {
                export.to(file);
            } catch (IOException e) {
                reportError.accept(i18n.formatNow("training_export_failed", e.getMessage()));
            }
        }
    }
}
