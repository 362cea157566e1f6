package org.kdplayground.training.live;

import java.util.Map;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.math.Calibration;

/**
 * What the views show of one epoch: each model's decision boundary (2-D data) or confusion matrix and example-strip
 * logits (images), and its reliability bins. A replay pins an earlier epoch's pictures on {@link LiveMetrics}.
 */
public record EpochPictures(Map<ModelRole, RunEvent.Boundary> boundaries, Map<ModelRole, int[][]> confusion,
                            Map<ModelRole, float[][]> stripLogits,
                            Map<ModelRole, Calibration.Reliability> reliability) {

    public EpochPictures {
        boundaries = Map.copyOf(boundaries);
        confusion = Map.copyOf(confusion);
        stripLogits = Map.copyOf(stripLogits);
        reliability = Map.copyOf(reliability);
    }
}
