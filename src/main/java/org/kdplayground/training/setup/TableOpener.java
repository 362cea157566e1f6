package org.kdplayground.training.setup;

import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.CsvTables;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.ui.TaskExecutor;

/**
 * Brings the user's own data into the set-up: Open CSV reads the table in the background first and only a table that
 * reads whole becomes the data set (a bad one leaves the set-up as it was and says why, with its line and column);
 * the Draw tool's points become the drawn data set.
 */
public final class TableOpener {

    private final RunSetup setup;
    private final TaskExecutor reader;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public TableOpener(RunSetup setup, TaskExecutor reader) {
        this.setup = Objects.requireNonNull(setup);
        this.reader = Objects.requireNonNull(reader);
        setup.datasetProperty().addListener((obs, old, now) -> {
            if (now != DatasetCatalog.CSV) {
                problem.set("");
            }
        });
    }

    /** Reads {@code file} (label in the last column); when it reads, the set-up trains on it. */
    public void openCsv(Path file) {
        CsvTable table = CsvTable.lastColumn(file);
        reader.execute(() -> CsvTables.read(table), data -> {
            problem.set("");
            setup.users().tableProperty().set(table);
            setup.datasetProperty().set(DatasetCatalog.CSV);
        }, failure -> problem.set(String.valueOf(failure.getMessage())));
    }

    /** The drawing becomes the set-up's data set. */
    public void useDrawing(DrawnPoints points) {
        setup.users().drawnProperty().set(Objects.requireNonNull(points));
        setup.datasetProperty().set(DatasetCatalog.DRAWN);
    }

    /** Why the last table opened could not be read, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
