package org.kdplayground.training.setup;

import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
    private final ObservableList<String> columns = FXCollections.observableArrayList();

    public TableOpener(RunSetup setup, TaskExecutor reader) {
        this.setup = Objects.requireNonNull(setup);
        this.reader = Objects.requireNonNull(reader);
        // a table from a file or a preset names its columns too (a table that no longer reads names none)
        setup.users().tableProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || !now.file().equals(old.file()))) {
                columns.clear();
                reader.execute(() -> CsvTables.columnTitles(now.file()), columns::setAll, failure -> columns.clear());
            }
        });
        setup.datasetProperty().addListener((obs, old, now) -> {
            if (now != DatasetCatalog.CSV) {
                problem.set("");
            }
        });
    }

    /** Reads {@code file} (label in the last column); when it reads, the set-up trains on it. */
    public void openCsv(Path file) {
        use(CsvTable.lastColumn(file));
    }

    /** Reads the opened table again with its label in column {@code index} (0-based); a failure changes nothing. */
    public void chooseLabelColumn(int index) {
        CsvTable table = setup.users().tableProperty().get();
        if (table != null && index >= 0) {
            use(new CsvTable(table.file(), null, index));
        }
    }

    private void use(CsvTable table) {
        reader.execute(() -> CsvTables.read(table), data -> {
            problem.set("");
            setup.users().tableProperty().set(table);
            setup.datasetProperty().set(DatasetCatalog.CSV);
        }, failure -> problem.set(String.valueOf(failure.getMessage())));
    }

    /** The label column of the set-up's table, 0-based, by its name or place; -1 while unknown. */
    public int labelColumn() {
        CsvTable table = setup.users().tableProperty().get();
        if (table == null || columns.isEmpty()) {
            return -1;
        }
        if (table.labelName() != null) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).equalsIgnoreCase(table.labelName())) {
                    return c;
                }
            }
            return -1;
        }
        return table.labelIndex() >= 0 ? table.labelIndex() : columns.size() - 1;
    }

    /** The opened table's columns: header names, or their places from 1 when it has no header. */
    public ObservableList<String> columns() {
        return columns;
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
