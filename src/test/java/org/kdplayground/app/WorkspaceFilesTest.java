package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kdplayground.app.MainWindowTest.fireMenuItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;

import org.kdplayground.engine.EngineService;
import org.kdplayground.explorer.ClassLogits;
import org.kdplayground.io.SettingsStore;
import org.kdplayground.io.Workspace;
import org.kdplayground.io.WorkspaceFile;
import org.kdplayground.io.WorkspaceFileTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WorkspaceFilesTest {

    @TempDir
    Path dir;

    private Path settingsDir;
    private EngineService engine;
    private MainWindow window;
    private final Deque<Path> picked = new ArrayDeque<>();
    private final AtomicInteger asked = new AtomicInteger();
    private WorkspaceFiles.UnsavedChoice answer = WorkspaceFiles.UnsavedChoice.CANCEL;

    @Start
    void start(Stage primaryStage) throws IOException {
        Stage stage = new Stage();
        settingsDir = Files.createTempDirectory("kd-settings");
        Files.writeString(settingsDir.resolve("settings.properties"), "language=en\ntheme=light\n");
        engine = new EngineService(() -> MainWindowTest.CPU);
        window = MainWindow.create(stage, new AppSettings(new SettingsStore(settingsDir)), engine);
        WorkspaceFiles.FilePicker picker = new WorkspaceFiles.FilePicker() {
            @Override
            public Optional<Path> chooseToOpen(Path folder) {
                return Optional.ofNullable(picked.poll());
            }

            @Override
            public Optional<Path> chooseToSave(Path folder, String suggestedName) {
                return Optional.ofNullable(picked.poll());
            }
        };
        window.files().setFilePicker(picker);
        window.files().setUnsavedChangesPrompt(name -> {
            asked.incrementAndGet();
            return answer;
        });
        stage.show();
        engine.start();
    }

    @AfterEach
    void closeWindowAndEngine(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        engine.close();
    }

    private Workspace snapshot(FxRobot robot) {
        Workspace[] now = new Workspace[1];
        robot.interact(() -> now[0] = new Workspace(window.explorer().snapshot(), window.training().setupSnapshot(),
                window.training().sweepSnapshot()));
        return now[0];
    }

    @Test
    void snapshotWriteReadRestoreGivesBackTheSameStateOverRandomStates(FxRobot robot) throws Exception {
        Random random = new Random(42);
        Path file = dir.resolve("random.kdp.json");
        Workspace blank = snapshot(robot);
        answer = WorkspaceFiles.UnsavedChoice.DISCARD;
        // one FX-thread hop for the whole loop; 60 states through the screens (the io-level test covers 200)
        robot.interact(() -> {
            for (int i = 0; i < 60; i++) {
                Workspace state = WorkspaceFileTest.randomWorkspace(random, true);
                window.explorer().restore(state.explorer());
                window.training().restore(state.training(), state.sweep());
                Workspace saved = current();
                assertThat(saved).as("restore of iteration %d", i).isEqualTo(state);
                try {
                    WorkspaceFile.write(file, saved);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                window.explorer().restore(blank.explorer());
                window.training().restore(blank.training(), blank.sweep());
                assertThat(window.files().open(file)).isTrue();
                assertThat(current()).as("iteration %d", i).isEqualTo(saved);
            }
        });
    }

    private Workspace current() {
        return new Workspace(window.explorer().snapshot(), window.training().setupSnapshot(),
                window.training().sweepSnapshot());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"format\": \"kd-playground\", \"version\": 1, \"explorer\": {\"classNames\": [\"a\"",
        "{\"format\": \"kd-playground\", \"version\": 7}",
        "WRONG_TYPE",
        "OUT_OF_RANGE",
        "DEEP",
        "LONG_TEXT",
        "LATIN_1"})
    void damagedFilesLeaveTheAppUnchangedWithAMessage(String content, FxRobot robot) throws Exception {
        Path file = dir.resolve("damaged.kdp.json");
        String good = WorkspaceFile.toJson(WorkspaceFileTest.randomWorkspace(new Random(7)));
        String text = switch (content) {
            case "WRONG_TYPE" -> good.replaceFirst("\"trueClass\" : \\d+", "\"trueClass\" : \"first\"");
            case "OUT_OF_RANGE" -> good.replaceFirst("\"batchSize\" : \\d+", "\"batchSize\" : 100000");
            // issue 19, item 1: a NullPointerException escaped the open handler for these two
            case "DEEP" -> good.replaceFirst("\"sweep\" : \\{", "\"sweep\" : " + "[".repeat(10_000)
                    + "]".repeat(10_000) + ", \"x\" : {");
            case "LONG_TEXT" -> good.replaceFirst("\"classNames\" : \\[ \"", "\"classNames\" : [ \""
                    + "x".repeat(2_000_000));
            case "LATIN_1" -> good.replaceFirst("\"classNames\" : \\[ \"", "\"classNames\" : [ \"caf\u00e9");
            default -> content;
        };
        Files.write(file, text.getBytes(content.equals("LATIN_1") ? java.nio.charset.StandardCharsets.ISO_8859_1
                : java.nio.charset.StandardCharsets.UTF_8));
        robot.interact(() -> {
            window.explorer().setTemperature(7.5);
            window.explorer().setLogit(ClassLogits.Role.STUDENT, 1, -2.5);
        });
        Workspace before = snapshot(robot);

        robot.interact(() -> window.files().open(file));

        assertThat(snapshot(robot)).isEqualTo(before);
        assertThat(window.files().messageProperty().get()).startsWith("damaged.kdp.json ")
                .contains("Nothing was changed");
        assertThat(robot.lookup("#fileMessageLabel").queryAs(Label.class).getText())
                .isEqualTo(window.files().messageProperty().get());
        assertThat(window.files().fileProperty().get()).isNull();
        assertThat(asked.get()).isZero();
    }

    @Test
    void saveThenOpenThroughTheMenuRestoresTheScreensAndListsTheFile(FxRobot robot) {
        robot.interact(() -> window.explorer().setTemperature(12));
        picked.add(dir.resolve("lesson"));
        fireMenuItem(robot, "saveItem");
        Path saved = dir.resolve("lesson.kdp.json");
        assertThat(saved).exists();
        assertThat(window.stage().getTitle()).isEqualTo("lesson.kdp.json – KD Playground");
        Workspace atSave = snapshot(robot);

        robot.interact(() -> window.explorer().setTemperature(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getTitle()).isEqualTo("• lesson.kdp.json – KD Playground");

        answer = WorkspaceFiles.UnsavedChoice.DISCARD;
        picked.add(saved);
        fireMenuItem(robot, "openItem");
        assertThat(asked.get()).isEqualTo(1);
        assertThat(snapshot(robot)).isEqualTo(atSave);
        assertThat(window.explorer().getTemperature()).isEqualTo(12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getTitle()).isEqualTo("lesson.kdp.json – KD Playground");

        Menu recent = recentMenu(robot);
        assertThat(recent.getItems()).hasSize(1);
        assertThat(recent.getItems().get(0).getText()).startsWith("lesson.kdp.json");
        assertThat(new AppSettings(new SettingsStore(settingsDir)).recentFiles())
                .containsExactly(saved.toAbsolutePath().normalize());
    }

    @Test
    void saveAsKeepsEightRecentFilesNewestFirst(FxRobot robot) {
        for (int i = 0; i < 10; i++) {
            picked.add(dir.resolve("run" + i + ".kdp.json"));
            fireMenuItem(robot, "saveAsItem");
        }
        List<Path> recent = new AppSettings(new SettingsStore(settingsDir)).recentFiles();
        assertThat(recent).hasSize(8);
        assertThat(recent.get(0).getFileName().toString()).isEqualTo("run9.kdp.json");
        assertThat(recentMenu(robot).getItems()).hasSize(8);
    }

    @Test
    void aMissingRecentFileIsDroppedWithAMessage(FxRobot robot) throws IOException {
        Path file = dir.resolve("gone.kdp.json");
        picked.add(file);
        fireMenuItem(robot, "saveAsItem");
        Files.delete(file);

        fireMenuItem(robot, "recent-0");

        assertThat(window.files().recentFiles()).isEmpty();
        assertThat(window.files().messageProperty().get()).contains("gone.kdp.json").contains("no longer exists");
        assertThat(recentMenu(robot).isDisable()).isTrue();
    }

    @Test
    void quitWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) {
        robot.interact(() -> window.explorer().setAlpha(0.9));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().getTitle()).isEqualTo("• Untitled – KD Playground");

        answer = WorkspaceFiles.UnsavedChoice.CANCEL;
        fireMenuItem(robot, "quitItem");
        assertThat(asked.get()).isEqualTo(1);
        assertThat(window.stage().isShowing()).isTrue();

        answer = WorkspaceFiles.UnsavedChoice.DISCARD;
        fireMenuItem(robot, "quitItem");
        assertThat(asked.get()).isEqualTo(2);
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void quitWithUnsavedChangesCanSaveFirst(FxRobot robot) {
        robot.interact(() -> window.explorer().setAlpha(0.25));
        answer = WorkspaceFiles.UnsavedChoice.SAVE;
        picked.add(dir.resolve("before-quit.kdp.json"));
        fireMenuItem(robot, "quitItem");
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(dir.resolve("before-quit.kdp.json")).exists();
    }

    @Test
    void quitWithoutChangesDoesNotAsk(FxRobot robot) {
        fireMenuItem(robot, "quitItem");
        assertThat(asked.get()).isZero();
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void onlyJsonFilesAreDroppable() {
        assertThat(WorkspaceFiles.droppable(List.of(new java.io.File("a.txt"), new java.io.File("b.KDP.JSON"))))
                .contains(Path.of("b.KDP.JSON"));
        assertThat(WorkspaceFiles.droppable(List.of(new java.io.File("a.png")))).isEmpty();
    }

    private static Menu recentMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream().filter(item -> "recentMenu".equals(item.getId()))
                .map(Menu.class::cast).findFirst().orElseThrow();
    }
}
