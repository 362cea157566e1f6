package org.kdplayground.engine.loss;

/** What a distillation loss is made from: the method and its weights. The run's settings provide it. */
public interface LossSettings {

    LossMethod loss();

    /** T of the soft targets. */
    float temperature();

    /** Weight of the hard (label) term. */
    float alpha();
}
