package org.kdplayground.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.kdplayground.data.DatasetException;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.engine.loss.LossMethod;
import org.kdplayground.io.WorkspaceException.Kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The workspace file format: {@code {"format": "kd-playground", "version": 3, "explorer": {..}, "training":
 * {"preset": .., "experiment": {..}}, "sweep": {"vary": "T", "values": "1, 2, 4", "seeds": 3}}}, the training
 * set-up being an experiment file's object ({@link ExperimentFile}). Version 2 files (whose sweep lists
 * "temperatures") and version 1 files (whose set-up listed its fields one by one, {@link WorkspaceFileV1}) are read
 * as well. Reading is strict and complete before anything is returned (every key present, of the
 * right type, no unknown keys), so a damaged file never half-applies; writing is atomic ({@link AtomicFiles}).
 */
public final class WorkspaceFile {

    public static final String FORMAT = "kd-playground";
    public static final int VERSION = 3;
    public static final String EXTENSION = ".kdp.json";

    private static final Set<String> TOP = Set.of("format", "version", "explorer", "training", "sweep");
    private static final Set<String> EXPLORER = Set.of("classNames", "teacher", "student", "trueClass",
            "temperature", "alpha", "softScaledByTSquared", "gridTemperatures", "loss", "ceWeight", "dkdAlpha",
            "dkdBeta");
    private static final Set<String> TRAINING = Set.of("preset", "experiment");
    /** A sweep's keys: "vary" and "values" since version 3; version 2 files sweep "temperatures". */
    private static final Set<String> SWEEP = Set.of("vary", "values", "temperatures", "seeds");

    private WorkspaceFile() {
    }

    /** Writes the workspace atomically: the old file stays whole until the new one is complete. */
    public static void write(Path file, Workspace workspace) throws IOException {
        AtomicFiles.writeString(file, toJson(workspace));
    }

    /** Reads and checks a whole file. */
    public static Workspace read(Path file) throws WorkspaceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new WorkspaceException(Kind.UNREADABLE, String.valueOf(e.getMessage()));
        }
        String text;
        try {
            text = JsonFields.utf8(bytes);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(Kind.NOT_JSON, e.getMessage());
        }
        return parse(text);
    }

    public static String toJson(Workspace w) {
        ObjectNode root = JsonFields.JSON.createObjectNode();
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
        explorer.put("loss", e.method().id());
        explorer.put("ceWeight", e.ceWeight());
        explorer.put("dkdAlpha", e.dkdAlpha());
        explorer.put("dkdBeta", e.dkdBeta());

        ObjectNode training = root.putObject("training");
        training.put("preset", w.training().preset());
        training.set("experiment", ExperimentFile.toNode(w.training().experiment()));

        ObjectNode sweep = root.putObject("sweep");
        sweep.put("vary", w.sweep().setting().key());
        sweep.put("values", w.sweep().values());
        sweep.put("seeds", w.sweep().seeds());
        try {
            return JsonFields.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Parses and checks workspace JSON; nothing is returned unless all of it is well-formed. */
    public static Workspace parse(String text) throws WorkspaceException {
        JsonNode root;
        try {
            root = JsonFields.JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new WorkspaceException(Kind.NOT_JSON, JsonFields.beyondLimit(e));
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(Kind.NOT_JSON, JsonFields.where(e) + e.getOriginalMessage());
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
            throw new WorkspaceException(Kind.INVALID, "\"version\" must be 1 to " + VERSION);
        }
        try {
            JsonFields.onlyKeys(root, TOP, "");
            JsonNode trainingNode = JsonFields.object(root, "training");
            Workspace.Training training = version.asLong() == 1 ? WorkspaceFileV1.training(trainingNode)
                    : training(trainingNode);
            return new Workspace(explorer(JsonFields.object(root, "explorer")), training,
                    sweep(JsonFields.object(root, "sweep")));
        } catch (IllegalArgumentException | DatasetException e) {
            throw new WorkspaceException(Kind.INVALID, e.getMessage());
        }
    }

    /** The explorer; its loss and DKD's weights are optional (files before them show Hinton's loss). */
    private static Workspace.Explorer explorer(JsonNode node) {
        JsonFields.onlyKeys(node, EXPLORER, "explorer.");
        Workspace.Explorer hinton = new Workspace.Explorer(
                JsonFields.list(node, "classNames", v -> v.isTextual() ? v.asText() : null, "texts"),
                JsonFields.list(node, "teacher", JsonFields::finite, "numbers"),
                JsonFields.list(node, "student", JsonFields::finite, "numbers"),
                JsonFields.INTEGER.read(node, "trueClass"),
                JsonFields.NUMBER.read(node, "temperature"),
                JsonFields.NUMBER.read(node, "alpha"),
                JsonFields.BOOLEAN.read(node, "softScaledByTSquared"),
                JsonFields.list(node, "gridTemperatures", JsonFields::finite, "numbers"));
        return new Workspace.Explorer(hinton.classNames(), hinton.teacher(), hinton.student(), hinton.trueClass(),
                hinton.temperature(), hinton.alpha(), hinton.softScaledByTSquared(), hinton.gridTemperatures(),
                LossMethod.fromId(JsonFields.TEXT.read(node, "loss", LossMethod.HINTON.id())),
                JsonFields.NUMBER.read(node, "ceWeight", hinton.ceWeight()),
                JsonFields.NUMBER.read(node, "dkdAlpha", hinton.dkdAlpha()),
                JsonFields.NUMBER.read(node, "dkdBeta", hinton.dkdBeta()));
    }

    private static Workspace.Training training(JsonNode node) {
        JsonFields.onlyKeys(node, TRAINING, "training.");
        return new Workspace.Training(JsonFields.TEXT.read(node, "preset"),
                ExperimentFile.fromJson(JsonFields.object(node, "experiment")));
    }

    private static Workspace.Sweep sweep(JsonNode node) {
        JsonFields.onlyKeys(node, SWEEP, "sweep.");
        int seeds = JsonFields.INTEGER.read(node, "seeds");
        if (node.has("temperatures")) {
            return new Workspace.Sweep(JsonFields.list(node, "temperatures", v -> {
                Double d = JsonFields.finite(v);
                return d == null ? null : d.floatValue();
            }, "numbers"), seeds);
        }
        return new Workspace.Sweep(SweptSetting.fromKey(JsonFields.TEXT.read(node, "vary")),
                JsonFields.TEXT.read(node, "values"), seeds);
    }
}
