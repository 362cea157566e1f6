package org.kdplayground.explorer;

import static org.kdplayground.explorer.ExplorerModel.LOGIT_LIMIT;
import static org.kdplayground.explorer.ExplorerModel.MAX_CLASSES;
import static org.kdplayground.explorer.ExplorerModel.MAX_GRID_TEMPERATURES;
import static org.kdplayground.explorer.ExplorerModel.MAX_TEMPERATURE;
import static org.kdplayground.explorer.ExplorerModel.MIN_CLASSES;
import static org.kdplayground.explorer.ExplorerModel.MIN_TEMPERATURE;

import java.util.stream.Stream;

import org.kdplayground.io.Workspace;

/** What a saved explorer state must satisfy before it replaces the screen's: the explorer's own limits. */
final class ExplorerLimits {

    private ExplorerLimits() {
    }

    /**
     * Checks a state from a file against the explorer's limits.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    static void check(Workspace.Explorer state) {
        int n = state.classNames().size();
        require(n >= MIN_CLASSES && n <= MAX_CLASSES, "the explorer needs 2 to " + MAX_CLASSES + " classes");
        require(state.teacher().size() == n && state.student().size() == n,
                "the explorer's classes, teacher and student logits must have one length");
        require(state.classNames().stream().allMatch(name -> name != null && !name.isBlank()),
                "a class name is empty");
        require(Stream.concat(state.teacher().stream(), state.student().stream())
                .allMatch(v -> Math.abs(v) <= LOGIT_LIMIT), "a logit is beyond ±" + LOGIT_LIMIT);
        require(state.trueClass() >= 0 && state.trueClass() < n, "the true class is not one of the classes");
        require(inTemperatureRange(state.temperature()), "the explorer's temperature is out of range");
        require(state.alpha() >= 0 && state.alpha() <= 1, "the explorer's alpha must be within [0, 1]");
        require(state.method() != null, "the explorer's loss is missing");
        new DkdWeights(state.ceWeight(), state.dkdAlpha(), state.dkdBeta()); // names a weight out of range
        int grid = state.gridTemperatures().size();
        require(grid >= 1 && grid <= MAX_GRID_TEMPERATURES
                && state.gridTemperatures().stream().allMatch(ExplorerLimits::inTemperatureRange),
                "the grid needs 1 to " + MAX_GRID_TEMPERATURES + " temperatures within [0.1, 100]");
    }

    static boolean inTemperatureRange(double t) {
        return t >= MIN_TEMPERATURE && t <= MAX_TEMPERATURE;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
