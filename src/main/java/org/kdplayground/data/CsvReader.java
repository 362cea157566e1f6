package org.kdplayground.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Reads a labelled data set from a CSV file: numeric feature columns and one label column, so that a learner can
 * bring their own table. Immutable; configure with the {@code with...} methods, e.g.
 * {@code CsvReader.defaults().withLabelColumn("species").read(path)}.
 *
 * <ul>
 *   <li>Label column: the last one by default, or one chosen by index (0-based) or by header name.</li>
 *   <li>Header: detected by default: the first row is a header when one of its feature fields is not a
 *       number. It can also be forced on or off.</li>
 *   <li>Labels: when every label is a non-negative integer, the integer is the class index and the classes are
 *       "0" .. "max" (a class that never occurs stays, empty). Otherwise each distinct label is a class, numbered
 *       in {@linkplain LabelOrder#SORTED sorted order} by default (so shuffling the file's rows does not renumber
 *       the classes), or in {@linkplain LabelOrder#FIRST_SEEN the order they first appear}.</li>
 *   <li>Text is strict UTF-8 (a leading byte-order mark is dropped): a byte that is not is an error naming its
 *       line.</li>
 *   <li>Blank lines are skipped; fields are trimmed and may be wrapped in double quotes (without embedded
 *       delimiters). A gzip-compressed file is read as well, detected by its magic bytes.</li>
 * </ul>
 * Any problem raises a {@link DatasetException} naming the file, the line and (where it is one field's) the column,
 * e.g. {@code "data.csv line 7: expected 3 columns, found 2"} or {@code "data.csv line 9, column 2: \"x\" is not a
 * number"}; the text must be UTF-8 ({@link Utf8Lines}: a byte that is not is named with its line and byte).
 */
public final class CsvReader {

    /** Whether the first row is a header. */
    public enum Header { AUTO, PRESENT, ABSENT }

    /** How text labels are numbered as classes. */
    public enum LabelOrder { SORTED, FIRST_SEEN }

    /** Integer labels are class numbers below this. */
    static final int MAX_INTEGER_LABEL = 100_000;

    private final int labelIndex;          // -1: last column
    private final String labelName;        // null: use labelIndex
    private final Header header;
    private final LabelOrder labelOrder;
    private final char delimiter;

    private CsvReader(int labelIndex, String labelName, Header header, LabelOrder labelOrder, char delimiter) {
        this.labelIndex = labelIndex;
        this.labelName = labelName;
        this.header = header;
        this.labelOrder = labelOrder;
        this.delimiter = delimiter;
    }

    /** Label in the last column, header detected, text labels sorted, comma-separated. */
    public static CsvReader defaults() {
        return new CsvReader(-1, null, Header.AUTO, LabelOrder.SORTED, ',');
    }

    /** The label is in column {@code index} (0-based); -1 means the last column. */
    public CsvReader withLabelColumn(int index) {
        if (index < -1) {
            throw new IllegalArgumentException("label column must be >= 0 (or -1 for the last), got " + index);
        }
        return new CsvReader(index, null, header, labelOrder, delimiter);
    }

    /** The label is in the column with this header name (the file must then have a header). */
    public CsvReader withLabelColumn(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("label column name must not be blank");
        }
        return new CsvReader(-1, name.trim(), header, labelOrder, delimiter);
    }

    public CsvReader withHeader(Header newHeader) {
        return new CsvReader(labelIndex, labelName, Objects.requireNonNull(newHeader), labelOrder,
                delimiter);
    }

    public CsvReader withLabelOrder(LabelOrder order) {
        return new CsvReader(labelIndex, labelName, header, Objects.requireNonNull(order), delimiter);
    }

    public CsvReader withDelimiter(char newDelimiter) {
        return new CsvReader(labelIndex, labelName, header, labelOrder, newDelimiter);
    }

    /** Reads {@code file}; the data set is named after the file, without its extensions. */
    public Dataset read(Path file) {
        String source = DatasetException.fileName(file);
        String name = source.replaceFirst("(\\.csv)?(\\.gz)?$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source, name);
        } catch (NoSuchFileException e) {
            throw DatasetException.inFile(file, "file not found (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw DatasetException.inFile(file, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads CSV text from a stream (plain or gzip), which the caller closes.
     *
     * @param source names the data in error messages (a file name)
     * @param name   the name of the data set made
     */
    public Dataset read(InputStream in, String source, String name) {
        try {
            return parse(new Utf8Lines(Compression.maybeGunzip(in)), source, name);
        } catch (Utf8Lines.BadLine e) {
            throw new DatasetException(source + " line " + e.line() + ", byte " + e.column() + ": " + e.getMessage());
        } catch (IOException e) {
            throw DatasetException.inFile(source, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw DatasetException.inFile(source, "cannot read: " + e.getCause().getMessage());
        }
    }

    private Dataset parse(Utf8Lines reader, String source, String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String line;
        while ((line = reader.next()) != null) {
            int lineNo = reader.lineNumber();
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            rows.add(split(line));
            lineNumbers.add(lineNo);
        }
        if (rows.isEmpty()) {
            throw DatasetException.inFile(source, "empty file: no rows");
        }
        int columns = rows.get(0).length;
        if (columns < 2) {
            throw new DatasetException(source + " line " + lineNumbers.get(0) + ": found 1 column; need at least "
                    + "one feature column and a label column (delimiter '" + delimiter + "')");
        }
        if (labelName != null && header == Header.ABSENT) {
            throw DatasetException.inFile(source, "label column \"" + labelName + "\" needs a header row");
        }
        int label = resolveLabelColumn(rows.get(0), columns, source);
        boolean hasHeader = switch (header) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> labelName != null || !allFeaturesNumeric(rows.get(0), label);
        };
        int first = hasHeader ? 1 : 0;
        int count = rows.size() - first;
        if (count == 0) {
            throw DatasetException.inFile(source, "no data rows after the header");
        }
        float[][] features = new float[count][];
        String[] rawLabels = new String[count];
        for (int r = 0; r < count; r++) {
            String[] fields = rows.get(first + r);
            String where = source + " line " + lineNumbers.get(first + r);
            if (fields.length != columns) {
                throw new DatasetException(where + ": expected " + columns + " columns, found " + fields.length);
            }
            float[] row = new float[columns - 1];
            int k = 0;
            for (int c = 0; c < columns; c++) {
                if (c == label) {
                    continue;
                }
                row[k++] = parseNumber(fields[c], where, c);
            }
            features[r] = row;
            String raw = fields[label];
            if (raw.isEmpty()) {
                throw new DatasetException(where + ": the label (column " + (label + 1) + ") is empty");
            }
            rawLabels[r] = raw;
        }
        int[] labels = new int[count];
        List<String> classNames = numberClasses(rawLabels, labels,
                r -> source + " line " + lineNumbers.get(first + r) + ", column " + (label + 1));
        return new Dataset(name, features, labels, classNames, 0, 0);
    }

    private int resolveLabelColumn(String[] firstRow, int columns, String source) {
        if (labelName != null) {
            for (int c = 0; c < firstRow.length; c++) {
                if (firstRow[c].equalsIgnoreCase(labelName)) {
                    return c;
                }
            }
            throw DatasetException.inFile(source, "no column named \"" + labelName + "\" in the header ("
                    + String.join(", ", firstRow) + ")");
        }
        if (labelIndex == -1) {
            return columns - 1;
        }
        if (labelIndex >= columns) {
            throw DatasetException.inFile(source, "label column " + labelIndex + " does not exist: the file has "
                    + columns + " columns (0-based indices 0.." + (columns - 1) + ")");
        }
        return labelIndex;
    }

    private boolean allFeaturesNumeric(String[] row, int label) {
        for (int c = 0; c < row.length; c++) {
            if (c != label && !isNumber(row[c])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String text) {
        try {
            Float.parseFloat(text);
            return !text.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float parseNumber(String text, String where, int column) {
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new DatasetException(where + ", column " + (column + 1) + ": \"" + text + "\" is not a number");
        }
        if (!Float.isFinite(value)) {
            throw new DatasetException(where + ", column " + (column + 1) + ": \"" + text
                    + "\" is not a finite number");
        }
        return value;
    }

    /** @param where the place of row {@code r}'s label, for a message */
    private List<String> numberClasses(String[] raw, int[] labels, IntFunction<String> where) {
        boolean integers = true;
        int max = -1;
        for (int r = 0; r < raw.length; r++) {
            if (!raw[r].matches("\\d{1,9}")) {
                integers = false;
                break;
            }
            int value = Integer.parseInt(raw[r]);
            if (value >= MAX_INTEGER_LABEL) {
                throw new DatasetException(where.apply(r) + ": label " + value + " is too large for a class index "
                        + "(integer labels are class numbers 0.." + (MAX_INTEGER_LABEL - 1) + ")");
            }
            max = Math.max(max, value);
        }
        if (integers) {
            for (int i = 0; i < raw.length; i++) {
                labels[i] = Integer.parseInt(raw[i]);
            }
            List<String> names = new ArrayList<>(max + 1);
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
            return names;
        }
        Map<String, Integer> index = labelOrder == LabelOrder.SORTED ? new TreeMap<>() : new LinkedHashMap<>();
        for (String r : raw) {
            index.putIfAbsent(r, 0);
        }
        int next = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(next++);
        }
        for (int i = 0; i < raw.length; i++) {
            labels[i] = index.get(raw[i]);
        }
        return new ArrayList<>(index.keySet());
    }

    private String[] split(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                fields.add(unquote(line.substring(start, i).trim()));
                start = i + 1;
            }
        }
        return fields.toArray(String[]::new);
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"").trim();
        }
        return field;
    }
}
