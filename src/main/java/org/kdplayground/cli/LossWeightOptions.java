package org.kdplayground.cli;

import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;

import picocli.CommandLine.Option;

/** {@code -T} and {@code --alpha}: the distillation loss's temperature and hard-loss weight for one run. */
final class LossWeightOptions {

    @Option(names = "-T", paramLabel = "T", description = "distillation temperature, [0.1, 100]")
    Double temperature;

    @Option(names = "--alpha", description = "weight of the hard (label) loss, [0, 1]")
    Double alpha;

    RunSettings applyTo(RunSettings settings) {
        RunSettings s = RunOptions.set(settings, NumericSetting.TEMPERATURE, "-T", temperature);
        return RunOptions.set(s, NumericSetting.ALPHA, "--alpha", alpha);
    }
}
