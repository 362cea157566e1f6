package org.kdplayground.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Strict reading of the app's JSON files: every reader names the key it rejects ({@code "alpha" must be a number,
 * got "x"}), so a typo never falls back to a default in silence. A required key that is absent is an error; an
 * optional one (the {@code fallback} forms) takes its default when absent or null. Problems are
 * {@link IllegalArgumentException}s that the file's reader prefixes with the file.
 */
final class JsonFields {

    /** Pretty output; duplicate keys and anything after the top-level value are errors. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonFields() {
    }

    /** Parses JSON text whose top level must be an object. */
    static JsonNode parseObject(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + where(e) + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return root;
    }

    /** "line 3: " where the parser knows the place. */
    static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    }

    /** Rejects a key not in {@code allowed}, naming it with {@code prefix} ({@code "training."}). */
    static void onlyKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown setting \"" + prefix + key + "\"");
            }
        }
    }

    /** The value of a required key. */
    static JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value;
    }

    /** The value of an optional key, or null when it is absent or JSON null. */
    static JsonNode optional(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    static JsonNode object(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isObject()) {
            throw new IllegalArgumentException("\"" + key + "\" must be an object");
        }
        return value;
    }

    static double number(JsonNode node, String key) {
        return asNumber(required(node, key), key);
    }

    static double number(JsonNode node, String key, double fallback) {
        JsonNode v = optional(node, key);
        return v == null ? fallback : asNumber(v, key);
    }

    private static double asNumber(JsonNode v, String key) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw mistyped(key, "a number", v);
        }
        return v.asDouble();
    }

    static int integer(JsonNode node, String key) {
        return asInteger(required(node, key), key);
    }

    static int integer(JsonNode node, String key, int fallback) {
        JsonNode v = optional(node, key);
        return v == null ? fallback : asInteger(v, key);
    }

    private static int asInteger(JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw mistyped(key, "a whole number", v);
        }
        return v.asInt();
    }

    static long whole(JsonNode node, String key) {
        return asWhole(required(node, key), key);
    }

    static long whole(JsonNode node, String key, long fallback) {
        JsonNode v = optional(node, key);
        return v == null ? fallback : asWhole(v, key);
    }

    private static long asWhole(JsonNode v, String key) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw mistyped(key, "a whole number", v);
        }
        return v.asLong();
    }

    static boolean bool(JsonNode node, String key) {
        return asBool(required(node, key), key);
    }

    static boolean bool(JsonNode node, String key, boolean fallback) {
        JsonNode v = optional(node, key);
        return v == null ? fallback : asBool(v, key);
    }

    private static boolean asBool(JsonNode v, String key) {
        if (!v.isBoolean()) {
            throw mistyped(key, "true or false", v);
        }
        return v.asBoolean();
    }

    static String text(JsonNode node, String key) {
        return asText(required(node, key), key);
    }

    static String text(JsonNode node, String key, String fallback) {
        JsonNode v = optional(node, key);
        return v == null ? fallback : asText(v, key);
    }

    private static String asText(JsonNode v, String key) {
        if (!v.isTextual()) {
            throw mistyped(key, "a text", v);
        }
        return v.asText();
    }

    /** A required list whose items {@code item} converts, or returns null for, a wrong item. */
    static <T> List<T> list(JsonNode node, String key, Function<JsonNode, T> item, String what) {
        JsonNode value = required(node, key);
        if (!value.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of " + what);
        }
        List<T> items = new ArrayList<>(value.size());
        for (JsonNode v : value) {
            T converted = item.apply(v);
            if (converted == null) {
                throw new IllegalArgumentException("\"" + key + "\" must be a list of " + what + ", got " + v);
            }
            items.add(converted);
        }
        return items;
    }

    /** A finite number, or null. */
    static Double finite(JsonNode v) {
        return v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }

    /** A whole number that fits an int, or null. */
    static Integer wholeInt(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }

    private static IllegalArgumentException mistyped(String key, String what, JsonNode value) {
        String shown = value.toString();
        return new IllegalArgumentException("\"" + key + "\" must be " + what + ", got "
                + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
    }
}
