package org.kdplayground.io;

import java.nio.file.Path;
import java.util.Set;

import org.kdplayground.data.CsvTable;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DatasetSpec;
import org.kdplayground.data.DrawnPoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the user's own data inside an experiment's {@code "dataset"}: drawn points
 * ({@code "points": [[x, y, class], ...]}) and a CSV table ({@code "file": "iris.csv", "label": "species"} or a
 * 0-based column index; absent: the last column). Read strictly, like the rest of the file: each bad point is named
 * by its place in the list.
 */
final class UsersDataJson {

    /** The keys only the user's data sets take; a catalogued set's spec never sees them. */
    static final Set<String> KEYS = Set.of("points", "file", "label");

    private UsersDataJson() {
    }

    /**
     * The user's data of a {@code "dataset"} object added to the spec read from its other keys.
     *
     * @param folder where a relative {@code file} is resolved (an experiment file's folder); null: left as written
     */
    static DatasetSpec read(JsonNode node, DatasetSpec spec, Path folder) {
        DatasetCatalog entry = spec.catalogEntry();
        for (String key : KEYS) {
            boolean belongs = key.equals("points") ? entry == DatasetCatalog.DRAWN : entry == DatasetCatalog.CSV;
            if (node.has(key) && !belongs) {
                throw new IllegalArgumentException("\"dataset." + key + "\" belongs to the "
                        + (key.equals("points") ? "drawn" : "csv") + " data set, not to " + entry.id());
            }
        }
        if (entry == DatasetCatalog.DRAWN) {
            return spec.withPoints(points(JsonFields.required(node, "points")));
        }
        if (entry == DatasetCatalog.CSV) {
            String file = JsonFields.TEXT.read(node, "file");
            if (file.isBlank()) {
                throw new IllegalArgumentException("\"dataset.file\" must name a CSV file");
            }
            Path path = Path.of(file);
            if (folder != null && !path.isAbsolute()) {
                path = folder.resolve(path).normalize();
            }
            return spec.withTable(label(JsonFields.optional(node, "label"), path));
        }
        return spec;
    }

    private static CsvTable label(JsonNode label, Path file) {
        if (label == null) {
            return CsvTable.lastColumn(file);
        }
        if (label.isTextual() && !label.asText().isBlank()) {
            return new CsvTable(file, label.asText().trim(), -1);
        }
        if (label.isIntegralNumber() && label.canConvertToInt() && label.asInt() >= 0) {
            return new CsvTable(file, null, label.asInt());
        }
        throw new IllegalArgumentException("\"dataset.label\" must be a column's name or its 0-based index, got "
                + label);
    }

    private static DrawnPoints points(JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("\"dataset.points\" must be a list of [x, y, class]");
        }
        if (list.size() > DrawnPoints.MAX_POINTS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "\"dataset.points\" holds %,d points; at most %,d can be drawn", list.size(),
                    DrawnPoints.MAX_POINTS));
        }
        int n = list.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = list.get(i);
            Double x = p.isArray() && p.size() == 3 ? JsonFields.finite(p.get(0)) : null;
            Double y = p.isArray() && p.size() == 3 ? JsonFields.finite(p.get(1)) : null;
            Integer c = p.isArray() && p.size() == 3 ? JsonFields.wholeInt(p.get(2)) : null;
            if (x == null || y == null || c == null || c < 0 || c >= DrawnPoints.MAX_CLASSES) {
                String shown = p.toString();
                throw new IllegalArgumentException("\"dataset.points[" + i + "]\" must be [x, y, class] with"
                        + " finite numbers x, y and a class from 0 to " + (DrawnPoints.MAX_CLASSES - 1) + ", got "
                        + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
            }
            xs[i] = x;
            ys[i] = y;
            classes[i] = c;
        }
        return new DrawnPoints(xs, ys, classes);
    }

    /** Writes the spec's data set: a user's data with its points or table, a catalogued set with its settings. */
    static void write(ObjectNode data, DatasetSpec d) {
        data.put("name", d.name());
        if (d.catalogEntry() == DatasetCatalog.DRAWN) {
            data.put("seed", d.seed());
            ArrayNode points = data.putArray("points");
            DrawnPoints p = d.points();
            for (int i = 0; i < p.size(); i++) {
                points.addArray().add(p.x(i)).add(p.y(i)).add(p.classOf(i));
            }
            return;
        }
        if (d.catalogEntry() == DatasetCatalog.CSV) {
            data.put("seed", d.seed());
            if (d.table() != null) {
                data.put("file", d.table().file().toString());
                if (d.table().labelName() != null) {
                    data.put("label", d.table().labelName());
                } else if (d.table().labelIndex() >= 0) {
                    data.put("label", d.table().labelIndex());
                }
            }
            return;
        }
        data.put("size", d.size());
        data.put("noise", d.noise());
        data.put("seed", d.seed());
        data.put("k", d.k());
        // a folder the app searches by itself is left out, so the file reads the data wherever it is found
        // (Debian's package on one machine, the app's data folder after a download on another)
        if (d.folder() != null && !d.catalogEntry().searchFolders().contains(d.folder())) {
            data.put("folder", d.folder().toString());
        }
    }
}
