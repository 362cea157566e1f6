package org.kdplayground.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

    /**
     * Limits set for the app's files, far above what they hold (a few levels of nesting, descriptions of a few hundred
     * characters, 1,000 logits) and far below what would exhaust memory: a crafted file is refused with the limit
     * it broke.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .maxDocumentLength(16_000_000L)
            .build();

    /** Pretty output; duplicate keys and anything after the top-level value are errors. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonFields() {
    }

    /**
     * A file's bytes as text: strict UTF-8 (a leading byte-order mark, as some editors write, is dropped).
     *
     * @throws IllegalArgumentException naming the first byte that is not UTF-8
     */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "not UTF-8 text: byte %d (0x%02X) is not"
                    + " part of a UTF-8 character; save the file as UTF-8", in.position(), bytes[in.position()]));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Parses JSON text whose top level must be an object. */
    static JsonNode parseObject(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException(beyondLimit(e));
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Trailing token")) {
                message = "more text after the JSON object ends";
            }
            throw new IllegalArgumentException("not valid JSON (" + where(e) + message + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return root;
    }

    /** Which of {@link #LIMITS} a file broke, in words. */
    static String beyondLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "refused: nested deeper than " + LIMITS.getMaxNestingDepth() + " levels";
        }
        if (message.contains("String value length")) {
            return String.format(Locale.ROOT, "refused: holds a text longer than %,d characters",
                    LIMITS.getMaxStringLength());
        }
        if (message.contains("Number value length")) {
            return "refused: holds a number longer than " + LIMITS.getMaxNumberLength() + " digits";
        }
        if (message.contains("Document length")) {
            return String.format(Locale.ROOT, "refused: longer than %,d characters", LIMITS.getMaxDocumentLength());
        }
        return "refused: " + message;
    }

    /** "line 3, column 7: " where the parser knows the place ("line 3: " where it knows only the line). */
    static String where(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        int column = e.getLocation().getColumnNr();
        return "line " + e.getLocation().getLineNr() + (column > 0 ? ", column " + column : "") + ": ";
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

    /**
     * A type of value a key may hold: what it accepts, how it is named in a message, how it is read.
     *
     * @param <T> the Java type read
     */
    record Kind<T>(Predicate<JsonNode> accepts, String what, Function<JsonNode, T> value) {

        /** The value of a required key. */
        T read(JsonNode node, String key) {
            return convert(required(node, key), key);
        }

        /** The value of an optional key, {@code fallback} when it is absent or null. */
        T read(JsonNode node, String key, T fallback) {
            JsonNode v = optional(node, key);
            return v == null ? fallback : convert(v, key);
        }

        private T convert(JsonNode v, String key) {
            if (!accepts.test(v)) {
                throw mistyped(key, what, v);
            }
            return value.apply(v);
        }
    }

    static final Kind<Double> NUMBER = new Kind<>(v -> v.isNumber() && Double.isFinite(v.asDouble()), "a number",
            JsonNode::asDouble);
    static final Kind<Integer> INTEGER = new Kind<>(v -> v.isIntegralNumber() && v.canConvertToInt(),
            "a whole number", JsonNode::asInt);
    static final Kind<Long> WHOLE = new Kind<>(v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number",
            JsonNode::asLong);
    static final Kind<Boolean> BOOLEAN = new Kind<>(JsonNode::isBoolean, "true or false", JsonNode::asBoolean);
    static final Kind<String> TEXT = new Kind<>(JsonNode::isTextual, "a text", JsonNode::asText);

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
