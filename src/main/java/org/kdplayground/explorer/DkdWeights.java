package org.kdplayground.explorer;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;

/**
 * DKD's three weights (Zhao et al. 2022): of the cross-entropy with the label, of TCKD and of NCKD.
 *
 * @param ceWeight {@code w_ce}, within {@link NumericSetting#CE_WEIGHT}'s range
 * @param alpha    α, the weight of TCKD, within {@link NumericSetting#DKD_ALPHA}'s range
 * @param beta     β, the weight of NCKD, within {@link NumericSetting#DKD_BETA}'s range
 */
public record DkdWeights(double ceWeight, double alpha, double beta) {

    /** A run's defaults, mdistiller's: w_ce = 1, α = 1, β = 8. */
    public static final DkdWeights DEFAULTS = new DkdWeights(NumericSetting.CE_WEIGHT.valueIn(RunSettings.DEFAULTS),
            NumericSetting.DKD_ALPHA.valueIn(RunSettings.DEFAULTS),
            NumericSetting.DKD_BETA.valueIn(RunSettings.DEFAULTS));

    /** @throws IllegalArgumentException naming the first weight out of its range */
    public DkdWeights {
        NumericSetting.CE_WEIGHT.check(ceWeight);
        NumericSetting.DKD_ALPHA.check(alpha);
        NumericSetting.DKD_BETA.check(beta);
    }
}
