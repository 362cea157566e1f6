package org.kdplayground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetException;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.Normalization;
import org.kdplayground.engine.Experiment;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.engine.RunSettings;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.engine.loss.LossMethod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The experiment file ({@code "version": 1}), the one JSON form of an {@link Experiment}: {@code kd-playground train}
 * reads it, the training screen's presets are such files, and a workspace file embeds one. Read strictly: an unknown
 * key, a wrong type or a value out of its setting's range is an error that names it. Absent keys take
 * {@link RunSettings#DEFAULTS} ({@code epochs} sets both epoch counts); {@code teacher}/{@code student} absent means
 * the data set's preset; {@code omittedClass} absent or null means none. {@link #toJson} writes every setting, and
 * {@link #parse} reads it back equal.
 */
public final class ExperimentFile {

    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("version", "description", "dataset", "testFraction", "normalize",
            "teacher", "student", "epochs", "loss", "temperature", "alpha", "learningRate", "teacherEpochs",
            "studentEpochs", "batchSize", "labelledFraction", "ceWeight", "dkdAlpha", "dkdBeta", "dkdWarmupEpochs",
            "teacherLabelSmoothing", "transferSet", "seed", "teacherSeesAllLabels", "omittedClass");
    private static final Set<String> NET_KEYS = Set.of("hidden", "activation", "dropout");

    private ExperimentFile() {
    }

    /** Reads and checks an experiment file; every problem is an {@link ExperimentException} naming the file. */
    public static Experiment read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException | OutOfMemoryError e) {
            throw bad(file, "cannot read it (" + e.getMessage() + ")");
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            return fromJson(JsonFields.parseObject(JsonFields.utf8(bytes)), folder);
        } catch (IllegalArgumentException | DatasetException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static ExperimentException bad(Path file, String problem) {
        return new ExperimentException("experiment " + file + ": " + problem);
    }

    /** An experiment from JSON text; problems are {@link IllegalArgumentException}s that name the setting. */
    public static Experiment parse(String json) {
        return fromJson(JsonFields.parseObject(json));
    }

    /** An experiment from a parsed JSON object (a file's top level, or a workspace's {@code training.experiment}). */
    static Experiment fromJson(JsonNode root) {
        return fromJson(root, null);
    }

    /**
     * An experiment from a parsed JSON object.
     *
     * @param folder where a CSV table's relative path is resolved; null leaves it as written
     */
    static Experiment fromJson(JsonNode root, Path folder) {
        JsonFields.onlyKeys(root, KEYS, "");
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()
                || version.asInt() != VERSION) {
            throw new IllegalArgumentException("\"version\" must be " + VERSION + ", got " + version);
        }
        DatasetSpec dataset = dataset(root.get("dataset"), folder);
        JsonFields.TEXT.read(root, "description", "");
        return new Experiment(dataset,
                JsonFields.NUMBER.read(root, "testFraction", Experiment.DEFAULT_TEST_FRACTION),
                Normalization.fromId(JsonFields.TEXT.read(root, "normalize", Normalization.STANDARDIZE.id())),
                net(root.get("teacher"), "teacher"),
                net(root.get("student"), "student"),
                settings(root, Set.of(), dataset));
    }

    private static DatasetSpec dataset(JsonNode node, Path folder) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("\"dataset\" must be an object such as {\"name\": \"two-moons\"}");
        }
        ObjectNode settings = ((ObjectNode) node).deepCopy();
        settings.remove(UsersDataJson.KEYS);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JsonFields.JSON.convertValue(settings, LinkedHashMap.class);
        return UsersDataJson.read(node, DatasetSpec.fromMap(map), folder);
    }

    /**
     * The run settings of an experiment's or a workspace's JSON object. The settings in {@code requiredSettings} must be
     * there (a version-1 workspace file), and so must the transfer set, the seed and teacher-sees-all-labels when it
     * names any; absent ones take their defaults.
     *
     * @param dataset the data the omitted class must be a class of
     */
    static RunSettings settings(JsonNode node, Set<NumericSetting> requiredSettings, DatasetSpec dataset) {
        boolean required = !requiredSettings.isEmpty();
        RunSettings s = RunSettings.DEFAULTS;
        int epochs = JsonFields.INTEGER.read(node, "epochs", s.teacherEpochs());
        if (node.has("epochs")) {
            checkRange(NumericSetting.TEACHER_EPOCHS, "epochs", epochs);
            s = s.withEpochs(epochs);
        }
        s = s.withLoss(LossMethod.fromId(JsonFields.TEXT.read(node, "loss", LossMethod.HINTON.id())));
        for (NumericSetting setting : NumericSetting.values()) {
            String key = setting.key();
            boolean whole = setting.range().wholeOnly();
            double value;
            if (requiredSettings.contains(setting)) {
                value = whole ? JsonFields.INTEGER.read(node, key) : JsonFields.NUMBER.read(node, key);
            } else {
                value = whole ? JsonFields.INTEGER.read(node, key, (int) setting.valueIn(s))
                        : JsonFields.NUMBER.read(node, key, setting.valueIn(s));
            }
            s = setting.with(s, value);
        }
        String transfer = required ? JsonFields.TEXT.read(node, "transferSet")
                : JsonFields.TEXT.read(node, "transferSet", "labelled");
        long seed = required ? JsonFields.WHOLE.read(node, "seed") : JsonFields.WHOLE.read(node, "seed", s.seed());
        boolean teacherSeesAll = required ? JsonFields.BOOLEAN.read(node, "teacherSeesAllLabels")
                : JsonFields.BOOLEAN.read(node, "teacherSeesAllLabels", false);
        return s.withTransferSet(transferSet(transfer)).withSeed(seed).withTeacherSeesAllLabels(teacherSeesAll)
                .withOmittedClass(omittedClass(JsonFields.optional(node, "omittedClass"), dataset));
    }

    private static void checkRange(NumericSetting setting, String key, double value) {
        if (!setting.range().contains(value)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number from "
                    + setting.range().describe() + ", got " + value);
        }
    }

    /** A class of the data set, or none when absent or null. */
    private static int omittedClass(JsonNode v, DatasetSpec spec) {
        if (v == null) {
            return RunSettings.NO_OMITTED_CLASS;
        }
        int classes = spec.catalogEntry() == DatasetCatalog.CSV ? Integer.MAX_VALUE : spec.k();
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() >= classes) {
            throw new IllegalArgumentException("\"omittedClass\" must be a class of " + spec.name() + ", 0 to "
                    + (classes - 1) + " (or null for none), got " + v);
        }
        return v.asInt();
    }

    /** {@code labelled} or {@code all}, in any case. */
    public static TransferSet transferSet(String value) {
        try {
            return TransferSet.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"transferSet\" must be labelled or all, got \"" + value + "\"");
        }
    }

    private static MlpSpec net(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object such as {\"hidden\": [64, 64]}");
        }
        JsonFields.onlyKeys(node, NET_KEYS, name + ".");
        List<Integer> sizes = node.has("hidden")
                ? JsonFields.list(node, "hidden", JsonFields::wholeInt, "whole numbers") : List.of();
        String activation = JsonFields.TEXT.read(node, "activation", "relu");
        MlpSpec.Activation act;
        try {
            act = MlpSpec.Activation.valueOf(activation.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ".activation must be relu or tanh, got \"" + activation + "\"");
        }
        try {
            return new MlpSpec(sizes, act, (float) (double) JsonFields.NUMBER.read(node, "dropout", 0.0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** The experiment as a version-1 file, every setting written out ({@code omittedClass} only when set). */
    public static String toJson(Experiment e) {
        try {
            return JsonFields.JSON.writeValueAsString(toNode(e)) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static ObjectNode toNode(Experiment e) {
        ObjectNode root = JsonFields.JSON.createObjectNode();
        root.put("version", VERSION);
        UsersDataJson.write(root.putObject("dataset"), e.dataset());
        root.put("testFraction", e.testFraction());
        root.put("normalize", e.normalization().id());
        writeNet(root, "teacher", e.teacher());
        writeNet(root, "student", e.student());
        RunSettings s = e.settings();
        root.put("loss", s.loss().id());
        for (NumericSetting setting : NumericSetting.values()) {
            double value = setting.valueIn(s);
            if (setting.range().wholeOnly()) {
                root.put(setting.key(), (long) value);
            } else {
                root.put(setting.key(), value);
            }
        }
        root.put("transferSet", s.transferSet().name().toLowerCase(Locale.ROOT));
        root.put("seed", s.seed());
        root.put("teacherSeesAllLabels", s.teacherSeesAllLabels());
        if (s.omitsAClass()) {
            root.put("omittedClass", s.omittedClass());
        }
        return root;
    }

    private static void writeNet(ObjectNode root, String key, MlpSpec net) {
        if (net == null) {
            return;
        }
        ObjectNode node = root.putObject(key);
        net.hidden().forEach(node.putArray("hidden")::add);
        node.put("activation", net.activation().name().toLowerCase(Locale.ROOT));
        node.put("dropout", net.dropout());
    }
}
