package org.kdplayground.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux installer as a user gets it ({@code ./mvnw -Pinstaller verify}, after jpackage built the .deb): unpacked
 * with {@code dpkg-deb -x}, its launcher — the one the desktop entry starts — runs {@code --smoke-test} under Xvfb
 * and exits 0, loading the PyTorch natives from the image rather than copying them into the user's home.
 */
class InstalledDebIT {

    static final String LAUNCHER = "/opt/kd-playground/bin/kd-playground";

    @TempDir
    static Path dir;
    static Path deb;
    static Path root;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        assumeTrue("deb".equals(System.getProperty("installer.type")), "this OS builds no .deb");
        Path installers = Path.of(System.getProperty("installer.dir", "target/installer"));
        try (Stream<Path> files = Files.list(installers)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("one .deb in %s", installers).hasSize(1);
            deb = debs.get(0);
        }
        root = dir.resolve("root");
        Result unpacked = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of(), 120);
        assertThat(unpacked.code()).as(unpacked.output()).isZero();
    }

    @Test
    void packagedLauncherPassesTheSmokeTestUnderXvfbWithoutCopyingTheNatives() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Result smoke = run(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                        root + LAUNCHER, "--smoke-test"),
                Map.of("HOME", home.toString()), 240);
        assertThat(smoke.code()).as("exit code; output:%n%s", smoke.output()).isZero();
        assertThat(smoke.output()).contains("smoke test passed: engine PyTorch 2.7.1 on CPU");
        // DJL loaded the natives shipped in the image: nothing was extracted into ~/.djl.ai
        assertThat(home.resolve(".djl.ai")).doesNotExist();
        assertThat(smoke.output()).doesNotContain("Downloading", "Extracting");
    }

    @Test
    void imageShipsTheNativesPreExtractedAndNotTheNativeJar() throws IOException {
        Path app = root.resolve("opt/kd-playground/lib/app");
        assertThat(app.resolve("pytorch/" + System.mapLibraryName("torch_cpu"))).isRegularFile();
        assertThat(app.resolve("pytorch/" + System.mapLibraryName("djl_torch"))).isRegularFile();
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("pytorch-jni"))
                    .noneMatch(name -> name.startsWith("pytorch-native"))
                    .noneMatch(name -> name.startsWith("javafx-"));
        }
        assertThat(Files.readString(app.resolve("kd-playground.cfg")))
                .contains("-DPYTORCH_LIBRARY_PATH=$APPDIR/pytorch", "-DPYTORCH_FLAVOR=cpu", "-Dai.djl.offline=true",
                        "-XX:TieredStopAtLevel=1", "-Xmn128m", "-XX:+ExplicitGCInvokesConcurrent");
    }

    /**
     * The runtime's CDS archive of the start-up's JDK and JavaFX classes is in the package and maps where the package
     * was unpacked, not where it was built: the JVM checks it ({@code -XX:+PrintSharedArchiveAndExit} lists its
     * classes and exits). It holds no class-path classes, which Java 17 would tie to the build's paths.
     */
    @Test
    void runtimeCarriesAStartUpClassArchiveThatMapsWhereverThePackageLies() throws Exception {
        assertThat(root.resolve("opt/kd-playground/lib/runtime/lib/server/classes.jsa")).isRegularFile();
        Result archive = run(List.of(root + LAUNCHER),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintSharedArchiveAndExit"), 60);
        assertThat(archive.code()).as(archive.output()).isZero();
        assertThat(archive.output()).contains("archive is valid", " javafx.scene.control.Label ",
                " com.sun.javafx.tk.quantum.QuantumToolkit ").doesNotContain(" org.kdplayground.");
    }

    @Test
    void desktopEntryStartsTheLauncherWithTheAppIcon() throws IOException {
        Path entry = root.resolve("opt/kd-playground/lib/kd-playground-kd-playground.desktop");
        List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
        assertThat(lines).contains("Exec=" + LAUNCHER, "Icon=/opt/kd-playground/lib/kd-playground.png",
                "Name=KD Playground", "Categories=Education;Science;ArtificialIntelligence;");
        assertThat(root.resolve(LAUNCHER.substring(1))).isExecutable();
        assertThat(root.resolve("opt/kd-playground/lib/kd-playground.png")).isRegularFile();
    }

    @Test
    void menuEntryDoesNotFailTheInstallationWhereThereIsNoMenuSystem() throws IOException, InterruptedException {
        Result postinst = run(List.of("dpkg-deb", "-I", deb.toString(), "postinst"), Map.of(), 60);
        assertThat(postinst.code()).isZero();
        assertThat(postinst.output())
                .contains("xdg-desktop-menu install /opt/kd-playground/lib/kd-playground-kd-playground.desktop")
                .contains("cp /opt/kd-playground/lib/kd-playground-kd-playground.desktop /usr/share/applications/");
        Result prerm = run(List.of("dpkg-deb", "-I", deb.toString(), "prerm"), Map.of(), 60);
        assertThat(prerm.output()).contains("xdg-desktop-menu uninstall", ") || true");
    }

    @Test
    void packageDeclaresGtk3AndACjkFont() throws IOException, InterruptedException {
        Result depends = run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), Map.of(), 60);
        assertThat(depends.code()).isZero();
        assertThat(depends.output()).contains("libgtk-3-0", "fonts-wqy-microhei | fonts-noto-cjk", "xdg-utils");
    }

    record Result(int code, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("DJL_CACHE_DIR");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
