package org.kdplayground.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lines of strict UTF-8 text read from a stream, for readers that report the line and column of a problem: a byte
 * that is not UTF-8 is named with its line and byte (where a {@link java.io.BufferedReader} says "Input length = 1",
 * or turns it into U+FFFD in silence), and a line longer than {@link #MAX_LINE_BYTES} is refused before it fills the
 * memory. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
 */
public final class Utf8Lines {

    /** The longest line read: far above a CSV row of 28x28 pixels or a case of 1,000 logits. */
    public static final int MAX_LINE_BYTES = 16_000_000;

    /** A line that cannot be read: its 1-based line and byte, and what is wrong, in words. */
    public static final class BadLine extends IOException {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        BadLine(int line, int column, String problem) {
            super(problem);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        /** The byte of the line (1-based) where the problem is. */
        public int column() {
            return column;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkLength;
    private int chunkPos;
    private byte[] line = new byte[256];
    private int lineNumber;
    private boolean afterCarriageReturn;

    /** Reads from {@code in}, which the caller closes. */
    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The number of the line {@link #next()} returned last (1-based). */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * The next line without its end, or null after the last.
     *
     * @throws BadLine for a byte that is not UTF-8 or a line beyond {@link #MAX_LINE_BYTES}
     */
    public String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPos = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            byte b = chunk[chunkPos++];
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if (b == '\n' || b == '\r') {
                afterCarriageReturn = b == '\r';
                break;
            }
            if (length == MAX_LINE_BYTES) {
                throw new BadLine(lineNumber + 1, length + 1, String.format(Locale.ROOT,
                        "the line is longer than %,d bytes", MAX_LINE_BYTES));
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min(MAX_LINE_BYTES, 2L * line.length));
            }
            line[length++] = b;
        }
        lineNumber++;
        return decode(length);
    }

    private String decode(int length) throws BadLine {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw new BadLine(lineNumber, at + 1, String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X is not part"
                    + " of a UTF-8 character; save the file as UTF-8", line[at]));
        }
        return chars.flip().toString();
    }
}
