package org.kdplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import org.kdplayground.AppFolders;
import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.download.DatasetDownloader;
import org.kdplayground.download.TestServer;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.training.setup.TrainingPreset;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.TestWindows;
import org.kdplayground.ui.ViewLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training screen's Download button against a local server: the MNIST preset offers the download, the bar
 * shows its progress, Cancel ends it leaving nothing, and after a whole download the preset's data loads from the
 * app's data folder with no folder chosen. The app's folders are a temporary folder here.
 */
@ExtendWith(ApplicationExtension.class)
class DataDownloadScreenTest {

    @TempDir
    static Path settingsDir;

    private TestServer server;
    private TrainingModel model;
    private Stage stage;
    private String settingsBefore;

    @Start
    void start(Stage primaryStage) throws Exception {
        settingsBefore = System.getProperty(AppFolders.SETTINGS_DIR_PROPERTY);
        Path mine = Files.createTempDirectory(settingsDir, "settings");
        System.setProperty(AppFolders.SETTINGS_DIR_PROPERTY, mine.toString());
        server = new TestServer();
        I18n i18n = new I18n(Language.ENGLISH);
        LatestValue<EngineStatus> status = new LatestValue<>(EngineStatus.notStarted());
        model = new TrainingModel(i18n, TaskExecutor.on(Executors.newSingleThreadExecutor()), status.valueProperty(),
                example -> { }, new DatasetDownloader(server::sources, Duration.ofSeconds(5), Duration.ofSeconds(5)));
        ViewLoader loader = new ViewLoader(i18n, type -> new TrainingController(model, i18n));
        stage = TestWindows.show(new Stage(), loader.load(TrainingController.class).root(), 1280, 800,
                new FontPolicy(List.of()));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(model.download()::cancel);
        robot.interact(stage::close);
        server.close();
        if (settingsBefore == null) {
            System.clearProperty(AppFolders.SETTINGS_DIR_PROPERTY);
        } else {
            System.setProperty(AppFolders.SETTINGS_DIR_PROPERTY, settingsBefore);
        }
    }

    private static boolean shown(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isVisible() && node.isManaged();
    }

    private static List<String> filesIn(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadShowsProgressAndCancelLeavesNothing(FxRobot robot) throws Exception {
        server.serve("train-images-idx3-ubyte.gz", TestServer.Behaviour.SLOW);
        robot.interact(() -> model.setup().usePreset(TrainingPreset.MNIST));
        assertThat(shown(robot, "#downloadBox")).as("a missing set is offered").isTrue();
        assertThat(robot.lookup("#downloadOffer").queryAs(Label.class).getText())
                .startsWith("MNIST is not on this computer yet: download it (");

        robot.clickOn("#downloadButton");
        ProgressBar bar = robot.lookup("#downloadBar").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bar.getProgress() > 0);
        assertThat(shown(robot, "#downloadBar")).isTrue();
        assertThat(shown(robot, "#downloadCancelButton")).isTrue();
        assertThat(shown(robot, "#downloadButton")).isFalse();
        assertThat(robot.lookup("#downloadStatus").queryAs(Label.class).getText()).contains(" of ", "file 1 of 4");

        robot.clickOn("#downloadCancelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.download().downloadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#downloadProblem").queryAs(Label.class).getText())
                .isEqualTo("Download cancelled; nothing half-written was kept.");
        assertThat(shown(robot, "#downloadButton")).as("offered again").isTrue();
        assertThat(filesIn(DatasetCatalog.MNIST.downloadFolder())).isEmpty();
    }

    @Test
    void afterAWholeDownloadThePresetsDataLoadsWithNoFolderChosen(FxRobot robot) throws Exception {
        robot.interact(() -> model.setup().usePreset(TrainingPreset.MNIST));
        Label problem = robot.lookup("#previewProblem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !problem.getText().isEmpty());
        assertThat(problem.getText()).contains("folder not found (download it with the training screen's Download "
                + "button or `kd-playground data get mnist`");

        robot.clickOn("#downloadButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.preview().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.preview().dataProperty().get().size()).isEqualTo(300);
        assertThat(model.setup().folderProperty().get()).as("no folder chosen").isNull();
        assertThat(shown(robot, "#downloadBox")).as("nothing left to offer").isFalse();
        assertThat(shown(robot, "#previewProblem")).isFalse();
        assertThat(DatasetCatalog.MNIST.isInstalled()).isTrue();
        assertThat(filesIn(DatasetCatalog.MNIST.downloadFolder())).containsExactly("t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    }
}
