package org.kdplayground.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user's CSV table as a data set source: the file and its label column, by header name or 0-based index
 * ({@code "dataset": {"name": "csv", "file": "iris.csv", "label": "species"}}). Read with {@link CsvTables#read}.
 *
 * @param file       the table (a relative path is resolved by whoever reads the experiment file)
 * @param labelName  the label column's header name, or null
 * @param labelIndex the label column's 0-based index when no name is given; -1: the last column
 */
public record CsvTable(Path file, String labelName, int labelIndex) {

    public CsvTable {
        Objects.requireNonNull(file, "file");
        if (labelName != null && labelName.isBlank()) {
            throw new IllegalArgumentException("the label column's name must not be blank");
        }
        if (labelName != null) {
            labelIndex = -1;
        }
        if (labelIndex < -1) {
            throw new IllegalArgumentException("the label column's index must be 0 or more, got " + labelIndex);
        }
    }

    /** The table with its label in the last column. */
    public static CsvTable lastColumn(Path file) {
        return new CsvTable(file, null, -1);
    }

    /** The same label column in another place (a path resolved against an experiment file's folder). */
    public CsvTable withFile(Path other) {
        return new CsvTable(other, labelName, labelIndex);
    }
}
