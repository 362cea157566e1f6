package org.kdplayground.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's CSV table read as a data set: the delimiter (comma, semicolon or tab) found from the first row, the header
 * detected, text labels numbered as classes in the order they first appear, the size checked against the memory
 * budget before the rows are parsed. Every problem is one {@link DatasetException} naming the file, the line and,
 * for a bad value, the column ({@link CsvReader}'s errors).
 */
public final class CsvTables {

    /** In the order a tie goes: "1,5;2,5" is two decimal-comma numbers. */
    private static final char[] DELIMITERS = {';', '\t', ','};

    private CsvTables() {
    }

    /** Reads the table. */
    public static Dataset read(CsvTable table) {
        Path file = table.file();
        Shape shape = shape(file);
        MemoryBudget.check("csv " + DatasetException.fileName(file), shape.rows(), Math.max(1, shape.columns() - 1),
                MemoryBudget.available());
        CsvReader reader = CsvReader.defaults().withDelimiter(shape.delimiter())
                .withLabelOrder(CsvReader.LabelOrder.FIRST_SEEN);
        reader = table.labelName() != null ? reader.withLabelColumn(table.labelName())
                : reader.withLabelColumn(table.labelIndex());
        Dataset data = reader.read(file);
        int present = 0;
        for (int count : data.classCounts()) {
            present += count > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw DatasetException.inFile(file, "every row has the same label (\"" + data.classNames()
                    .get(data.labels()[0]) + "\" in " + labelColumn(table) + "); a table needs at"
                    + " least 2 classes");
        }
        return data;
    }

    private static String labelColumn(CsvTable table) {
        return table.labelName() != null ? "column \"" + table.labelName() + "\""
                : table.labelIndex() >= 0 ? "column " + (table.labelIndex() + 1) : "the last column";
    }

    /** Rows (not blank), the first row's column count, the delimiter it uses and the first row itself. */
    record Shape(long rows, int columns, char delimiter, String firstRow) {
    }

    /**
     * A name for each column of a table, for choosing its label column: the header's names when the first row has a
     * field that is not a number, else "1", "2", ... (the column's place, from 1).
     */
    public static List<String> columnTitles(Path file) {
        Shape shape = shape(file);
        List<String> fields = new ArrayList<>();
        for (String field : (shape.firstRow() + shape.delimiter() + "x").split(Pattern.quote(
                String.valueOf(shape.delimiter())))) {
            fields.add(field.trim().replaceAll("^\"(.*)\"$", "$1"));
        }
        fields.remove(fields.size() - 1);
        boolean header = fields.stream().anyMatch(f -> !f.matches("[-+]?[0-9.eE+-]+"));
        if (!header) {
            for (int c = 0; c < fields.size(); c++) {
                fields.set(c, Integer.toString(c + 1));
            }
        }
        return fields;
    }

    /**
     * One pass over the file without keeping it: how many rows, how wide, which delimiter; each line checked to be
     * UTF-8, so a bad byte is named by its line and column.
     */
    static Shape shape(Path file) {
        String source = DatasetException.fileName(file);
        try (InputStream in = new BufferedInputStream(Compression.maybeGunzip(Files.newInputStream(file)))) {
            long rows = 0;
            int columns = 0;
            char delimiter = ',';
            String first = "";
            int lineNo = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b != -1 && b != '\n') {
                    line.write(b);
                    continue;
                }
                if (b == -1 && line.size() == 0) {
                    break;
                }
                lineNo++;
                String text = utf8(line.toByteArray(), source, lineNo);
                line.reset();
                if (!text.isBlank()) {
                    if (rows == 0) {
                        first = text.startsWith("\uFEFF") ? text.substring(1) : text;
                        delimiter = delimiterOf(first);
                        columns = count(first, delimiter) + 1;
                    }
                    rows++;
                }
                if (b == -1) {
                    break;
                }
            }
            return new Shape(rows, columns, delimiter, first.stripTrailing());
        } catch (NoSuchFileException e) {
            throw DatasetException.inFile(file, "file not found (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw DatasetException.inFile(file, "cannot read: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String source, int lineNo) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new DatasetException(String.format(Locale.ROOT, "%s line %d, column %d: not UTF-8 text (byte 0x%02X"
                    + " is not part of a UTF-8 character); save the file as UTF-8", source, lineNo,
                    out.position() + 1, bytes[in.position()]));
        }
        return out.flip().toString();
    }

    /** The delimiter the line uses most: comma, semicolon or tab (comma when it has none). */
    static char delimiterOf(String line) {
        char best = ',';
        int most = 0;
        for (char d : DELIMITERS) {
            int n = count(line, d);
            if (n > most) {
                most = n;
                best = d;
            }
        }
        return best;
    }

    private static int count(String line, char c) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            n += line.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
