package org.kdplayground.engine.loss;

/** What a distillation loss is made from: the method and its weights. The run's settings provide it. */
public interface LossSettings {

    LossMethod loss();

    /** T of the soft targets. */
    float temperature();

    /** Weight of the hard (label) term (Hinton, logit-standardised KD). */
    float alpha();

    /** DKD: weight of the cross-entropy with the labels. */
    float ceWeight();

    /** DKD: weight of the target-class term. */
    float dkdAlpha();

    /** DKD: weight of the non-target-class term. */
    float dkdBeta();

    /** DKD: epochs over which its distillation weight rises linearly to full; 0 for none. */
    int dkdWarmupEpochs();
}
