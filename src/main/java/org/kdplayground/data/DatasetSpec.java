package org.kdplayground.data;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything needed to make one data set, as a value the GUI, the command line and a JSON configuration share:
 * {@code "dataset": {"name": "two-moons", "size": 1000, "noise": 0.2, "seed": 1}}. Load it with
 * {@link Datasets#load(DatasetSpec)}.
 *
 * <p>The constructor fills the catalogue's defaults: {@code size <= 0} and {@code k <= 0} mean the default (for
 * digits-8x8 the default size 0 means all 1,797), a NaN noise means the default, and a null folder means the
 * catalogue's default folder. Fields a data set does not use (noise for images, k for two moons) are kept as
 * given but ignored. To read a JSON object whose missing fields should take their defaults, read it as a map and
 * use {@link #fromMap(Map)}; binding it straight to this record would turn a missing noise into 0.
 *
 * @param name   a {@link DatasetCatalog} id, e.g. "two-moons" (stored in its canonical spelling)
 * @param size   examples to make or read
 * @param noise  noise standard deviation (synthetic sets)
 * @param seed   seed for generation and for splits
 * @param k      classes or arms (spirals, blobs)
 * @param folder where IDX files are read from (fashion-mnist, mnist), else null
 * @param points the drawn data set's points (an empty drawing when null); null for every other set
 * @param table  the csv data set's table (none chosen yet when null); null for every other set
 */
public record DatasetSpec(String name, int size, double noise, long seed, int k, Path folder, DrawnPoints points,
                          CsvTable table) {

    /** The seed a spec gets when none is given. */
    public static final long DEFAULT_SEED = 1;

    private static final Set<String> KEYS = Set.of("name", "size", "noise", "seed", "k", "folder");

    public DatasetSpec {
        DatasetCatalog entry = DatasetCatalog.fromId(name);
        name = entry.id();
        if (size <= 0) {
            size = entry.defaultSize();
        }
        if (k <= 0) {
            k = entry.defaultK();
        }
        if (Double.isNaN(noise)) {
            noise = entry.defaultNoise();
        }
        if (noise < 0 || Double.isInfinite(noise)) {
            throw new DatasetException("dataset " + name + ": noise must be a finite number >= 0, got " + noise);
        }
        if (!entry.hasVariableK() && k != entry.defaultK()) {
            k = entry.defaultK();
        }
        if (k < 2) {
            throw new DatasetException("dataset " + name + ": k must be at least 2, got " + k);
        }
        if (folder == null) {
            folder = entry.defaultFolder();
        }
        if (entry.isUsers()) {
            // what a user's data does not use is not kept, so a file read back equals the spec written
            noise = 0;
            folder = null;
            size = 0;
        }
        if (entry == DatasetCatalog.DRAWN) {
            points = points == null ? DrawnPoints.EMPTY : points;
            size = points.size();
            k = Math.max(2, points.classSpan());
        } else {
            points = null;
        }
        if (entry != DatasetCatalog.CSV) {
            table = null;
        }
    }

    /** A spec of a catalogued set that carries no points or table of the user's. */
    public DatasetSpec(String name, int size, double noise, long seed, int k, Path folder) {
        this(name, size, noise, seed, k, folder, null, null);
    }

    /** The drawn data set of these points, seed 1. */
    public static DatasetSpec drawn(DrawnPoints points) {
        return new DatasetSpec(DatasetCatalog.DRAWN.id(), 0, Double.NaN, DEFAULT_SEED, 0, null, points, null);
    }

    /** The csv data set of this table, seed 1. */
    public static DatasetSpec csv(CsvTable table) {
        return new DatasetSpec(DatasetCatalog.CSV.id(), 0, Double.NaN, DEFAULT_SEED, 0, null, null, table);
    }

    /** The catalogue's defaults for {@code name}, seed {@link #DEFAULT_SEED}. */
    public static DatasetSpec of(String name) {
        return new DatasetSpec(name, 0, Double.NaN, DEFAULT_SEED, 0, null);
    }

    /**
     * A spec from a parsed JSON object (or any string-keyed map): missing keys take their defaults; numbers may
     * be any {@link Number} or a numeric string; unknown keys are an error, so a typo ("nosie") does not pass
     * silently.
     *
     * @throws DatasetException naming the offending key
     */
    public static DatasetSpec fromMap(Map<String, ?> map) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new DatasetException("dataset: unknown setting \"" + key + "\" (known: name, size, noise, "
                        + "seed, k, folder)");
            }
        }
        Object name = map.get("name");
        if (name == null) {
            throw new DatasetException("dataset: \"name\" is missing (one of " + DatasetCatalog.ids() + ")");
        }
        Object folder = map.get("folder");
        return new DatasetSpec(name.toString(),
                (int) number(map, "size", 0, true),
                number(map, "noise", Double.NaN, false),
                seed(map.get("seed")),
                (int) number(map, "k", 0, true),
                folder == null ? null : Path.of(folder.toString()));
    }

    /** The spec as a map fit for a JSON configuration ({@link #fromMap(Map)} reads it back). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("size", size);
        map.put("noise", noise);
        map.put("seed", seed);
        map.put("k", k);
        if (folder != null) {
            map.put("folder", folder.toString());
        }
        return map;
    }

    public DatasetCatalog catalogEntry() {
        return DatasetCatalog.fromId(name);
    }

    public DatasetSpec withSize(int newSize) {
        return new DatasetSpec(name, newSize, noise, seed, k, folder, points, table);
    }

    public DatasetSpec withNoise(double newNoise) {
        return new DatasetSpec(name, size, newNoise, seed, k, folder, points, table);
    }

    public DatasetSpec withSeed(long newSeed) {
        return new DatasetSpec(name, size, noise, newSeed, k, folder, points, table);
    }

    public DatasetSpec withK(int newK) {
        return new DatasetSpec(name, size, noise, seed, newK, folder, points, table);
    }

    public DatasetSpec withFolder(Path newFolder) {
        return new DatasetSpec(name, size, noise, seed, k, newFolder, points, table);
    }

    /** The drawn data set's points (ignored by every other set). */
    public DatasetSpec withPoints(DrawnPoints newPoints) {
        return new DatasetSpec(name, size, noise, seed, k, folder, newPoints, table);
    }

    /** The csv data set's table (ignored by every other set). */
    public DatasetSpec withTable(CsvTable newTable) {
        return new DatasetSpec(name, size, noise, seed, k, folder, points, newTable);
    }

    /** A seed, every long exactly (a double would round seeds above 2^53). */
    private static long seed(Object value) {
        if (value == null) {
            return DEFAULT_SEED;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            return new BigDecimal(value.toString().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DatasetException("dataset: \"seed\" must be a whole number, got " + value);
        }
    }

    private static double number(Map<String, ?> map, String key, double fallback, boolean integral) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new DatasetException("dataset: \"" + key + "\" must be a number, got \"" + value + "\"");
            }
        }
        if (integral && (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE)) {
            throw new DatasetException("dataset: \"" + key + "\" must be a whole number, got " + value);
        }
        return d;
    }
}
