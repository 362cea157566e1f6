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

/** The PyTorch reference cases (float64, see /shared/reference/README.md), shared by the math and CLI tests. */
public final class GoldenCases {

    /** Classpath location of the copied reference file. */
    public static final String RESOURCE = "/org/kdplayground/math/kd-loss-golden.jsonl";

    /** One reference case; {@code line} is 1-based. */
    public record Case(int line, double[] student, double[] teacher, int label, double temperature, double alpha,
                       double[] pStudent, double[] pTeacher, double hard, double soft, double total,
                       double[] grad) {
        @Override
        public String toString() {
            return "line " + line + " (N=" + student.length + ", T=" + temperature + ", alpha=" + alpha + ")";
        }
    }

    private GoldenCases() {
    }

    public static List<Case> all() {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = GoldenCases.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                cases.add(parse(line, mapper.readTree(text)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    public static Case parse(int line, JsonNode n) {
        return new Case(line, doubles(n.get("student")), doubles(n.get("teacher")), n.get("label").asInt(),
                n.get("T").asDouble(), n.get("alpha").asDouble(), doubles(n.get("p_student")),
                doubles(n.get("p_teacher")), n.get("hard").asDouble(), n.get("soft").asDouble(),
                n.get("total").asDouble(), doubles(n.get("grad")));
    }

    public static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
