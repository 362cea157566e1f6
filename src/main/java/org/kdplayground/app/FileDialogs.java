package org.kdplayground.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.kdplayground.ui.I18n;

/** The real dialogs behind {@link WorkspaceFiles}: file choosers and the unsaved-changes question, translated. */
final class FileDialogs implements WorkspaceFiles.FilePicker, WorkspaceFiles.UnsavedChangesPrompt {

    private final Stage owner;
    private final I18n i18n;

    FileDialogs(Stage owner, I18n i18n) {
        this.owner = Objects.requireNonNull(owner);
        this.i18n = Objects.requireNonNull(i18n);
    }

    @Override
    public Optional<Path> chooseToOpen(Path folder) {
        FileChooser chooser = chooser(folder, i18n.get("files_choose_open_title"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseToSave(Path folder, String suggestedName) {
        FileChooser chooser = chooser(folder, i18n.get("files_choose_save_title"));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private FileChooser chooser(Path folder, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(i18n.get("files_filter"), "*.kdp.json"),
                new FileChooser.ExtensionFilter(i18n.get("files_filter_json"), "*.json"));
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    @Override
    public WorkspaceFiles.UnsavedChoice ask(String fileName) {
        ButtonType save = new ButtonType(i18n.get("files_unsaved_save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(i18n.get("files_unsaved_discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(i18n.get("files_unsaved_cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("files_unsaved_text"), save, discard, cancel);
        alert.initOwner(owner);
        if (owner.getScene() != null) { // the window's styles: its language's font, presentation scale
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.setTitle(i18n.get("files_unsaved_title"));
        alert.setHeaderText(i18n.formatNow("files_unsaved_header", fileName));
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return WorkspaceFiles.UnsavedChoice.SAVE;
        }
        return answer == discard ? WorkspaceFiles.UnsavedChoice.DISCARD : WorkspaceFiles.UnsavedChoice.CANCEL;
    }
}
