package org.kdplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The app's engine start-up opens no network connection (DJL's usage tracking would, without offline mode). */
class NoNetworkTest {

    @Test
    void engineStartUpOpensNoConnection() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java,
                "-Djava.security.manager=allow",
                "-cp", System.getProperty("java.class.path"),
                NoNetworkProbe.class.getName()));
        builder.environment().remove("DJL_OFFLINE");
        builder.environment().remove("OPT_OUT_TRACKING");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("probe finished").isTrue();
        assertThat(output).doesNotContain("CONNECT").contains("READY CPU");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
