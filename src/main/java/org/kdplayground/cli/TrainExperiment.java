package org.kdplayground.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kdplayground.data.DatasetSpec;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.TransferSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An experiment file ({@code "version": 1}), read strictly: an unknown key or a wrong type is an error that names
 * it, so a typo does not silently fall back to a default. Absent keys take the defaults below. The fields mirror
 * {@link org.kdplayground.engine.RunConfig}; {@code teacher}/{@code student} absent means the dataset's preset.
 */
record TrainExperiment(DatasetSpec dataset, double testFraction, String normalize, MlpSpec teacher, MlpSpec student,
                       float temperature, float alpha, float learningRate, int teacherEpochs, int studentEpochs,
                       int batchSize, double labelledFraction, TransferSet transferSet, long seed,
                       boolean teacherSeesAllLabels) {

    static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("version", "dataset", "testFraction", "normalize", "teacher",
            "student", "temperature", "alpha", "learningRate", "teacherEpochs", "studentEpochs", "epochs",
            "batchSize", "labelledFraction", "transferSet", "seed", "teacherSeesAllLabels", "description");
    private static final Set<String> NET_KEYS = Set.of("hidden", "activation", "dropout");

    /** Reads and checks an experiment file; every problem is a {@link CliException} with BAD_INPUT. */
    static TrainExperiment read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw bad(file, "cannot read it (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(file, "not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "expected a JSON object");
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static CliException bad(Path file, String problem) {
        return new CliException(ExitCodes.BAD_INPUT, "experiment " + file + ": " + problem);
    }

    static TrainExperiment parse(JsonNode root) {
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting \"" + key + "\"");
            }
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
            throw new IllegalArgumentException("\"version\" must be " + VERSION + ", got " + version);
        }
        JsonNode ds = root.get("dataset");
        if (ds == null || !ds.isObject()) {
            throw new IllegalArgumentException("\"dataset\" must be an object such as {\"name\": \"two-moons\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dsMap = new ObjectMapper().convertValue(ds, LinkedHashMap.class);
        DatasetSpec spec = DatasetSpec.fromMap(dsMap);
        int epochs = integer(root, "epochs", 30);
        String normalize = text(root, "normalize", "standardize");
        if (!List.of("standardize", "unit-range", "none").contains(normalize)) {
            throw new IllegalArgumentException("\"normalize\" must be standardize, unit-range or none");
        }
        return new TrainExperiment(spec,
                number(root, "testFraction", 0.3),
                normalize,
                net(root.get("teacher"), "teacher"),
                net(root.get("student"), "student"),
                (float) number(root, "temperature", 4),
                (float) number(root, "alpha", 0.5),
                (float) number(root, "learningRate", 0.01),
                integer(root, "teacherEpochs", epochs),
                integer(root, "studentEpochs", epochs),
                integer(root, "batchSize", 64),
                number(root, "labelledFraction", 1.0),
                transfer(text(root, "transferSet", "labelled")),
                (long) number(root, "seed", 42),
                bool(root, "teacherSeesAllLabels", false));
    }

    static TransferSet transfer(String value) {
        try {
            return TransferSet.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transfer set must be labelled or all, got \"" + value + "\"");
        }
    }

    private static MlpSpec net(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be an object such as {\"hidden\": [64, 64]}");
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!NET_KEYS.contains(key)) {
                throw new IllegalArgumentException(name + ": unknown setting \"" + key + "\"");
            }
        }
        JsonNode hidden = node.get("hidden");
        List<Integer> sizes = new ArrayList<>();
        if (hidden != null) {
            if (!hidden.isArray()) {
                throw new IllegalArgumentException(name + ".hidden must be a list of layer sizes");
            }
            for (JsonNode h : hidden) {
                if (!h.canConvertToInt() || !h.isIntegralNumber()) {
                    throw new IllegalArgumentException(name + ".hidden must hold whole numbers, got " + h);
                }
                sizes.add(h.asInt());
            }
        }
        String activation = text(node, "activation", "relu");
        MlpSpec.Activation act;
        try {
            act = MlpSpec.Activation.valueOf(activation.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ".activation must be relu or tanh, got \"" + activation + "\"");
        }
        try {
            return new MlpSpec(sizes, act, (float) number(node, "dropout", 0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static double number(JsonNode node, String key, double fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static int integer(JsonNode node, String key, int fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + v);
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("\"" + key + "\" must be true or false, got " + v);
        }
        return v.asBoolean();
    }
}
