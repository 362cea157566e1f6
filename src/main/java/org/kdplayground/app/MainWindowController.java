package org.kdplayground.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.kdplayground.engine.EngineInfo;
import org.kdplayground.engine.EngineState;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.lessons.LessonsModel;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Language;
import org.kdplayground.ui.Theme;

import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the main window (menus, navigation, status bar) to {@link MainModel}; holds no state of its own. */
public final class MainWindowController {

    private final MainModel model;
    private final WorkspaceFiles files;
    private final I18n i18n;
    private final ObservableValue<EngineStatus> engineStatus;
    private final ScreenViews screens;
    private final LessonsModel lessons;

    @FXML private BorderPane root;
    @FXML private VBox navBar;
    @FXML private Label appName;
    @FXML private Label appTagline;
    @FXML private StackPane content;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem openItem;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem saveAsItem;
    @FXML private Menu recentMenu;
    @FXML private Label fileMessageLabel;
    @FXML private MenuItem aboutItem;
    @FXML private MenuItem lessonsItem;
    @FXML private ToggleGroup themeGroup;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private RadioMenuItem highContrastThemeItem;
    @FXML private Menu scaleMenu;
    @FXML private ToggleGroup scaleGroup;
    @FXML private CheckMenuItem fullScreenItem;
    @FXML private Menu languageMenu;
    @FXML private ToggleGroup languageGroup;
    @FXML private ProgressIndicator engineSpinner;
    @FXML private Circle engineDot;
    @FXML private Label engineStatusLabel;
    @FXML private Label engineHintLabel;
    @FXML private Label languageStatusLabel;

    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private BooleanBinding navigationCompact;

    MainWindowController(MainModel model, WorkspaceFiles files, I18n i18n, ObservableValue<EngineStatus> engineStatus,
                         ScreenViews screens, LessonsModel lessons) {
        this.lessons = Objects.requireNonNull(lessons);
        this.model = Objects.requireNonNull(model);
        this.files = Objects.requireNonNull(files);
        this.i18n = Objects.requireNonNull(i18n);
        this.engineStatus = Objects.requireNonNull(engineStatus);
        this.screens = Objects.requireNonNull(screens);
    }

    @FXML
    private void initialize() {
        buildNavigation();
        bindThemeMenu();
        buildLanguageMenu();
        bindStatusBar();
        bindFileMenu();
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        aboutItem.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        lessonsItem.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
    }

    private void buildNavigation() {
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("nav-" + screen.name().toLowerCase(Locale.ROOT));
            button.getStyleClass().add("nav-item");
            button.textProperty().bind(i18n.text(screen.labelKey()));
            button.setGraphic(new FontIcon(screen.iconLiteral()));
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(i18n.text(screen.tooltipKey()));
            button.setTooltip(tooltip);
            button.setToggleGroup(navGroup);
            button.setUserData(screen);
            button.setMaxWidth(Double.MAX_VALUE);
            button.accessibleTextProperty().bind(button.textProperty());
            // a selected nav item stays selected: clicking it again does not leave the window without a screen
            button.setOnAction(event -> {
                button.setSelected(true);
                model.navigate(screen);
            });
            navButtons.put(screen, button);
            navBar.getChildren().add(button);
        }
        screens.whenBuilt(this::addView);
        model.screenProperty().addListener((obs, old, now) -> {
            screens.view(now);
            navButtons.get(now).setSelected(true);
        });
        screens.view(model.screenProperty().get());
        navButtons.get(model.screenProperty().get()).setSelected(true);
        // a field: a binding observes what it depends on weakly, so a local one could be collected and fall silent
        navigationCompact = Bindings.createBooleanBinding(
                () -> compactNavigation(root.getWidth(), lessons.openProperty().get()),
                root.widthProperty(), lessons.openProperty());
        navigationCompact.addListener((obs, old, now) -> showCompactNavigation(now));
        showCompactNavigation(navigationCompact.get());
    }

    /**
     * Below this width left to the screens (the window's less an open lesson panel's), the navigation shows only its
     * icons, so that at the window's least width with a lesson open the explorer's charts keep room to be read.
     */
    static final double FULL_NAVIGATION_MIN_WIDTH = 1000;
    /** The lesson panel's width (lessons.css). */
    static final double LESSON_PANEL_WIDTH = 310;

    /** Whether the navigation shows only its icons in a window this wide (in the UI scale's pixels). */
    private static boolean compactNavigation(double windowWidth, boolean lessonOpen) {
        double left = windowWidth - (lessonOpen ? LESSON_PANEL_WIDTH : 0);
        return windowWidth > 0 && left < FULL_NAVIGATION_MIN_WIDTH;
    }

    /** Icons only (each item's name in its tooltip and for screen readers), or icons with names and the app's name. */
    private void showCompactNavigation(boolean compact) {
        navBar.pseudoClassStateChanged(COMPACT, compact);
        for (Node header : List.of(appName, appTagline)) {
            header.setVisible(!compact);
            header.setManaged(!compact);
        }
        navButtons.values().forEach(button ->
                button.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
    }

    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    /** Puts a screen's view in the content area, shown while its screen is chosen. */
    private void addView(Screen screen, Node view) {
        view.visibleProperty().bind(model.screenProperty().isEqualTo(screen));
        view.managedProperty().bind(view.visibleProperty());
        content.getChildren().add(view);
    }

    /** Puts the lesson panel at the right of the screens (it shows itself while a lesson is open). */
    void showLessonPanel(Node panel) {
        root.setRight(panel);
    }

    /** Ctrl+1, Ctrl+2, Ctrl+3 switch screens, Alt+→ and Alt+← step through a lesson; installed once the scene exists. */
    void installShortcuts() {
        var accelerators = root.getScene().getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), lessons::next);
        accelerators.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), lessons::back);
        Screen[] order = Screen.values();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3};
        for (int i = 0; i < order.length && i < digits.length; i++) {
            Screen screen = order[i];
            root.getScene().getAccelerators().put(
                    new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> model.navigate(screen));
        }
    }

    private void bindFileMenu() {
        openItem.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        saveItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveAsItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        openItem.setOnAction(event -> files.open());
        saveItem.setOnAction(event -> files.save());
        saveAsItem.setOnAction(event -> files.saveAs());
        files.recentFiles().addListener((ListChangeListener<Path>) change ->
                buildRecentMenu());
        buildRecentMenu();
        fileMessageLabel.textProperty().bind(files.messageProperty());
        files.messageIsErrorProperty().addListener((obs, old, now) ->
                fileMessageLabel.pseudoClassStateChanged(ERROR, now));
    }

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private void buildRecentMenu() {
        recentMenu.getItems().clear();
        int index = 0;
        for (Path path : files.recentFiles()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setId("recent-" + index++);
            item.setOnAction(event -> files.openRecent(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void bindThemeMenu() {
        lightThemeItem.setUserData(Theme.LIGHT);
        darkThemeItem.setUserData(Theme.DARK);
        highContrastThemeItem.setUserData(Theme.HIGH_CONTRAST);
        lightThemeItem.setOnAction(event -> model.useTheme(Theme.LIGHT));
        darkThemeItem.setOnAction(event -> model.useTheme(Theme.DARK));
        highContrastThemeItem.setOnAction(event -> model.useTheme(Theme.HIGH_CONTRAST));
        for (int percent = 100; percent <= 200; percent += 25) {
            double scale = percent / 100.0;
            RadioMenuItem item = new RadioMenuItem(percent + "%");
            item.setId("scale-" + percent);
            item.setUserData(scale);
            item.setToggleGroup(scaleGroup);
            item.setOnAction(event -> model.useScale(scale));
            scaleMenu.getItems().add(item);
        }
        selectByUserData(scaleGroup, model.uiScaleProperty().get());
        model.uiScaleProperty().addListener((obs, old, now) -> selectByUserData(scaleGroup, now.doubleValue()));
        fullScreenItem.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreenItem.selectedProperty().bindBidirectional(model.fullScreenProperty());
        selectByUserData(themeGroup, model.themeProperty().get());
        model.themeProperty().addListener((obs, old, now) -> selectByUserData(themeGroup, now));
    }

    private void buildLanguageMenu() {
        for (Language language : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(language.nativeName());
            item.setId("language-" + language.tag());
            item.setUserData(language);
            item.setToggleGroup(languageGroup);
            item.setOnAction(event -> model.useLanguage(language));
            languageMenu.getItems().add(item);
        }
        selectByUserData(languageGroup, model.languageProperty().get());
        model.languageProperty().addListener((obs, old, now) -> selectByUserData(languageGroup, now));
        languageStatusLabel.textProperty().bind(i18n.format("status_language",
                Bindings.createStringBinding(() -> model.languageProperty().get().nativeName(),
                        model.languageProperty())));
    }

    private static void selectByUserData(ToggleGroup group, Object value) {
        group.getToggles().stream()
                .filter(toggle -> value.equals(toggle.getUserData()))
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    private void bindStatusBar() {
        var status = engineStatus;
        engineStatusLabel.textProperty().bind(Bindings.createStringBinding(
                () -> describe(status.getValue()), status, i18n.table()));
        engineHintLabel.textProperty().bind(Bindings.createStringBinding(
                () -> hint(status.getValue()), status, i18n.table()));
        engineSpinner.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> status.getValue().state() == EngineState.LOADING, status));
        engineSpinner.managedProperty().bind(engineSpinner.visibleProperty());
        engineDot.visibleProperty().bind(engineSpinner.visibleProperty().not());
        engineDot.managedProperty().bind(engineDot.visibleProperty());
        status.addListener((obs, old, now) -> styleDot(now));
        styleDot(status.getValue());
    }

    private void styleDot(EngineStatus status) {
        engineDot.getStyleClass().removeAll("loading", "ready", "failed");
        switch (status.state()) {
            case LOADING -> engineDot.getStyleClass().add("loading");
            case READY -> engineDot.getStyleClass().add("ready");
            case FAILED -> engineDot.getStyleClass().add("failed");
            default -> { }
        }
    }

    private String describe(EngineStatus status) {
        return switch (status.state()) {
            case NOT_STARTED -> i18n.get("status_engine_not_started");
            case LOADING -> i18n.get("status_engine_loading");
            case READY -> {
                EngineInfo info = status.info().orElseThrow();
                String device = info.gpu() ? info.deviceName() : i18n.get("device_cpu");
                yield i18n.formatNow("status_engine_ready", device, info.engineVersion());
            }
            case FAILED -> i18n.formatNow("status_engine_failed", status.failure().orElse("?"));
        };
    }

    private String hint(EngineStatus status) {
        if (status.state() == EngineState.FAILED) {
            return i18n.get("status_engine_failed_hint");
        }
        if (status.isReady() && status.info().orElseThrow().gpuPresentButUnused()) {
            return i18n.get("status_gpu_unused");
        }
        return "";
    }

    @FXML
    private void quit() {
        model.quit();
    }

    @FXML
    private void toggleLessons() {
        lessons.toggle();
    }

    @FXML
    private void showAbout() {
        model.navigate(Screen.ABOUT);
    }
}
