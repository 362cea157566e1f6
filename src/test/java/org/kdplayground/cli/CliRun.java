package org.kdplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The run failed with this code and exactly one friendly line on stderr, never a stack trace. */
    CliRun failsWith(int code, String messagePart) {
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(code);
        assertThat(err).contains(messagePart);
        assertThat(err.strip().lines()).as("stderr: %s", err).hasSize(1);
        assertThat(err).startsWith("kd-playground: ").doesNotContain("Exception").doesNotContain("\tat ");
        return this;
    }

    CliRun succeeds() {
        assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        return this;
    }
}
