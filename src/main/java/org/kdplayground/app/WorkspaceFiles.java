package org.kdplayground.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kdplayground.io.Workspace;
import org.kdplayground.io.WorkspaceException;
import org.kdplayground.io.WorkspaceFile;
import org.kdplayground.ui.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The File menu's model: the open workspace file, whether the screens differ from it, the recent files and the
 * last file problem. Opening reads and checks the whole file before the screens change, so a damaged file
 * changes nothing. Dialogs are injected ({@link FilePicker}, {@link UnsavedChangesPrompt}) so tests drive them.
 */
final class WorkspaceFiles {

    /** Asks the user for a file; empty when cancelled. */
    interface FilePicker {
        Optional<Path> chooseToOpen(Path folder);

        Optional<Path> chooseToSave(Path folder, String suggestedName);
    }

    /** What to do with unsaved changes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** Asks what to do with unsaved changes to the named file. */
    interface UnsavedChangesPrompt {
        UnsavedChoice ask(String fileName);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceFiles.class);

    // ---- properties
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    private final I18n i18n;
    private final AppSettings settings;
    private final Supplier<Workspace> capture;
    private final Consumer<Workspace> check;
    private final Consumer<Workspace> apply;
    private FilePicker picker;
    private UnsavedChangesPrompt prompt;
    private Workspace saved;
    private boolean checkPending;

    /**
     * @param capture the screens' state now
     * @param check   throws IllegalArgumentException when the screens would reject a state; changes nothing
     * @param apply   puts a checked state on the screens
     * @param inputs  everything the state is made of, to notice changes
     */
    WorkspaceFiles(I18n i18n, AppSettings settings, Supplier<Workspace> capture, Consumer<Workspace> check,
                   Consumer<Workspace> apply, List<Observable> inputs, FilePicker picker,
                   UnsavedChangesPrompt prompt) {
        this.i18n = Objects.requireNonNull(i18n);
        this.settings = Objects.requireNonNull(settings);
        this.capture = Objects.requireNonNull(capture);
        this.check = Objects.requireNonNull(check);
        this.apply = Objects.requireNonNull(apply);
        this.picker = Objects.requireNonNull(picker);
        this.prompt = Objects.requireNonNull(prompt);
        this.saved = capture.get();
        recent.setAll(settings.recentFiles());
        inputs.forEach(input -> input.addListener(changed -> scheduleDirtyCheck()));
    }

    /** The file the screens were last saved to or opened from; null before the first. */
    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether the screens differ from the file (or, with no file, from the start-up state). */
    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The last file problem or success, in the current language; empty when there is none. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** The recent files, newest first, at most {@value AppSettings#MAX_RECENT_FILES}. */
    ObservableList<Path> recentFiles() {
        return recent;
    }

    void setFilePicker(FilePicker value) {
        picker = Objects.requireNonNull(value);
    }

    void setUnsavedChangesPrompt(UnsavedChangesPrompt value) {
        prompt = Objects.requireNonNull(value);
    }

    // ---- commands

    /** Compares the screens with the last saved state now (also done once per pulse after any change). */
    boolean refreshDirty() {
        dirty.set(!capture.get().equals(saved));
        return dirty.get();
    }

    void open() {
        picker.chooseToOpen(folder()).ifPresent(this::open);
    }

    /** Opens a file: the screens change only when the whole file is good and unsaved changes may go. */
    boolean open(Path path) {
        Workspace workspace;
        try {
            workspace = WorkspaceFile.read(path);
            check.accept(workspace);
        } catch (WorkspaceException e) {
            LOG.info("Workspace {} not opened: {}", path, e.getMessage());
            error(problem(path, e));
            return false;
        } catch (IllegalArgumentException e) {
            LOG.info("Workspace {} not opened: {}", path, e.getMessage());
            error(i18n.formatNow("files_error_invalid", name(path), e.getMessage()));
            return false;
        } catch (RuntimeException | OutOfMemoryError e) { // whatever else a hostile file causes: a line, no change
            LOG.warn("Workspace {} not opened", path, e);
            error(i18n.formatNow("files_error_invalid", name(path), String.valueOf(e.getMessage())));
            return false;
        }
        if (!mayDiscardChanges()) {
            return false;
        }
        apply.accept(workspace);
        saved = capture.get();
        file.set(path);
        dirty.set(false);
        remember(path);
        info(i18n.formatNow("files_opened", name(path)));
        return true;
    }

    void openRecent(Path path) {
        if (!Files.isRegularFile(path)) {
            recent.remove(path);
            storeRecent();
            error(i18n.formatNow("files_error_recent_missing", name(path)));
            return;
        }
        open(path);
    }

    /** Saves to the open file, or asks for one; false when nothing was saved. */
    boolean save() {
        return file.get() == null ? saveAs() : saveTo(file.get());
    }

    boolean saveAs() {
        String suggested = file.get() != null ? name(file.get()) : i18n.get("files_untitled")
                + WorkspaceFile.EXTENSION;
        Optional<Path> chosen = picker.chooseToSave(folder(), suggested);
        return chosen.isPresent() && saveTo(withExtension(chosen.get()));
    }

    /** True when the window may close: nothing unsaved, saved now, or the user lets the changes go. */
    boolean mayDiscardChanges() {
        if (!refreshDirty()) {
            return true;
        }
        String shown = file.get() != null ? name(file.get()) : i18n.get("files_untitled");
        return switch (prompt.ask(shown)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** Whether a drop holds a file this window opens. */
    static Optional<Path> droppable(List<File> files) {
        return files == null ? Optional.empty() : files.stream()
                .filter(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".json"))
                .map(File::toPath).findFirst();
    }

    // ---- internals

    private boolean saveTo(Path path) {
        Workspace now = capture.get();
        try {
            WorkspaceFile.write(path, now);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Workspace {} not saved", path, e);
            error(i18n.formatNow("files_error_save", name(path), String.valueOf(e.getMessage())));
            return false;
        }
        saved = now;
        file.set(path);
        refreshDirty();
        remember(path);
        info(i18n.formatNow("files_saved", name(path)));
        return true;
    }

    private void scheduleDirtyCheck() {
        if (!checkPending) {
            checkPending = true;
            Platform.runLater(() -> {
                checkPending = false;
                refreshDirty();
            });
        }
    }

    private String problem(Path path, WorkspaceException e) {
        return switch (e.kind()) {
            case UNREADABLE -> i18n.formatNow("files_error_unreadable", name(path), e.detail());
            case NOT_JSON -> i18n.formatNow("files_error_not_json", name(path), e.detail());
            case NOT_A_WORKSPACE -> i18n.formatNow("files_error_not_workspace", name(path));
            case NEWER_VERSION -> i18n.formatNow("files_error_newer", name(path), e.detail());
            case INVALID -> i18n.formatNow("files_error_invalid", name(path), e.detail());
        };
    }

    private void remember(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        if (recent.size() > AppSettings.MAX_RECENT_FILES) {
            recent.remove(AppSettings.MAX_RECENT_FILES, recent.size());
        }
        storeRecent();
    }

    private void storeRecent() {
        settings.setRecentFiles(new ArrayList<>(recent));
        settings.save();
    }

    private Path folder() {
        Path last = file.get() != null ? file.get() : recent.isEmpty() ? null : recent.get(0);
        Path parent = last == null ? null : last.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    private static Path withExtension(Path path) {
        String name = path.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? path
                : path.resolveSibling(name + WorkspaceFile.EXTENSION);
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }
}
