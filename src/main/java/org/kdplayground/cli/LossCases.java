package org.kdplayground.cli;

import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kdplayground.data.Utf8Lines;
import org.kdplayground.engine.NumericSetting;
import org.kdplayground.math.SoftScaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code loss --cases FILE}: one JSON object a line in the reference format, each answered by one JSON line. A line's
 * optional {@code method} picks the loss: {@code hinton} (the default: {@code T}, {@code alpha}), {@code dkd}
 * ({@code T}, {@code ce_weight}, {@code dkd_alpha}, {@code dkd_beta}), {@code lskd} ({@code T}, {@code alpha}) or
 * {@code ce_ls} ({@code epsilon}, no teacher). Each weight must lie in its run setting's range. A bad line stops the
 * command with a message naming the line; the lines before it are already written.
 */
final class LossCases {

    /** The fields each other method needs besides the logits and the label, and the setting that bounds each. */
    private static final Map<String, Map<String, NumericSetting>> VARIANT_FIELDS = Map.of(
            "dkd", ordered("T", NumericSetting.TEMPERATURE, "ce_weight", NumericSetting.CE_WEIGHT,
                    "dkd_alpha", NumericSetting.DKD_ALPHA, "dkd_beta", NumericSetting.DKD_BETA),
            "lskd", ordered("T", NumericSetting.TEMPERATURE, "alpha", NumericSetting.ALPHA),
            "ce_ls", ordered("epsilon", NumericSetting.TEACHER_LABEL_SMOOTHING));

    private final Path file;
    private final EngineKind engine;
    private final SoftScaling scaling;

    LossCases(Path file, EngineKind engine, SoftScaling scaling) {
        this.file = file;
        this.engine = engine;
        this.scaling = scaling;
    }

    private static Map<String, NumericSetting> ordered(Object... keyAndSetting) {
        Map<String, NumericSetting> map = new LinkedHashMap<>();
        for (int i = 0; i < keyAndSetting.length; i += 2) {
            map.put((String) keyAndSetting[i], (NumericSetting) keyAndSetting[i + 1]);
        }
        return map;
    }

    int writeTo(PrintWriter out) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot read " + name + ": it is a directory");
        }
        try (InputStream in = Files.newInputStream(file);
             LossEngine e = engine.create()) {
            Utf8Lines reader = new Utf8Lines(in);
            String text;
            while ((text = reader.next()) != null) {
                if (reader.lineNumber() == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    out.println(Json.line(answer(e, text, name + " line " + reader.lineNumber())));
                }
            }
        } catch (NoSuchFileException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot read " + name + ": no such file");
        } catch (Utf8Lines.BadLine ex) {
            throw new CliException(ExitCodes.BAD_INPUT, name + " line " + ex.line() + ", byte " + ex.column() + ": "
                    + ex.getMessage());
        } catch (IOException | InvalidPathException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot read " + name + ": " + ex.getMessage());
        } finally {
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** @param line the file and line, for a message ({@code "cases.jsonl line 3"}) */
    private ObjectNode answer(LossEngine e, String text, String line) {
        JsonNode node = parse(text, line);
        String where = line + ": ";
        JsonNode methodNode = node.get("method");
        String method = methodNode == null || methodNode.isNull() ? "hinton" : methodNode.asText();
        if (methodNode != null && !methodNode.isNull() && !methodNode.isTextual()) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "'method' must be a text, got " + methodNode);
        }
        try {
            if (method.equals("hinton")) {
                LossEngine.LossCase c = hintonCase(node, where);
                LossEngine.Result r = e.compute(c, scaling);
                if (!r.isFinite()) {
                    throw new CliException(ExitCodes.BAD_INPUT, where + "the result overflows for this case");
                }
                return caseJson(c, r);
            }
            Map<String, NumericSetting> fields = VARIANT_FIELDS.get(method);
            if (fields == null) {
                throw new CliException(ExitCodes.BAD_INPUT, where + "unknown method '" + method
                        + "' (choose from: hinton, dkd, lskd, ce_ls)");
            }
            LossEngine.VariantCase c = variantCase(node, method, fields, where);
            LossEngine.VariantResult r = e.computeVariant(c);
            if (!Double.isFinite(r.total()) || !Arrays.stream(r.grad()).allMatch(Double::isFinite)
                    || !r.parts().values().stream().allMatch(Double::isFinite)) {
                throw new CliException(ExitCodes.BAD_INPUT, where + "the result overflows for this case");
            }
            return variantJson(c, r);
        } catch (IllegalArgumentException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, where + ex.getMessage());
        }
    }

    /** A line's JSON object; a parse error names the column where the parser stopped. */
    private static JsonNode parse(String text, String line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (StreamConstraintsException ex) {
            throw new CliException(ExitCodes.BAD_INPUT, line + ": refused: " + beyondLimit(ex));
        } catch (JsonProcessingException ex) {
            String column = ex.getLocation() == null || ex.getLocation().getColumnNr() < 1 ? ""
                    : ", column " + ex.getLocation().getColumnNr();
            throw new CliException(ExitCodes.BAD_INPUT, line + column + ": malformed JSON: " + jsonProblem(ex));
        }
        if (node == null || !node.isObject()) {
            throw new CliException(ExitCodes.BAD_INPUT, line + ": expected a JSON object");
        }
        return node;
    }

    private static LossEngine.LossCase hintonCase(JsonNode node, String where) {
        return new LossEngine.LossCase(numbers(node, "student", where), numbers(node, "teacher", where),
                integer(node, "label", where), setting(node, "T", NumericSetting.TEMPERATURE, where),
                setting(node, "alpha", NumericSetting.ALPHA, where));
    }

    private static LossEngine.VariantCase variantCase(JsonNode node, String method,
                                                      Map<String, NumericSetting> fields, String where) {
        double[] student = numbers(node, "student", where);
        boolean withTeacher = fields.containsKey("T");
        double[] teacher = withTeacher ? numbers(node, "teacher", where) : new double[0];
        if (withTeacher && teacher.length != student.length) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "student logits has " + student.length
                    + " classes but teacher logits has " + teacher.length);
        }
        int label = integer(node, "label", where);
        if (label < 0 || label >= student.length) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "label " + label + " is out of range for "
                    + student.length + " classes");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        fields.forEach((key, setting) -> weights.put(key, setting(node, key, setting, where)));
        double temperature = withTeacher ? weights.remove("T") : Double.NaN;
        return new LossEngine.VariantCase(method, student, teacher, label, temperature, weights);
    }

    /** A case's number that must lie in a setting's range, as it must everywhere else in the app. */
    private static double setting(JsonNode node, String key, NumericSetting setting, String where) {
        double value = number(node, key, where);
        if (!setting.range().contains(value)) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "\"" + key + "\" must be in "
                    + setting.range().describe() + ", got " + Numbers.plain(value));
        }
        return value;
    }

    /** Which of {@link Json#MAPPER}'s limits a line broke, in words. */
    private static String beyondLimit(StreamConstraintsException ex) {
        String message = String.valueOf(ex.getOriginalMessage());
        StreamReadConstraints limits = Json.MAPPER.getFactory().streamReadConstraints();
        if (message.contains("nesting depth")) {
            return "nested deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.contains("Number value length")) {
            return "holds a number longer than " + limits.getMaxNumberLength() + " digits";
        }
        if (message.contains("String value length")) {
            return String.format(java.util.Locale.ROOT, "holds a text longer than %,d characters",
                    limits.getMaxStringLength());
        }
        int detail = message.indexOf(" (");
        return detail < 0 ? message : message.substring(0, detail);
    }

    /** Jackson's description of a parse error, on one line and without its source-location details. */
    private static String jsonProblem(JsonProcessingException ex) {
        String detail = ex.getOriginalMessage() == null ? "unreadable" : ex.getOriginalMessage();
        detail = detail.replaceAll("\\s+", " ");
        int location = detail.indexOf(" (start marker at");
        if (location < 0) {
            location = detail.indexOf(" at [Source");
        }
        return (location < 0 ? detail : detail.substring(0, location)).trim();
    }

    private static JsonNode field(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "missing field '" + field + "'");
        }
        return value;
    }

    private static double[] numbers(JsonNode node, String field, String where) {
        JsonNode value = field(node, field, where);
        if (!value.isArray() || value.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "'" + field + "' must be a non-empty array of numbers");
        }
        double[] result = new double[value.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode item = value.get(i);
            if (!item.isNumber()) {
                throw new CliException(ExitCodes.BAD_INPUT,
                        where + "'" + field + "'[" + i + "] is not a number: " + item);
            }
            result[i] = item.doubleValue();
        }
        return result;
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = field(node, field, where);
        if (!value.isNumber()) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "'" + field + "' is not a number: " + value);
        }
        return value.doubleValue();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = field(node, field, where);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new CliException(ExitCodes.BAD_INPUT, where + "'" + field + "' is not a whole number: " + value);
        }
        return value.intValue();
    }

    /** The reference format: the inputs, then p_student, p_teacher, hard, soft, total, grad. */
    static ObjectNode caseJson(LossEngine.LossCase c, LossEngine.Result r) {
        ObjectNode node = Json.object();
        node.set("student", Json.array(c.student()));
        node.set("teacher", Json.array(c.teacher()));
        node.put("label", c.label());
        node.put("T", c.temperature());
        node.put("alpha", c.alpha());
        node.set("p_student", Json.array(r.pStudent()));
        node.set("p_teacher", Json.array(r.pTeacher()));
        node.put("hard", r.hard());
        node.put("soft", r.soft());
        node.put("total", r.total());
        node.set("grad", Json.array(r.grad()));
        return node;
    }

    /** The inputs as read, then the method's parts, total and grad. */
    private static ObjectNode variantJson(LossEngine.VariantCase c, LossEngine.VariantResult r) {
        ObjectNode node = Json.object();
        node.put("method", c.method());
        node.set("student", Json.array(c.student()));
        if (c.teacher().length > 0) {
            node.set("teacher", Json.array(c.teacher()));
        }
        node.put("label", c.label());
        if (!Double.isNaN(c.temperature())) {
            node.put("T", c.temperature());
        }
        c.weights().forEach(node::put);
        r.parts().forEach(node::put);
        node.put("total", r.total());
        node.set("grad", Json.array(r.grad()));
        return node;
    }
}
