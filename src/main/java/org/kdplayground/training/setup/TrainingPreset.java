package org.kdplayground.training.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.Experiment;
import org.kdplayground.io.ExperimentFile;

/**
 * The set-ups a teacher picks from: the shipped experiment files (the same ones {@code kd-playground train}
 * reads), and the other 2-D sets on the two-moons settings with their preset networks. The first,
 * {@link #SPIRALS_FEW_LABELS}, is the screen's default: a plane where distillation clearly wins.
 */
public enum TrainingPreset {
    SPIRALS_FEW_LABELS("preset_spirals_few_labels", "spirals-few-labels.json", null),
    TWO_MOONS("preset_two_moons", "two-moons.json", null),
    SPIRALS("preset_spirals", "two-moons.json", DatasetCatalog.SPIRALS),
    CIRCLES("preset_circles", "two-moons.json", DatasetCatalog.CIRCLES),
    XOR("preset_xor", "two-moons.json", DatasetCatalog.XOR),
    BLOBS("preset_blobs", "two-moons.json", DatasetCatalog.BLOBS),
    DIGITS("preset_digits", "digits.json", null),
    DIGITS_FEW_LABELS("preset_digits_few_labels", "digits-few-labels.json", null),
    DIGITS_SMOOTHED_TEACHER("preset_digits_smoothed_teacher", "digits-smoothed-teacher.json", null),
    DIGITS_TINY_STUDENT("preset_digits_tiny_student", "digits-tiny-student.json", null),
    DIGITS_OMIT_3("preset_digits_omit_3", "digits-omit-3.json", null),
    FASHION_MNIST("preset_fashion_mnist", "digits.json", DatasetCatalog.FASHION_MNIST),
    MNIST("preset_mnist", "digits.json", DatasetCatalog.MNIST);

    static final String FOLDER = "/org/kdplayground/experiments/";

    private final String labelKey;
    private final String file;
    private final DatasetCatalog otherData;

    TrainingPreset(String labelKey, String file, DatasetCatalog otherData) {
        this.labelKey = labelKey;
        this.file = file;
        this.otherData = otherData;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The experiment this preset stands for. */
    public Experiment experiment() {
        String resource = FOLDER + file;
        try (InputStream in = Objects.requireNonNull(TrainingPreset.class.getResourceAsStream(resource),
                resource)) {
            Experiment base = ExperimentFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (otherData == null) {
                return base;
            }
            DatasetSpec spec = otherData.defaultSpec().withSeed(base.dataset().seed());
            return base.withDataset(spec).withNetworks(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
