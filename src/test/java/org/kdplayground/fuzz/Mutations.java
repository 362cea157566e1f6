package org.kdplayground.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Inputs for the readers' fuzz tests: valid documents (seeds) changed the ways that find bugs in readers (flipped
 * bits, cut short, bytes inserted, deleted or repeated, deep nesting, long texts, numbers at the edges of their
 * types, a key given twice, one value swapped for another of a different type), and plain random bytes and text.
 * A mutated seed gets past the first checks a random text fails, so it reaches the code behind them.
 */
public final class Mutations {

    /** Numbers and values at the edges of what a reader converts. */
    static final List<String> EDGE_VALUES = List.of("0", "-0", "-1", "1", "0.5", "-0.0", "1.5", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "18446744073709551617",
            "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "1E+2", "1e1000000000", "0.1e-999999999",
            "123456789012345678901234567890", "NaN", "Infinity", "-Infinity", "null", "true", "false", "\"\"",
            "\"x\"", "\"1\"", "[]", "{}", "[1]", "[\"a\"]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"猫\"",
            "0x10", "01", "+1", ".5", "1.", "\"relu\"", "\"tanh\"", "\"two-moons\"", "\"all\"", "\"dkd\"");
    /** Byte strings that readers often mishandle: separators, quotes, escapes, a BOM, broken UTF-8, NUL. */
    static final List<byte[]> TOKENS = List.of(bytes("\""), bytes("\\"), bytes(","), bytes(":"), bytes("{"),
            bytes("}"), bytes("["), bytes("]"), bytes("\n"), bytes("\r\n"), bytes("\r"), bytes("\t"), bytes(" "),
            bytes("\uFEFF"), new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {0}, bytes("/*"), bytes("//"),
            bytes("'"), bytes("\"\""), bytes("e"), bytes("-"), bytes("."), bytes("\\u"), bytes("\u2028"));

    private static final Pattern KEY = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*");
    private static final Pattern SCALAR = Pattern.compile(":\\s*(-?[0-9][0-9.eE+-]*|\"[^\"]*\"|true|false|null)");

    private Mutations() {
    }

    /** Valid documents changed one to four times; {@code json} adds the changes that know JSON's shape. */
    public static Arbitrary<FuzzInput> of(List<byte[]> seeds, boolean json) {
        return bytesOf(seeds, json).map(FuzzInput::new);
    }

    /** {@link #of(List, boolean)} as plain bytes (to be compressed, say). */
    public static Arbitrary<byte[]> bytesOf(List<byte[]> seeds, boolean json) {
        List<byte[]> copies = List.copyOf(seeds);
        return Arbitraries.randomValue(random -> {
            byte[] doc = copies.get(random.nextInt(copies.size())).clone();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                doc = mutate(random, doc, json);
            }
            return doc;
        });
    }

    /** {@link #of(List, boolean)} of texts, as UTF-8 bytes. */
    public static Arbitrary<FuzzInput> ofTexts(List<String> seeds, boolean json) {
        return of(seeds.stream().map(Mutations::bytes).toList(), json);
    }

    /** Random bytes (up to 600) and random text (any characters, or the characters of {@code alphabet}). */
    public static Arbitrary<FuzzInput> random(String alphabet) {
        return randomBytes(alphabet).map(FuzzInput::new);
    }

    /** {@link #random(String)} as plain bytes. */
    public static Arbitrary<byte[]> randomBytes(String alphabet) {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(300).map(Mutations::bytes);
        Arbitrary<byte[]> shaped = Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(400)
                .map(Mutations::bytes);
        return Arbitraries.oneOf(raw, text, shaped);
    }

    /** 32-bit integers at the edges of what a binary header announces (counts, sizes). */
    static final int[] EDGE_INTS = {0, 1, -1, 2, 255, 256, 65_535, 65_536, 1 << 20, (1 << 20) + 1, 1 << 24,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE / 2, 0x0803, 0x0801, 46_341};

    static byte[] mutate(Random random, byte[] doc, boolean json) {
        int kinds = json ? 12 : 11;
        return switch (random.nextInt(kinds)) {
            case 0 -> flipBits(random, doc);
            case 1 -> Arrays.copyOf(doc, random.nextInt(doc.length + 1));
            case 2 -> insert(random, doc, TOKENS.get(random.nextInt(TOKENS.size())));
            case 3 -> insert(random, doc, randomBytes(random, 1 + random.nextInt(8)));
            case 4 -> deleteRange(random, doc);
            case 5 -> repeatRange(random, doc);
            case 6 -> insert(random, doc, bytes(EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size()))));
            case 7 -> insert(random, doc, longRun(random));
            case 8 -> insert(random, doc, deepNesting(random));
            case 9 -> json ? duplicateKey(random, doc) : edgeInt(random, doc);
            case 10 -> json ? swapValue(random, doc) : edgeInt(random, doc);
            default -> swapValue(random, doc);
        };
    }

    private static byte[] flipBits(Random random, byte[] doc) {
        if (doc.length == 0) {
            return doc;
        }
        byte[] out = doc.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] insert(Random random, byte[] doc, byte[] what) {
        int at = random.nextInt(doc.length + 1);
        byte[] out = new byte[doc.length + what.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(doc, at, out, at + what.length, doc.length - at);
        return out;
    }

    /** A big-endian 32-bit edge integer written over 4 bytes at a multiple of 4 (a header's field). */
    private static byte[] edgeInt(Random random, byte[] doc) {
        if (doc.length < 4) {
            return doc;
        }
        byte[] out = doc.clone();
        int at = 4 * random.nextInt(Math.min(doc.length / 4, 6));
        int v = EDGE_INTS[random.nextInt(EDGE_INTS.length)];
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (v >>> (24 - 8 * i));
        }
        return out;
    }

    private static byte[] deleteRange(Random random, byte[] doc) {
        if (doc.length == 0) {
            return doc;
        }
        int from = random.nextInt(doc.length);
        int to = Math.min(doc.length, from + 1 + random.nextInt(16));
        byte[] out = new byte[doc.length - (to - from)];
        System.arraycopy(doc, 0, out, 0, from);
        System.arraycopy(doc, to, out, from, doc.length - to);
        return out;
    }

    private static byte[] repeatRange(Random random, byte[] doc) {
        if (doc.length == 0) {
            return doc;
        }
        int from = random.nextInt(doc.length);
        int to = Math.min(doc.length, from + 1 + random.nextInt(64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(doc, 0, to);
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out.write(doc, from, to - from);
        }
        out.write(doc, to, doc.length - to);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A long text, a long number or a long run of one character (rarely beyond the readers' 1,000,000 limit). */
    private static byte[] longRun(Random random) {
        int length = random.nextInt(20) == 0 ? 1_000_001 + random.nextInt(10) : 1000 + random.nextInt(100_000);
        return switch (random.nextInt(3)) {
            case 0 -> bytes("\"" + "a".repeat(length) + "\"");
            case 1 -> bytes("9".repeat(Math.min(length, 5000)));
            default -> bytes("x".repeat(length));
        };
    }

    /** Brackets or objects nested 2 to 10,000 levels deep, closed or not. */
    private static byte[] deepNesting(Random random) {
        int depth = random.nextBoolean() ? 2 + random.nextInt(80) : 100 + random.nextInt(10_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return bytes(open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : ""));
    }

    /** A key of the document given again just before itself, with an edge value: a duplicate key. */
    private static byte[] duplicateKey(Random random, byte[] doc) {
        String text = new String(doc, StandardCharsets.UTF_8);
        List<int[]> keys = matches(KEY.matcher(text));
        if (keys.isEmpty()) {
            return doc;
        }
        int[] key = keys.get(random.nextInt(keys.size()));
        String copy = text.substring(key[0], key[1]) + EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size())) + ", ";
        return bytes(text.substring(0, key[0]) + copy + text.substring(key[0]));
    }

    /** One scalar value replaced by an edge value (often of another type). */
    private static byte[] swapValue(Random random, byte[] doc) {
        String text = new String(doc, StandardCharsets.UTF_8);
        Matcher m = SCALAR.matcher(text);
        List<int[]> values = new ArrayList<>();
        while (m.find()) {
            values.add(new int[] {m.start(1), m.end(1)});
        }
        if (values.isEmpty()) {
            return doc;
        }
        int[] v = values.get(random.nextInt(values.size()));
        return bytes(text.substring(0, v[0]) + EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size()))
                + text.substring(v[1]));
    }

    private static List<int[]> matches(Matcher m) {
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
