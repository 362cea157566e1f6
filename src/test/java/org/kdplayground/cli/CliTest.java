package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class CliTest {

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionPrintsAppAndEngineVersionsAndExitsZero() {
        Result result = run("--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("KD Playground 0.1.0").contains("DJL 0.36.0").contains("PyTorch 2.7.1");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Result result = run("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Usage: kd-playground").contains("--version").contains("--help");
    }

    @Test
    void unknownOptionExitsNonZeroWithUsage() {
        Result result = run("--frobnicate");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--frobnicate'").contains("Usage: kd-playground");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownCommandExitsNonZeroWithUsage() {
        Result result = run("frobnicate");
        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("frobnicate").contains("Usage: kd-playground");
    }
}
