package org.kdplayground.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetException;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NumericSetting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The training set-up of a version-1 workspace file, which listed the set-up panel's fields one by one: every key
 * required but {@code omittedClass}; the data seed was the run seed; split, scaling and activation were the presets'
 * (a test fraction of 0.3, standardised features, ReLU), which {@link Experiment#of} gives.
 */
final class WorkspaceFileV1 {

    private static final Set<String> TRAINING = Set.of("preset", "dataset", "teacher", "student", "temperature",
            "alpha", "learningRate", "teacherEpochs", "studentEpochs", "batchSize", "labelledFraction",
            "transferSet", "seed", "teacherSeesAllLabels", "omittedClass");
    private static final Set<String> DATASET = Set.of("name", "size", "noise", "classes", "folder");
    private static final Set<String> NET = Set.of("hidden");
    /** The numeric settings a version-1 file has, all of them required: the ones the app had then. */
    private static final Set<NumericSetting> V1_SETTINGS = EnumSet.range(NumericSetting.TEMPERATURE,
            NumericSetting.LABELLED_FRACTION);

    private WorkspaceFileV1() {
    }

    static Workspace.Training training(JsonNode node) {
        JsonFields.onlyKeys(node, TRAINING, "training.");
        JsonNode data = JsonFields.object(node, "dataset");
        JsonFields.onlyKeys(data, DATASET, "dataset.");
        String name = JsonFields.TEXT.read(data, "name");
        DatasetCatalog catalog;
        try {
            catalog = DatasetCatalog.fromId(name);
        } catch (DatasetException e) {
            throw new IllegalArgumentException("unknown data set \"" + name + "\"");
        }
        DatasetSpec spec = catalog.defaultSpec().withSize(JsonFields.INTEGER.read(data, "size"))
                .withNoise(JsonFields.NUMBER.read(data, "noise")).withK(JsonFields.INTEGER.read(data, "classes"))
                .withSeed(JsonFields.WHOLE.read(node, "seed"));
        Path folder = folder(JsonFields.required(data, "folder"));
        if (folder != null && catalog.kind() == DatasetCatalog.Kind.IDX_FOLDER) {
            spec = spec.withFolder(folder);
        }
        Experiment experiment = Experiment.of(spec)
                .withNetworks(net(node, "teacher"), net(node, "student"))
                .withSettings(ExperimentFile.settings(node, V1_SETTINGS, spec));
        return new Workspace.Training(JsonFields.TEXT.read(node, "preset"), experiment);
    }

    private static Path folder(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"folder\" must be a text or null");
        }
        try {
            return Path.of(value.asText());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"folder\" is not a valid path");
        }
    }

    private static MlpSpec net(JsonNode node, String key) {
        JsonNode net = JsonFields.object(node, key);
        JsonFields.onlyKeys(net, NET, key + ".");
        List<Integer> hidden = JsonFields.list(net, "hidden", JsonFields::wholeInt, "whole numbers");
        try {
            return new MlpSpec(hidden, MlpSpec.Activation.RELU, 0f);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}
