package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kdplayground.Launcher;

/**
 * {@code Launcher --smoke-test} as its own process, as an installed app or CI runs it: the main window opens
 * (headless, on Monocle), the engine loads, a tiny run trains through the training screen, and the process exits 0
 * with the success line.
 */
class SmokeTestProcessTest {

    @Test
    void smokeTestOpensTheWindowTrainsATinyRunAndExitsZero(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dtestfx.headless=true", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Duser.home=" + home,
                // the PyTorch natives stay where this JVM finds them (432 MB, not to be copied per test)
                "-DDJL_CACHE_DIR=" + djlCache(),
                "-Xmx1g",
                Launcher.class.getName(), Launcher.SMOKE_TEST));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("XDG_CONFIG_HOME");
        Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = process.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(ended).as("the smoke test ended in time; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains(SmokeTest.PASSED + ": engine PyTorch");
        assertThat(output).doesNotContain(SmokeTest.FAILED);
        // the user's settings are left alone: the check runs on defaults in a folder of its own
        assertThat(home.resolve(".config/kd-playground")).doesNotExist();
        assertThat(home.resolve(".djl.ai")).doesNotExist();
    }

    private static String djlCache() {
        String cache = System.getenv("DJL_CACHE_DIR");
        if (cache == null) {
            cache = System.getProperty("DJL_CACHE_DIR");
        }
        return cache != null ? cache : Path.of(System.getProperty("user.home"), ".djl.ai").toString();
    }
}
