package org.kdplayground.math;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PyTorch's float64 reference values of the other losses (DKD, logit-standardised KD, label-smoothed CE; see
 * shared/reference/README.md), one JSON object a line, as read; shared by the math, engine and CLI tests.
 */
public final class VariantCases {

    /** Classpath location of the copied reference file. */
    public static final String RESOURCE = "/org/kdplayground/math/kd-variants-golden.jsonl";

    /** One reference case; {@code line} is 1-based. */
    public record Case(int line, JsonNode json) {

        public String method() {
            return json.get("method").asText();
        }

        public double[] array(String field) {
            return GoldenCases.doubles(json.get(field));
        }

        public double number(String field) {
            return json.get(field).asDouble();
        }

        public int label() {
            return json.get("label").asInt();
        }

        @Override
        public String toString() {
            return "line " + line + " (" + method() + ", N=" + json.get("student").size() + ")";
        }
    }

    private VariantCases() {
    }

    public static List<Case> all() {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = VariantCases.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    cases.add(new Case(line, mapper.readTree(text)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
