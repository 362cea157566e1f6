package org.kdplayground.training.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

import org.kdplayground.ui.I18n;

/**
 * Binds the set-up's download offer to its {@link DataDownload}: shown while the chosen IDX set is missing or
 * downloading; Download, or the progress bar with Cancel; the failure in one line.
 */
public final class DownloadRow {

    /** The row's controls, from the screen's FXML. */
    public record Controls(VBox box, Label offer, ProgressBar bar, Button download, Button cancel, Label status,
                           Label problem) {
    }

    private DownloadRow() {
    }

    public static void bind(DataDownload model, RunSetup setup, I18n i18n, Controls c) {
        showWhen(c.box(), model.offeredProperty());
        c.offer().textProperty().bind(Bindings.createStringBinding(model::offerText, setup.datasetProperty(),
                model.downloadingProperty(), i18n.table()));
        var downloading = model.downloadingProperty();
        showWhen(c.bar(), downloading);
        showWhen(c.cancel(), downloading);
        showWhen(c.status(), downloading);
        showWhen(c.download(), downloading.not());
        c.bar().progressProperty().bind(model.progressProperty());
        c.status().textProperty().bind(model.progressTextProperty());
        c.problem().textProperty().bind(model.problemProperty());
        showWhen(c.problem(), model.problemProperty().isNotEmpty());
        c.download().setOnAction(event -> model.start());
        c.cancel().setOnAction(event -> model.cancel());
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
