package org.kdplayground.training.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.io.Workspace;
import org.kdplayground.io.WorkspaceFile;

/** The set-up holds a drawing or a table, refuses to start without enough of it, and saves it whole. */
class UsersDataSetupTest {

    private static DrawnPoints points(int perClass0, int perClass1) {
        DrawnPoints p = DrawnPoints.EMPTY;
        for (int i = 0; i < perClass0; i++) {
            p = p.plus(-1 + 0.1 * i, 0.5, 0);
        }
        for (int i = 0; i < perClass1; i++) {
            p = p.plus(1 - 0.1 * i, -0.5, 1);
        }
        return p;
    }

    private static Workspace workspace(Workspace.Training training) {
        return new Workspace(new Workspace.Explorer(List.of("a", "b"), List.of(1.0, 2.0), List.of(0.5, 0.1), 0, 4,
                0.5, true, List.of(1.0, 4.0)), training, new Workspace.Sweep(List.of(1f, 4f), 2));
    }

    @Test
    void aDrawingShortOfPointsKeepsTheSetUpInvalidWithItsReason() {
        RunSetup setup = new RunSetup();
        setup.users().drawnProperty().set(points(5, 0));
        setup.datasetProperty().set(DatasetCatalog.DRAWN);
        assertThat(setup.validProperty().get()).isFalse();
        assertThat(setup.users().problemProperty().get().key()).isEqualTo("setup_error_drawn_classes");
        setup.users().drawnProperty().set(points(5, 3));
        assertThat(setup.users().problemProperty().get().key()).isEqualTo("setup_error_drawn_per_class");
        assertThat(setup.users().problemProperty().get().args()).containsExactly(1, 4);
        setup.users().drawnProperty().set(points(5, 4));
        assertThat(setup.validProperty().get()).isTrue();
        assertThat(setup.toExperiment().dataset().points()).isEqualTo(points(5, 4));
        setup.datasetProperty().set(DatasetCatalog.CSV);
        assertThat(setup.users().problemProperty().get().key()).isEqualTo("setup_error_csv_none");
        setup.datasetProperty().set(DatasetCatalog.TWO_MOONS);
        assertThat(setup.validProperty().get()).isTrue();
    }

    @Test
    void aDrawingAndATableRoundTripThroughAWorkspaceFileIntoAFreshSetUp() throws Exception {
        RunSetup drawing = new RunSetup();
        drawing.users().drawnProperty().set(points(6, 7));
        drawing.datasetProperty().set(DatasetCatalog.DRAWN);
        Workspace.Training saved = drawing.snapshot();
        Workspace w = workspace(saved);
        Workspace read = WorkspaceFile.parse(WorkspaceFile.toJson(w));
        RunSetup restored = new RunSetup();
        restored.restore(read.training());
        assertThat(restored.datasetProperty().get()).isEqualTo(DatasetCatalog.DRAWN);
        assertThat(restored.users().drawnProperty().get()).isEqualTo(points(6, 7));
        assertThat(restored.toExperiment()).isEqualTo(drawing.toExperiment());

        RunSetup table = new RunSetup();
        table.users().tableProperty().set(new CsvTable(Path.of("/tmp/iris.csv"), "species", -1));
        table.datasetProperty().set(DatasetCatalog.CSV);
        RunSetup back = new RunSetup();
        back.restore(WorkspaceFile.parse(WorkspaceFile.toJson(workspace(table.snapshot())))
                .training());
        assertThat(back.users().tableProperty().get()).isEqualTo(table.users().tableProperty().get());
    }
}
