package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs a careless or hostile user tries, each run through the command line, and the exit code and the one
 * line each gets: the table in {@code docs/bad-inputs.md} is this test's output, checked here line by line. After a
 * deliberate change of a message, rewrite it with {@code ./mvnw test -Dtest=BadInputsTableTest -Dkd.writeDocs=true}.
 */
class BadInputsTableTest {

    static final Path TABLE = Path.of("docs", "bad-inputs.md");

    @TempDir
    Path dir;

    private record Case(String input, List<String> args) {
    }

    private static final String TINY = """
            {"version": 1, "dataset": {"name": "two-moons", "size": 100, "seed": 3},
             "teacher": {"hidden": [8]}, "student": {"hidden": [4]}, "epochs": 1, "seed": 5}
            """;

    private String file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    private String bytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file.toString();
    }

    private List<Case> cases() throws IOException {
        String tiny = file("tiny.json", TINY);
        List<Case> cases = new ArrayList<>();
        // 1: over-limit JSON
        cases.add(new Case("experiment nested 10,000 levels deep", List.of("train", "--config", file("deep.json",
                "{\"version\": 1, \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"))));
        cases.add(new Case("experiment holding a 2 MB string", List.of("train", "--config", file("long.json",
                "{\"version\": 1, \"description\": \"" + "a".repeat(2_000_000) + "\"}"))));
        // 3: a damaged gzip download
        cases.add(new Case("fashion-mnist folder whose images .gz fails its CRC", List.of("train", "--config",
                file("fashion.json", "{\"version\": 1, \"dataset\": {\"name\": \"fashion-mnist\", \"size\": 20, "
                        + "\"folder\": \"" + damagedMnistFolder().toString().replace("\\", "\\\\") + "\"}, "
                        + "\"testFraction\": 0.5, \"epochs\": 1}"), "--no-progress")));
        // 4: sizes beyond memory
        cases.add(new Case("\"size\": 2147483647 for two moons", List.of("train", "--config", file("huge.json",
                TINY.replace("\"size\": 100", "\"size\": 2147483647")), "--no-progress")));
        // a network beyond this machine's memory (NetworkBudget), refused before it is allocated
        String hugeNet = file("huge-net.json", TINY.replace("\"hidden\": [8]", "\"hidden\": [200000, 200000]"));
        cases.add(new Case("teacher \"hidden\": [200000, 200000]", List.of("train", "--config", hugeNet,
                "--no-progress")));
        cases.add(new Case("sweep with teacher \"hidden\": [200000, 200000]", List.of("sweep", "--config", hugeNet,
                "--vary", "T", "--values", "1,2", "--no-progress")));
        // 5: the exit-code contract, option by option
        for (String[] option : new String[][] {{"-T", "0"}, {"-T", "1e20"}, {"-T", "1e-45"}, {"--alpha", "2"},
                {"--lr", "0"}, {"--epochs", "0"}, {"--batch-size", "0"}, {"--labelled-fraction", "0"},
                {"--loss", "kd"}, {"--dkd-beta", "-1"}, {"--teacher-label-smoothing", "0.5"},
                {"--omit-class", "7"}}) {
            cases.add(new Case("train " + option[0] + " " + option[1], List.of("train", "--config", tiny,
                    option[0], option[1], "--no-progress")));
        }
        cases.add(new Case("unknown data set in the file", List.of("train", "--config", file("unknown.json",
                TINY.replace("two-moons", "three-moons")), "--no-progress")));
        cases.add(new Case("missing experiment file", List.of("train", "--config", dir.resolve("missing.json")
                .toString())));
        cases.add(new Case("a folder as the experiment file", List.of("train", "--config", dir.toString())));
        // 6: an output that is an input
        cases.add(new Case("--out naming the experiment file", List.of("train", "--config", tiny, "--out", tiny)));
        // 7: lenient JSON
        cases.add(new Case("\"version\": 1.9", List.of("train", "--config", file("v19.json",
                TINY.replace("\"version\": 1", "\"version\": 1.9")))));
        cases.add(new Case("\"seed\": 1.5", List.of("train", "--config", file("seed.json",
                TINY.replace("\"seed\": 5", "\"seed\": 1.5")))));
        cases.add(new Case("text after the object", List.of("train", "--config", file("trailing.json",
                TINY + "{}"))));
        cases.add(new Case("a key given twice", List.of("train", "--config", file("twice.json",
                TINY.replace("\"epochs\": 1", "\"epochs\": 1, \"epochs\": 2")))));
        // 9: encodings and empty test sets
        cases.add(new Case("Latin-1 text", List.of("train", "--config", bytes("latin1.json",
                TINY.replace("\"seed\": 5", "\"seed\": 5, \"description\": \"café\"")
                        .getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new Case("UTF-8 with a byte-order mark (accepted)", List.of("train", "--config", bytes("bom.json",
                ("\uFEFF" + TINY).getBytes(StandardCharsets.UTF_8)), "--no-progress")));
        // 10: the user's own data (issue 18): drawn points and CSV tables
        cases.add(new Case("drawn point with a text class", List.of("train", "--config", file("drawn-bad.json",
                "{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": [[0, 0, 0], [1, 1, \"a\"]]}}"))));
        cases.add(new Case("drawing of one class", List.of("train", "--config", file("drawn-one.json",
                "{\"version\": 1, \"dataset\": {\"name\": \"drawn\", \"points\": [[0, 0, 1], [1, 1, 1], [2, 0, 1],"
                        + " [0, 2, 1]]}}"), "--no-progress")));
        file("ragged.csv", "a,b,label\n1,2,x\n3,y\n");
        file("text.csv", "a,b,label\n1,2,x\n3,four,y\n");
        file("one.csv", "a,b,label\n1,2,x\n3,4,x\n");
        for (String[] table : new String[][] {{"CSV table that is missing", "none.csv"},
                {"CSV table with a ragged row", "ragged.csv"}, {"CSV table with a text feature", "text.csv"},
                {"CSV table of a single class", "one.csv"}}) {
            cases.add(new Case(table[0], List.of("train", "--config", file("table-" + table[1] + ".json",
                    "{\"version\": 1, \"dataset\": {\"name\": \"csv\", \"file\": \"" + table[1] + "\"}}"),
                    "--no-progress")));
        }
        // the other commands
        cases.add(new Case("sweep with an empty list", List.of("sweep", "--config", tiny, "--vary", "loss",
                "--values", ",")));
        cases.add(new Case("sweep of an invalid value", List.of("sweep", "--config", tiny, "--vary",
                "teacher_label_smoothing", "--values", "0,0.7")));
        cases.add(new Case("loss with a label out of range", List.of("loss", "--student", "1,2", "--teacher", "2,1",
                "--label", "2")));
        cases.add(new Case("loss --cases with a line cut short", List.of("loss", "--cases", file("cases.jsonl",
                "{\"student\": [1, 2], \"teacher\": [2, 1], \"label\": 0, \"T\": 2, \"alpha\": 0.5}\n"
                        + "{\"student\": [1, 2], \"teacher\": [2, 1], \"label\": 0, \"T\": 2\n"))));
        cases.add(new Case("loss --cases in Latin-1", List.of("loss", "--cases", bytes("latin1.jsonl",
                ("{\"student\": [1, 2], \"teacher\": [2, 1], \"label\": 0, \"T\": 2, \"alpha\": 0.5,"
                        + " \"note\": \"café\"}\n").getBytes(StandardCharsets.ISO_8859_1)))));
        cases.add(new Case("softmax with a temperature of 0", List.of("softmax", "--logits", "1,2",
                "--temperatures", "0")));
        return cases;
    }

    /** A Fashion-MNIST folder of 20 training and 20 test images whose training images' gzip trailer is wrong. */
    private Path damagedMnistFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("fashion"));
        for (String part : List.of("train", "t10k")) {
            byte[] images = gzip(idx(0x803, 20, 28 * 28, new int[] {28, 28}));
            if (part.equals("train")) {
                images[images.length - 8] ^= 0x5a;
            }
            Files.write(folder.resolve(part + "-images-idx3-ubyte.gz"), images);
            Files.write(folder.resolve(part + "-labels-idx1-ubyte.gz"), gzip(idx(0x801, 20, 1, new int[0])));
        }
        return folder;
    }

    private static byte[] idx(int magic, int count, int itemBytes, int[] dims) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * dims.length + count * itemBytes);
        b.putInt(magic).putInt(count);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < count * itemBytes; i++) {
            b.put((byte) (itemBytes == 1 ? i % 10 : i * 7));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void everyBadInputGetsItsExitCodeAndOneLineAsTheTableSays() throws IOException {
        StringBuilder table = new StringBuilder("""
                # Bad inputs: exit codes and messages

                What the command line answers to the inputs a careless or hostile user tries (issue 19). Generated by
                `BadInputsTableTest`, which runs every row and fails when an answer changes; `<dir>` is the test's
                temporary folder. Exit codes: 0 success, 2 a bad option or value, 3 a missing, unreadable or malformed
                file, 5 divergence, 130 cancelled. Ctrl+C during `train` is tested by `InterruptedTrainTest` (whole CSV
                rows, the table of what finished, exit 130); the quiet stderr by `QuietStderrTest`.

                Beyond these rows, every reader (experiment, workspace of versions 1 to 3, settings, IDX raw and gzip,
                CSV, `loss --cases`, a user's drawn points and CSV table) is fuzzed by jqwik properties (`*FuzzTest`: valid files mutated by flipped bits,
                cuts, insertions, deep nesting, long texts, edge numbers, repeated keys and swapped values, and random
                bytes): each input gives a value or the reader's own one-line exception (naming the file; the app adds
                it to a workspace reader's), never another exception, an OutOfMemoryError or a hang (10 s a try). 800
                tries a property, 12 properties: 2,400 inputs for the IDX reader, 1,600 each for experiment and
                workspace files, 800 each for CSV, loss cases, the settings file, drawn points (read, then loaded) and
                a user's CSV table (`UsersDataFuzzTest`); about 22 s of test time on this 2-core machine with `./mvnw -B -o -q test -Dtest='*FuzzTest'
                -Dsurefire.failIfNoSpecifiedTests=false`. `-Pfuzz` runs 20,000 tries a property (`-Dfuzz.tries=N`
                another number). What they found is fixed, each with a plain regression test: an IDX header announcing
                two billion examples made the reader allocate for all of them (an OutOfMemoryError; `IdxReaderTest`),
                and a window side of `Infinity` in the settings file opened that window (`AppSettingsTest`).

                | input | exit | what it says |
                |---|---|---|
                """);
        for (Case c : cases()) {
            CliRun run = CliRun.of(c.args().toArray(String[]::new));
            String line = run.exitCode() == 0 ? "(runs; stderr empty)" : run.err().strip().lines().findFirst()
                    .orElse("");
            if (run.exitCode() != 0) {
                assertThat(run.err().strip().lines()).as(c.input()).hasSize(1);
                assertThat(run.err()).as(c.input()).startsWith("kd-playground: ").doesNotContain("Exception")
                        .doesNotContain("\tat ");
            } else {
                assertThat(run.err()).as(c.input()).isEmpty();
            }
            table.append("| ").append(c.input()).append(" | ").append(run.exitCode()).append(" | ")
                    .append(line.replace(dir.toString(), "<dir>").replace("|", "\\|")
                            // the heap this machine gives the test's JVM
                            .replaceAll("more than the [0-9.]+ [GM]B this Java VM", "more than the <free heap> this Java VM")
                            // half of this machine's memory
                            .replaceAll("more than the [0-9.]+ [GM]B a run may take",
                                    "more than the <half the memory> a run may take"))
                    .append(" |\n");
        }
        if (Boolean.getBoolean("kd.writeDocs")) {
            Files.writeString(TABLE, table.toString(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(TABLE, StandardCharsets.UTF_8)).as("docs/bad-inputs.md (rewrite it with"
                + " -Dkd.writeDocs=true when a message changed on purpose)").isEqualTo(table.toString());
    }
}
