package org.kdplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Normalization;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.WorkspaceException.Kind;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The explorer's loss choice in workspace files: written, read back, and optional for older files. */
class WorkspaceExplorerMethodTest {

    @Test
    void theExplorersLossAndDkdWeightsAreWrittenAndReadBack() throws Exception {
        Workspace dkd = workspace(LossMethod.DKD, 2, 0.5, 16);
        String json = WorkspaceFile.toJson(dkd);
        assertThat(json).contains("\"loss\" : \"dkd\"").contains("\"dkdBeta\" : 16.0");
        assertThat(WorkspaceFile.parse(json)).isEqualTo(dkd);
        assertThat(WorkspaceFile.parse(WorkspaceFile.toJson(workspace(LossMethod.LSKD, 1, 1, 8))).explorer()
                .method()).isEqualTo(LossMethod.LSKD);
    }

    @Test
    void aFileWithoutTheExplorersLossOpensOnHintonWithTheRunDefaults() throws Exception {
        ObjectNode root = (ObjectNode) JsonFields.JSON.readTree(WorkspaceFile.toJson(
                workspace(LossMethod.DKD, 2, 0.5, 16)));
        ((ObjectNode) root.get("explorer")).remove(List.of("loss", "ceWeight", "dkdAlpha", "dkdBeta"));

        Workspace.Explorer explorer = WorkspaceFile.parse(root.toString()).explorer();

        assertThat(List.of(explorer.method(), explorer.ceWeight(), explorer.dkdAlpha(), explorer.dkdBeta()))
                .isEqualTo(List.of(LossMethod.HINTON, 1.0, 1.0, 8.0));
    }

    @Test
    void anUnknownLossIsInvalidAndNamesTheKnownOnes() throws Exception {
        String json = WorkspaceFile.toJson(workspace(LossMethod.DKD, 1, 1, 8)).replace("\"dkd\"", "\"fitnets\"");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(json));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e.detail()).contains("hinton, dkd, lskd").contains("fitnets");
    }

    @Test
    void aWeightThatIsNotANumberIsInvalid() throws Exception {
        String json = WorkspaceFile.toJson(workspace(LossMethod.DKD, 1, 1, 8))
                .replace("\"dkdBeta\" : 8.0", "\"dkdBeta\" : \"8\"");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceFile.parse(json));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e.detail()).contains("dkdBeta");
    }

    private static Workspace workspace(LossMethod method, double ceWeight, double dkdAlpha, double dkdBeta) {
        return new Workspace(
                new Workspace.Explorer(List.of("cat", "dog", "fox"), List.of(2.0, -1.0, 0.5), List.of(0.5, 0.25, 1.0),
                        2, 4, 0.5, true, List.of(1.0, 2.0), method, ceWeight, dkdAlpha, dkdBeta),
                new Workspace.Training("TWO_MOONS", new Experiment(DatasetSpec.of("two-moons").withSeed(5), 0.3,
                        Normalization.STANDARDIZE, MlpSpec.of(64, 64), MlpSpec.of(8),
                        RunSettings.DEFAULTS.withSeed(5))),
                new Workspace.Sweep(List.of(1f, 2f, 4f), 3));
    }
}
