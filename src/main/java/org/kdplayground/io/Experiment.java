package org.kdplayground.io;

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
import org.kdplayground.data.Datasets;
import org.kdplayground.data.Normalizer;
import org.kdplayground.data.Split;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.MlpSpec;
import org.kdplayground.engine.TransferSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An experiment file ({@code "version": 1}), read strictly: an unknown key or a wrong type is an error that names
 * it, so a typo does not silently fall back to a default. Absent keys take the defaults below. The fields mirror
 * {@link RunConfig}; {@code teacher}/{@code student} absent means the dataset's preset; {@code omittedClass} absent
 * (or null) means the students see every class ({@link RunConfig#NO_OMITTED_CLASS}). {@link #toJson()} writes
 * one that {@link #parse(String)} reads back equal.
 */
public record Experiment(DatasetSpec dataset, double testFraction, String normalize, MlpSpec teacher, MlpSpec student,
                       float temperature, float alpha, float learningRate, int teacherEpochs, int studentEpochs,
                       int batchSize, double labelledFraction, TransferSet transferSet, long seed,
                       boolean teacherSeesAllLabels, int omittedClass) {

    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("version", "dataset", "testFraction", "normalize", "teacher",
            "student", "temperature", "alpha", "learningRate", "teacherEpochs", "studentEpochs", "epochs",
            "batchSize", "labelledFraction", "transferSet", "seed", "teacherSeesAllLabels", "omittedClass",
            "description");
    private static final Set<String> NET_KEYS = Set.of("hidden", "activation", "dropout");

    /** Reads and checks an experiment file; every problem is an {@link ExperimentException} naming the file. */
    public static Experiment read(Path file) {
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

    private static ExperimentException bad(Path file, String problem) {
        return new ExperimentException("experiment " + file + ": " + problem);
    }

    /** An experiment from JSON text; problems are {@link IllegalArgumentException}s that name the setting. */
    public static Experiment parse(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            return parse(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ")");
        }
    }

    public static Experiment parse(JsonNode root) {
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
        return new Experiment(spec,
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
                bool(root, "teacherSeesAllLabels", false),
                omittedClass(root.get("omittedClass"), spec));
    }

    /** A class of the data set, or none when absent or null. */
    private static int omittedClass(JsonNode v, DatasetSpec spec) {
        if (v == null || v.isNull()) {
            return RunConfig.NO_OMITTED_CLASS;
        }
        int classes = spec.k();
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() >= classes) {
            throw new IllegalArgumentException("\"omittedClass\" must be a class of " + spec.name() + ", 0 to "
                    + (classes - 1) + " (or null for none), got " + v);
        }
        return v.asInt();
    }

    /** Whether the students are trained without one of the classes. */
    public boolean omitsAClass() {
        return omittedClass != RunConfig.NO_OMITTED_CLASS;
    }

    /** The experiment as a version-1 file, every setting written out ({@code omittedClass} only when set). */
    public String toJson() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset.name());
        data.put("size", dataset.size());
        data.put("noise", dataset.noise());
        data.put("seed", dataset.seed());
        data.put("k", dataset.k());
        if (dataset.folder() != null) {
            data.put("folder", dataset.folder().toString());
        }
        root.put("testFraction", testFraction);
        root.put("normalize", normalize);
        writeNet(root, "teacher", teacher);
        writeNet(root, "student", student);
        root.put("temperature", temperature);
        root.put("alpha", alpha);
        root.put("learningRate", learningRate);
        root.put("teacherEpochs", teacherEpochs);
        root.put("studentEpochs", studentEpochs);
        root.put("batchSize", batchSize);
        root.put("labelledFraction", labelledFraction);
        root.put("transferSet", transferSet.name().toLowerCase(Locale.ROOT));
        root.put("seed", seed);
        root.put("teacherSeesAllLabels", teacherSeesAllLabels);
        if (omitsAClass()) {
            root.put("omittedClass", omittedClass);
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
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

    /**
     * Loads the data, fits the normaliser on the training part and builds the run configuration: the one way a run
     * is made from an experiment, for the command line and the training screen alike.
     *
     * @throws org.kdplayground.data.DatasetException when the data cannot be read
     * @throws IllegalArgumentException               naming the first invalid value
     */
    public PreparedRun prepare() {
        Split raw = Datasets.loadSplit(dataset, testFraction, labelledFraction);
        Normalizer normalizer = switch (normalize) {
            case "unit-range" -> Normalizer.unitRange(raw.train());
            case "none" -> Normalizer.identity(raw.train().featureCount());
            default -> Normalizer.standardize(raw.train());
        };
        RunConfig.Builder b = RunConfig.builder(normalizer.apply(raw))
                .temperature(temperature)
                .alpha(alpha)
                .learningRate(learningRate)
                .teacherEpochs(teacherEpochs)
                .studentEpochs(studentEpochs)
                .batchSize(batchSize)
                .transferSet(transferSet)
                .seed(seed)
                .teacherSeesAllLabels(teacherSeesAllLabels)
                .omittedClass(omittedClass);
        if (teacher != null) {
            b.teacher(teacher);
        }
        if (student != null) {
            b.student(student);
        }
        return new PreparedRun(this, raw, normalizer, b.build());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few values of an experiment (command-line overrides, the screen's set-up panel). */
    public static final class Builder {
        private DatasetSpec dataset;
        private double testFraction;
        private String normalize;
        private MlpSpec teacher;
        private MlpSpec student;
        private float temperature;
        private float alpha;
        private float learningRate;
        private int teacherEpochs;
        private int studentEpochs;
        private int batchSize;
        private double labelledFraction;
        private TransferSet transferSet;
        private long seed;
        private boolean teacherSeesAllLabels;
        private int omittedClass;

        private Builder(Experiment e) {
            dataset = e.dataset;
            testFraction = e.testFraction;
            normalize = e.normalize;
            teacher = e.teacher;
            student = e.student;
            temperature = e.temperature;
            alpha = e.alpha;
            learningRate = e.learningRate;
            teacherEpochs = e.teacherEpochs;
            studentEpochs = e.studentEpochs;
            batchSize = e.batchSize;
            labelledFraction = e.labelledFraction;
            transferSet = e.transferSet;
            seed = e.seed;
            teacherSeesAllLabels = e.teacherSeesAllLabels;
            omittedClass = e.omittedClass;
        }

        public Builder dataset(DatasetSpec value) {
            dataset = value;
            return this;
        }

        /** The teacher's network; null takes the data set's preset. */
        public Builder teacher(MlpSpec value) {
            teacher = value;
            return this;
        }

        /** The students' network; null takes the data set's preset. */
        public Builder student(MlpSpec value) {
            student = value;
            return this;
        }

        public Builder temperature(float value) {
            temperature = value;
            return this;
        }

        public Builder alpha(float value) {
            alpha = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder teacherEpochs(int value) {
            teacherEpochs = value;
            return this;
        }

        public Builder studentEpochs(int value) {
            studentEpochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder labelledFraction(double value) {
            labelledFraction = value;
            return this;
        }

        public Builder transferSet(TransferSet value) {
            transferSet = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder teacherSeesAllLabels(boolean value) {
            teacherSeesAllLabels = value;
            return this;
        }

        /** A class the students never see, or {@link RunConfig#NO_OMITTED_CLASS}; checked by {@link #prepare()}. */
        public Builder omittedClass(int value) {
            omittedClass = value;
            return this;
        }

        public Experiment build() {
            return new Experiment(dataset, testFraction, normalize, teacher, student, temperature, alpha,
                    learningRate, teacherEpochs, studentEpochs, batchSize, labelledFraction, transferSet, seed,
                    teacherSeesAllLabels, omittedClass);
        }
    }

    public static TransferSet transfer(String value) {
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
