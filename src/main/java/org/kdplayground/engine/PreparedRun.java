package org.kdplayground.engine;

import org.kdplayground.data.Normalizer;
import org.kdplayground.data.Split;

/**
 * An experiment made ready to train: its data as loaded, the normaliser fitted on the training part, and the run
 * configuration over the normalised data. Screens keep the raw split to draw points in the data's own units.
 */
public record PreparedRun(Experiment experiment, Split rawSplit, Normalizer normalizer, RunConfig config) {
}
