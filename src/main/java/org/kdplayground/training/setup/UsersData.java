package org.kdplayground.training.setup;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.DrawnPoints;

/**
 * The set-up's own data: the points drawn with the Draw tool and the table opened with Open CSV, kept while another
 * data set is chosen, and why they cannot be trained on yet (Start stays disabled with that reason).
 */
public final class UsersData {

    private final ObjectProperty<DatasetCatalog> dataset;
    private final ObjectProperty<DrawnPoints> drawn = new SimpleObjectProperty<>(this, "drawn", DrawnPoints.EMPTY);
    private final ObjectProperty<CsvTable> table = new SimpleObjectProperty<>(this, "table");
    private final ObjectBinding<SetupField.Problem> problem;

    UsersData(ObjectProperty<DatasetCatalog> dataset) {
        this.dataset = dataset;
        problem = Bindings.createObjectBinding(this::findProblem, dataset, drawn, table);
    }

    private SetupField.Problem findProblem() {
        if (dataset.get() == DatasetCatalog.CSV && table.get() == null) {
            return new SetupField.Problem("setup_error_csv_none");
        }
        if (dataset.get() != DatasetCatalog.DRAWN) {
            return null;
        }
        return problemOf(drawn.get());
    }

    /** Why a drawing cannot be trained on, as the set-up and the Draw tool say it; null when it can. */
    public static SetupField.Problem problemOf(DrawnPoints points) {
        DrawnPoints.Problem p = points.problem();
        if (p == null) {
            return null;
        }
        return switch (p.kind()) {
            case TOO_FEW_CLASSES -> new SetupField.Problem("setup_error_drawn_classes", DrawnPoints.MIN_CLASSES,
                    p.value());
            case TOO_FEW_IN_A_CLASS -> new SetupField.Problem("setup_error_drawn_per_class", p.value(),
                    DrawnPoints.MIN_PER_CLASS);
            case TOO_MANY -> new SetupField.Problem("setup_error_drawn_many", p.value(), DrawnPoints.MAX_POINTS);
        };
    }

    /** The spec with the drawn points or the table when it is of one of the user's data sets. */
    DatasetSpec applyTo(DatasetSpec spec) {
        return spec.withPoints(drawn.get()).withTable(table.get());
    }

    /** Takes the points or the table of a spec from a file or a preset; keeps the other. */
    void load(DatasetSpec spec) {
        if (spec.points() != null) {
            drawn.set(spec.points());
        }
        if (spec.table() != null) {
            table.set(spec.table());
        }
    }

    /** The points of the drawn data set (kept while another set is chosen). */
    public ObjectProperty<DrawnPoints> drawnProperty() {
        return drawn;
    }

    /** The table of the csv data set, or null before one is opened. */
    public ObjectProperty<CsvTable> tableProperty() {
        return table;
    }

    /** Why the chosen user's data cannot be trained on, or null. */
    public ObjectBinding<SetupField.Problem> problemProperty() {
        return problem;
    }

    Observable[] observables() {
        return new Observable[] {drawn, table};
    }
}
