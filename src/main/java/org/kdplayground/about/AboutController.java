package org.kdplayground.about;

import java.util.Objects;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the About screen to its {@link AboutModel}. */
public final class AboutController {

    private final AboutModel model;

    @FXML private Label versionLabel;
    @FXML private Label engineVersionsLabel;
    @FXML private Label deviceLabel;
    @FXML private Label threadsLabel;
    @FXML private Label dataFolderLabel;
    @FXML private TableView<AboutModel.Licence> licenceTable;
    @FXML private TableColumn<AboutModel.Licence, String> componentColumn;
    @FXML private TableColumn<AboutModel.Licence, String> licenceColumn;
    @FXML private TableColumn<AboutModel.Licence, String> useColumn;

    public AboutController(AboutModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @FXML
    private void initialize() {
        versionLabel.textProperty().bind(model.version());
        engineVersionsLabel.textProperty().bind(model.engineVersions());
        deviceLabel.textProperty().bind(model.device());
        threadsLabel.textProperty().bind(model.threads());
        dataFolderLabel.textProperty().bind(model.dataFolder());
        componentColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().component()));
        licenceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().licence()));
        useColumn.setCellValueFactory(row -> model.use(row.getValue()));
        licenceTable.getItems().setAll(model.licences());
        licenceTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }
}
