package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kdplayground.engine.EngineInfo;
import org.kdplayground.engine.EngineService;
import org.kdplayground.explorer.ClassLogits;
import org.kdplayground.io.SettingsStore;
import org.kdplayground.training.TrainingRehearsal;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.Theme;
import org.kdplayground.ui.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    static final EngineInfo CPU = new EngineInfo("PyTorch", "2.7.1", "0.36.0", false, "CPU", 1, false);

    /**
     * A main window on a stage of its own (a test that quits closes it, the next test gets a fresh one), with settings
     * of its own in a new folder, shown; the engine is started after, as the app does.
     */
    static MainWindow open(EngineService engine, String settings) throws IOException {
        Stage stage = new Stage();
        Path dir = Files.createTempDirectory("kd-settings");
        Files.writeString(dir.resolve("settings.properties"), settings);
        MainWindow window = MainWindow.create(stage, new AppSettings(new SettingsStore(dir)), engine);
        stage.show();
        engine.start();
        return window;
    }

    private Path settingsDir;
    private EngineService engine;
    private MainWindow window;

    @Start
    void start(Stage primaryStage) throws IOException {
        // a stage of its own per test: a test that quits closes it, and the next test gets a fresh one
        Stage stage = new Stage();
        settingsDir = Files.createTempDirectory("kd-settings");
        Files.writeString(settingsDir.resolve("settings.properties"), "language=en\ntheme=light\n");
        engine = new EngineService(() -> CPU);
        window = MainWindow.create(stage, new AppSettings(new SettingsStore(settingsDir)), engine);
        stage.show();
        engine.start();
    }

    @AfterEach
    void closeWindowAndEngine(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        engine.close();
    }

    /** The icons decode in the background (off the window's first build) and then carry every size. */
    @Test
    void windowCarriesTheAppIconInSeveralSizes() throws Exception {
        assertThat(window.stage().getIcons()).hasSize(6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.stage().getIcons().stream().allMatch(icon -> icon.getProgress() >= 1));
        assertThat(window.stage().getIcons()).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
        assertThat(window.stage().getIcons().get(0).getWidth()).isEqualTo(16);
        assertThat(window.stage().getIcons().get(5).getWidth()).isEqualTo(256);
    }

    @Test
    void windowOpensAt1280x800OnTheExplorerWithEnglishTexts(FxRobot robot) {
        Stage stage = window.stage();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getScene().getWidth()).isEqualTo(1280);
        assertThat(stage.getScene().getHeight()).isEqualTo(800);
        assertThat(stage.getMinWidth()).isEqualTo(1024);
        assertThat(stage.getMinHeight()).isEqualTo(640);
        assertThat(stage.getTitle()).isEqualTo("KD Playground");
        assertThat(visible(robot, "#explorerScreen")).isTrue();
        assertThat(robot.lookup("#explorerScreen #title").queryAs(Label.class).getText())
                .isEqualTo("Softmax & temperature explorer");
    }

    @Test
    void eachNavigationItemShowsItsScreen(FxRobot robot) {
        robot.clickOn("#nav-distillation");
        assertThat(visible(robot, "#distillationScreen")).isTrue();
        assertThat(visible(robot, "#explorerScreen")).isFalse();
        assertThat(visible(robot, "#aboutScreen")).isFalse();

        robot.clickOn("#nav-about");
        assertThat(visible(robot, "#aboutScreen")).isTrue();
        assertThat(visible(robot, "#distillationScreen")).isFalse();

        robot.clickOn("#nav-explorer");
        assertThat(visible(robot, "#explorerScreen")).isTrue();
        assertThat(robot.lookup("#nav-explorer").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void screensOtherThanTheFirstAreBuiltWhenFirstShownAndKept(FxRobot robot) {
        assertThat(robot.lookup("#distillationScreen").tryQuery()).isEmpty();
        assertThat(robot.lookup("#aboutScreen").tryQuery()).isEmpty();

        robot.clickOn("#nav-distillation");
        Node training = robot.lookup("#distillationScreen").query();
        assertThat(robot.lookup("#aboutScreen").tryQuery()).isEmpty();
        robot.clickOn("#nav-about");
        robot.clickOn("#nav-distillation");

        assertThat((Object) robot.lookup("#distillationScreen").query()).isSameAs(training);
        assertThat(visible(robot, "#distillationScreen")).isTrue();
        assertThat(visible(robot, "#aboutScreen")).isFalse();
    }

    @Test
    void clickingTheSelectedItemAgainKeepsItsScreen(FxRobot robot) {
        robot.clickOn("#nav-explorer");
        assertThat(visible(robot, "#explorerScreen")).isTrue();
        assertThat(robot.lookup("#nav-explorer").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void keyboardShortcutsSwitchScreens(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(visible(robot, "#distillationScreen")).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertThat(visible(robot, "#aboutScreen")).isTrue();
    }

    @Test
    void switchingLanguageFromTheMenuChangesTextsAndKeepsTheScreen(FxRobot robot) {
        robot.clickOn("#nav-distillation");
        fireMenuItem(robot, "language-zh-CN");

        assertThat(visible(robot, "#distillationScreen")).isTrue();
        assertThat(robot.lookup("#distillationScreen #title").queryAs(Label.class).getText())
                .isEqualTo("实时知识蒸馏");
        assertThat(robot.lookup("#nav-explorer").queryAs(ToggleButton.class).getText()).isEqualTo("温度探索");
        assertThat(window.stage().getScene().getRoot().getPseudoClassStates()).contains(ThemeManager.CJK);
        assertThat(new AppSettings(new SettingsStore(settingsDir)).language())
                .isEqualTo(Language.CHINESE_SIMPLIFIED);

        fireMenuItem(robot, "language-en");
        assertThat(robot.lookup("#distillationScreen #title").queryAs(Label.class).getText())
                .isEqualTo("Live distillation");
        assertThat(visible(robot, "#distillationScreen")).isTrue();
    }

    @Test
    void switchingLanguageAndScreensKeepsTheExplorerState(FxRobot robot) {
        Node explorerBefore = robot.lookup("#explorerScreen").query();
        robot.interact(() -> {
            window.explorer().setTemperature(7.5);
            window.explorer().setLogit(ClassLogits.Role.STUDENT, 2, -1.25);
            window.explorer().addClass();
        });
        String total = robot.lookup("#totalValue").queryAs(Label.class).getText();

        fireMenuItem(robot, "language-zh-CN");
        robot.clickOn("#nav-distillation");
        robot.clickOn("#nav-explorer");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat((Object) robot.lookup("#explorerScreen").query()).isSameAs(explorerBefore);
        assertThat(window.explorer().getTemperature()).isEqualTo(7.5);
        assertThat(window.explorer().getLogits().student()[2]).isEqualTo(-1.25);
        assertThat(window.explorer().getLogits().classes()).isEqualTo(6);
        assertThat(robot.lookup("#totalValue").queryAs(Label.class).getText()).isEqualTo(total);
        assertThat(robot.lookup("#temperatureField").queryAs(TextField.class).getText()).isEqualTo("7.50");
        assertThat(robot.lookup("#studentTCaption").queryAs(Label.class).getText()).isEqualTo("学生模型，T = 7.50");
    }

    @Test
    void switchingThemeFromTheMenuAppliesAndPersists(FxRobot robot) {
        fireMenuItem(robot, "darkThemeItem");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(window.stage().getScene().getRoot().getPseudoClassStates()).contains(ThemeManager.DARK);
        assertThat(window.model().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(new AppSettings(new SettingsStore(settingsDir)).theme()).isEqualTo(Theme.DARK);

        fireMenuItem(robot, "lightThemeItem");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(window.stage().getScene().getRoot().getPseudoClassStates()).doesNotContain(ThemeManager.DARK);
    }

    @Test
    void presentationModeScalesTheWholeWindowAndPersists(FxRobot robot) {
        fireMenuItem(robot, "scale-150");
        WaitForAsyncUtils.waitForFxEvents();
        org.kdplayground.ui.ScaledPane root = (org.kdplayground.ui.ScaledPane) window.stage().getScene().getRoot();
        assertThat(root.scaleProperty().get()).isEqualTo(1.5);
        javafx.scene.layout.Region content = (javafx.scene.layout.Region) root.content();
        assertThat(content.getWidth()).isCloseTo(1280 / 1.5, org.assertj.core.data.Offset.offset(1.0));
        assertThat(content.localToScene(content.getWidth(), 0).getX())
                .isCloseTo(1280, org.assertj.core.data.Offset.offset(1.0));
        assertThat(new AppSettings(new SettingsStore(settingsDir)).uiScale()).isEqualTo(1.5);
        // still usable: navigation works at 150%
        robot.clickOn("#nav-about");
        assertThat(visible(robot, "#aboutScreen")).isTrue();
        fireMenuItem(robot, "scale-100");
        assertThat(content.getWidth()).isCloseTo(1280, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void highContrastThemeAppliesAndPersists(FxRobot robot) {
        fireMenuItem(robot, "highContrastThemeItem");
        var states = window.stage().getScene().getRoot().getPseudoClassStates();
        assertThat(states).contains(ThemeManager.HIGH_CONTRAST, ThemeManager.DARK);
        assertThat(new AppSettings(new SettingsStore(settingsDir)).theme()).isEqualTo(Theme.HIGH_CONTRAST);
        fireMenuItem(robot, "lightThemeItem");
        assertThat(window.stage().getScene().getRoot().getPseudoClassStates())
                .doesNotContain(ThemeManager.HIGH_CONTRAST);
    }

    @Test
    void fullScreenFollowsTheMenu(FxRobot robot) {
        robot.interact(() -> window.model().toggleFullScreen());
        assertThat(window.stage().isFullScreen()).isTrue();
        robot.interact(() -> window.model().toggleFullScreen());
        assertThat(window.stage().isFullScreen()).isFalse();
    }

    @Test
    void statusBarReportsTheEngineReadyOnCpu(FxRobot robot) throws Exception {
        engine.whenReady().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#engineStatusLabel").queryAs(Label.class).getText())
                .isEqualTo("Engine ready: CPU, PyTorch 2.7.1");
    }

    @Test
    void aboutShowsVersionsDeviceAndLicences(FxRobot robot) throws Exception {
        engine.whenReady().get(10, TimeUnit.SECONDS);
        fireMenuItem(robot, "aboutItem");
        assertThat(visible(robot, "#aboutScreen")).isTrue();
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).startsWith("Version 0.1.0");
        assertThat(robot.lookup("#engineVersionsLabel").queryAs(Label.class).getText())
                .contains("DJL 0.36.0").contains("PyTorch 2.7.1");
        assertThat(robot.lookup("#deviceLabel").queryAs(Label.class).getText()).isEqualTo("Device: CPU");
        assertThat(robot.lookup("#dataFolderLabel").queryAs(Label.class).getText())
                .isEqualTo("Downloaded data sets go to " + org.kdplayground.AppFolders.data());
        javafx.scene.control.TableView<?> table = robot.lookup("#licenceTable").queryTableView();
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(table.getItems().toString()).contains("CC BY 4.0").contains("DJL");
    }

    @Test
    void quitClosesTheWindowAndRemembersItsSize(FxRobot robot) {
        robot.interact(() -> window.stage().setWidth(1100));
        fireMenuItem(robot, "quitItem");
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(new AppSettings(new SettingsStore(settingsDir)).windowWidth()).isEqualTo(1100);
    }

    @Test
    void theTrainingRehearsalRunsOnceTheEngineIsReadyAndAddsNoRunToTheUsersScreen(FxRobot robot)
            throws Exception {
        robot.interact(window::rehearseTrainingWhenReady);
        // it waits for a quiet second: not while the mouse moves
        for (int i = 0; i < 8; i++) {
            robot.moveTo("#nav-about").moveTo("#nav-explorer");
            Thread.sleep(200);
        }
        assertThat(window.rehearsalState()).as("waits for %s without input", MainWindow.REHEARSAL_DELAY).isNull();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.rehearsalState() == TrainingRehearsal.State.DONE
                || window.rehearsalState() == TrainingRehearsal.State.CANCELLED);
        assertThat(window.rehearsalState()).isEqualTo(TrainingRehearsal.State.DONE);
        robot.interact(window::rehearseTraining); // once a session
        assertThat(window.rehearsalState()).isEqualTo(TrainingRehearsal.State.DONE);

        robot.clickOn("#nav-distillation");
        assertThat(robot.lookup("#historyTable").queryTableView().getItems()).isEmpty();
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theTrainingRehearsalCanBeLeftOut(FxRobot robot) throws Exception {
        System.setProperty(MainWindow.REHEARSAL_PROPERTY, "false");
        try {
            robot.interact(window::rehearseTrainingWhenReady);
            Thread.sleep((long) MainWindow.REHEARSAL_DELAY.toMillis() + 1000);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.rehearsalState()).isNull();
        } finally {
            System.clearProperty(MainWindow.REHEARSAL_PROPERTY);
        }
    }

    /** Fires a menu item of this window's menu bar, found by id (menus open in popups, outside the scene). */
    static void fireMenuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(MainWindowTest::itemsOf)
                .filter(candidate -> id.equals(candidate.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item #" + id));
        robot.interact(item::fire);
    }

    private static java.util.stream.Stream<MenuItem> itemsOf(MenuItem item) {
        return item instanceof Menu menu
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(menu),
                        menu.getItems().stream().flatMap(MainWindowTest::itemsOf))
                : java.util.stream.Stream.of(item);
    }

    /** Whether the node shows; a screen not built yet (none is before it is first shown) does not. */
    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> node.isVisible() && node.getScene() != null)
                .orElse(false);
    }
}
