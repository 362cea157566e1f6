package org.kdplayground.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.engine.RunConfig;
import org.kdplayground.engine.TransferSet;
import org.kdplayground.io.WorkspaceException.Kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workspace file format: {@code {"format": "kd-playground", "version": 1, "explorer": {..}, "training": {..},
 * "sweep": {..}}}. Reading is strict and complete before anything is returned (every key present, of the right
 * type, no unknown keys), so a damaged file never half-applies; writing is atomic (a temp file in the same folder,
 * then a rename), so a crash mid-write keeps the old file.
 *
 * <p>One key is optional: {@code training.omittedClass}, written only when a class is left out, so files without
 * it stay readable by the versions before it; absent means none.
 */
public final class WorkspaceFile {

    public static final String FORMAT = "kd-playground";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".kdp.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP = Set.of("format", "version", "explorer", "training", "sweep");
    private static final Set<String> EXPLORER = Set.of("classNames", "teacher", "student", "trueClass",
            "temperature", "alpha", "softScaledByTSquared", "gridTemperatures");
    private static final Set<String> TRAINING = Set.of("preset", "dataset", "teacher", "student", "temperature",
            "alpha", "learningRate", "teacherEpochs", "studentEpochs", "batchSize", "labelledFraction",
            "transferSet", "seed", "teacherSeesAllLabels", "omittedClass");
    private static final Set<String> DATASET = Set.of("name", "size", "noise", "classes", "folder");
    private static final Set<String> NET = Set.of("hidden");
    private static final Set<String> SWEEP = Set.of("temperatures", "seeds");

    private WorkspaceFile() {
    }

    /** Writes the workspace atomically: the old file stays whole until the new one is complete. */
    public static void write(Path file, Workspace workspace) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, toJson(workspace), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads and checks a whole file. */
    public static Workspace read(Path file) throws WorkspaceException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException(Kind.UNREADABLE, String.valueOf(e.getMessage()));
        }
        return parse(text);
    }

    public static String toJson(Workspace w) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        Workspace.Explorer e = w.explorer();
        ObjectNode explorer = root.putObject("explorer");
        e.classNames().forEach(explorer.putArray("classNames")::add);
        e.teacher().forEach(explorer.putArray("teacher")::add);
        e.student().forEach(explorer.putArray("student")::add);
        explorer.put("trueClass", e.trueClass());
        explorer.put("temperature", e.temperature());
        explorer.put("alpha", e.alpha());
        explorer.put("softScaledByTSquared", e.softScaledByTSquared());
        e.gridTemperatures().forEach(explorer.putArray("gridTemperatures")::add);

        Workspace.Training t = w.training();
        ObjectNode training = root.putObject("training");
        training.put("preset", t.preset());
        ObjectNode dataset = training.putObject("dataset");
        dataset.put("name", t.dataset().id());
        dataset.put("size", t.size());
        dataset.put("noise", t.noise());
        dataset.put("classes", t.classes());
        if (t.folder() == null) {
            dataset.putNull("folder");
        } else {
            dataset.put("folder", t.folder().toString());
        }
        t.teacherLayers().forEach(training.putObject("teacher").putArray("hidden")::add);
        t.studentLayers().forEach(training.putObject("student").putArray("hidden")::add);
        training.put("temperature", t.temperature());
        training.put("alpha", t.alpha());
        training.put("learningRate", t.learningRate());
        training.put("teacherEpochs", t.teacherEpochs());
        training.put("studentEpochs", t.studentEpochs());
        training.put("batchSize", t.batchSize());
        training.put("labelledFraction", t.labelledFraction());
        training.put("transferSet", t.transferSet().name().toLowerCase(Locale.ROOT));
        training.put("seed", t.seed());
        training.put("teacherSeesAllLabels", t.teacherSeesAllLabels());
        if (t.omittedClass() != RunConfig.NO_OMITTED_CLASS) {
            training.put("omittedClass", t.omittedClass());
        }

        ObjectNode sweep = root.putObject("sweep");
        w.sweep().temperatures().forEach(sweep.putArray("temperatures")::add);
        sweep.put("seeds", w.sweep().seeds());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Parses and checks workspace JSON; nothing is returned unless all of it is well-formed. */
    public static Workspace parse(String text) throws WorkspaceException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(Kind.NOT_JSON, "line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new WorkspaceException(Kind.NOT_A_WORKSPACE, "no \"format\": \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new WorkspaceException(Kind.INVALID, "\"version\" must be a whole number");
        }
        if (version.asLong() > VERSION) {
            throw new WorkspaceException(Kind.NEWER_VERSION, Long.toString(version.asLong()));
        }
        if (version.asLong() < 1) {
            throw new WorkspaceException(Kind.INVALID, "\"version\" must be 1");
        }
        try {
            keys(root, TOP, "");
            return new Workspace(explorer(object(root, "explorer")), training(object(root, "training")),
                    sweep(object(root, "sweep")));
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(Kind.INVALID, e.getMessage());
        }
    }

    private static Workspace.Explorer explorer(JsonNode node) {
        keys(node, EXPLORER, "explorer.");
        return new Workspace.Explorer(
                list(node, "classNames", v -> v.isTextual() ? v.asText() : null, "texts"),
                list(node, "teacher", WorkspaceFile::finite, "numbers"),
                list(node, "student", WorkspaceFile::finite, "numbers"),
                integer(node, "trueClass"),
                number(node, "temperature"),
                number(node, "alpha"),
                bool(node, "softScaledByTSquared"),
                list(node, "gridTemperatures", WorkspaceFile::finite, "numbers"));
    }

    private static Workspace.Training training(JsonNode node) {
        keys(node, TRAINING, "training.");
        JsonNode data = object(node, "dataset");
        keys(data, DATASET, "dataset.");
        DatasetCatalog catalog;
        try {
            catalog = DatasetCatalog.fromId(text(data, "name"));
        } catch (org.kdplayground.data.DatasetException e) {
            throw new IllegalArgumentException("unknown data set \"" + text(data, "name") + "\"");
        }
        JsonNode folderNode = present(data, "folder");
        Path folder = null;
        if (!folderNode.isNull()) {
            if (!folderNode.isTextual()) {
                throw new IllegalArgumentException("\"folder\" must be a text or null");
            }
            try {
                folder = Path.of(folderNode.asText());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("\"folder\" is not a valid path");
            }
        }
        String transfer = text(node, "transferSet");
        TransferSet transferSet;
        try {
            transferSet = TransferSet.valueOf(transfer.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"transferSet\" must be labelled or all");
        }
        return new Workspace.Training(text(node, "preset"), catalog, integer(data, "size"), number(data, "noise"),
                integer(data, "classes"), folder, layers(node, "teacher"), layers(node, "student"),
                number(node, "temperature"), number(node, "alpha"), number(node, "learningRate"),
                integer(node, "teacherEpochs"), integer(node, "studentEpochs"), integer(node, "batchSize"),
                number(node, "labelledFraction"), transferSet, whole(node, "seed"),
                bool(node, "teacherSeesAllLabels"), omittedClass(node));
    }

    /** The optional omitted class: absent means none; the screen checks it against the data set's classes. */
    private static int omittedClass(JsonNode node) {
        JsonNode value = node.get("omittedClass");
        if (value == null) {
            return RunConfig.NO_OMITTED_CLASS;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new IllegalArgumentException("\"omittedClass\" must be a class number (0 or more)");
        }
        return value.asInt();
    }

    private static List<Integer> layers(JsonNode node, String key) {
        JsonNode net = object(node, key);
        keys(net, NET, key + ".");
        return list(net, "hidden", v -> v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null,
                "whole numbers");
    }

    private static Workspace.Sweep sweep(JsonNode node) {
        keys(node, SWEEP, "sweep.");
        return new Workspace.Sweep(list(node, "temperatures", v -> {
            Double d = finite(v);
            return d == null ? null : d.floatValue();
        }, "numbers"), integer(node, "seeds"));
    }

    // ---- strict readers: each names the key it rejects

    private static void keys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + prefix + key + "\"");
            }
        }
    }

    private static JsonNode present(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String key) {
        JsonNode value = present(node, key);
        if (!value.isObject()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an object");
        }
        return value;
    }

    private static Double finite(JsonNode v) {
        return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }

    private static double number(JsonNode node, String key) {
        Double value = finite(present(node, key));
        if (value == null) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number");
        }
        return value;
    }

    private static int integer(JsonNode node, String key) {
        JsonNode value = present(node, key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return value.asInt();
    }

    private static long whole(JsonNode node, String key) {
        JsonNode value = present(node, key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String key) {
        JsonNode value = present(node, key);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("\"" + key + "\" must be true or false");
        }
        return value.asBoolean();
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = present(node, key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a text");
        }
        return value.asText();
    }

    private static <T> List<T> list(JsonNode node, String key, Function<JsonNode, T> item, String what) {
        JsonNode value = present(node, key);
        if (!value.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of " + what);
        }
        List<T> items = new ArrayList<>(value.size());
        for (JsonNode v : (ArrayNode) value) {
            T converted = item.apply(v);
            if (converted == null) {
                throw new IllegalArgumentException("\"" + key + "\" must be a list of " + what);
            }
            items.add(converted);
        }
        return items;
    }
}
