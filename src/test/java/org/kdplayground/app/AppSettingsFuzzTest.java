package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.kdplayground.fuzz.FuzzInput;
import org.kdplayground.fuzz.Mutations;
import org.kdplayground.fuzz.ReaderOutcome;
import org.kdplayground.fuzz.ScratchFolder;
import org.kdplayground.io.SettingsStore;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The settings file, mutated and random: {@link SettingsStore#load} never fails (a damaged file gives defaults), and
 * every typed setting the app reads from it is usable: a window size that is a finite number of pixels within its
 * bounds, a UI scale of 100% to 200%, at least one engine thread, a theme and a language, at most 8 recent files.
 */
class AppSettingsFuzzTest {

    private static final Path DIR = ScratchFolder.create("kd-fuzz-settings");

    private static final List<String> SEEDS = List.of(
            "#KD Playground settings\ntheme=dark\nlanguage=zh-CN\nwindow.width=1280\nwindow.height=800\n"
                    + "window.maximized=true\nui.scale=1.25\nrecent.0=/home/ana/lesson.kdp.json\n"
                    + "recent.1=C\\:\\\\Users\\\\ana\\\\moons.kdp.json\nengine.intraOpThreads=2\n",
            "theme: light\nlanguage: en\nwindow.width: 2560\nwindow.height: 1440\nui.scale: 2.0\n"
                    + "recent.7: /tmp/\\u732b.kdp.json\n");

    @AfterContainer
    static void deleteScratch() throws IOException {
        ScratchFolder.delete(DIR);
    }

    @Property
    void anySettingsFileGivesUsableSettings(@ForAll("settings") FuzzInput input) {
        SettingsStore store = new SettingsStore(DIR);
        try {
            Files.write(store.file(), input.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppSettings settings = ReaderOutcome.valueOrOwnFailure(() -> new AppSettings(store), Error.class,
                message -> false);

        assertThat(settings.windowWidth()).isBetween(AppSettings.MIN_WIDTH, AppSettings.MAX_WINDOW_SIZE);
        assertThat(settings.windowHeight()).isBetween(AppSettings.MIN_HEIGHT, AppSettings.MAX_WINDOW_SIZE);
        assertThat(settings.uiScale()).isBetween(1.0, 2.0);
        assertThat(settings.intraOpThreads()).isBetween(1, Runtime.getRuntime().availableProcessors());
        assertThat(settings.theme()).isNotNull();
        assertThat(settings.language()).isNotNull();
        assertThat(settings.recentFiles()).hasSizeLessThanOrEqualTo(AppSettings.MAX_RECENT_FILES);
    }

    @Provide
    Arbitrary<FuzzInput> settings() {
        return Arbitraries.oneOf(Mutations.ofTexts(SEEDS, false),
                Mutations.random("=:\\#!\n\r tu0123456789.eEwindowthmlaNIfy"));
    }
}
