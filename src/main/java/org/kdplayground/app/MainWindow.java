package org.kdplayground.app;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.InputEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Callback;
import javafx.util.Duration;

import org.kdplayground.about.AboutController;
import org.kdplayground.about.AboutModel;
import org.kdplayground.engine.EngineService;
import org.kdplayground.engine.EngineStatus;
import org.kdplayground.explorer.ExplorerController;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.io.Workspace;
import org.kdplayground.lessons.LessonsController;
import org.kdplayground.lessons.LessonsModel;
import org.kdplayground.training.TrainingController;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.training.TrainingRehearsal;
import org.kdplayground.ui.FirstWindow;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.LatestValue;
import org.kdplayground.ui.ScaledPane;
import org.kdplayground.ui.TaskExecutor;
import org.kdplayground.ui.ThemeManager;
import org.kdplayground.ui.ViewLoader;

/**
 * Wires the main window: settings, translations, theme, the screens and the engine's status. Everything the
 * screens need is made here and handed to them; nothing imports this package.
 */
final class MainWindow {

    private final Stage stage;
    private final AppSettings settings;
    private final I18n i18n;
    private final MainModel model;
    private final LatestValue<EngineStatus> engineStatus = new LatestValue<>(EngineStatus.notStarted());
    private final ThemeManager themeManager;
    private final EngineService engine;
    private final ExplorerModel explorer;
    private final TrainingModel training;
    private final WorkspaceFiles files;
    private final LessonsModel lessons;
    private final ScreenViews screens;
    /** Where the session's rehearsal is; null before it is made (the rehearsal itself is let go when it ends). */
    private TrainingRehearsal.State rehearsalState;

    /** {@code -Dkdplayground.rehearsal=false} leaves out the training screen's rehearsal run. */
    static final String REHEARSAL_PROPERTY = "kdplayground.rehearsal";
    /** The rehearsal waits for this long without input from the user, after the engine is ready. */
    static final Duration REHEARSAL_DELAY = Duration.seconds(1);

    private MainWindow(Stage stage, AppSettings settings, EngineService engine) {
        this.stage = Objects.requireNonNull(stage);
        this.settings = Objects.requireNonNull(settings);
        this.engine = Objects.requireNonNull(engine);
        this.i18n = new I18n(settings.language());
        this.model = new MainModel(i18n, settings.theme(), this::closeIfAllowed);
        this.explorer = new ExplorerModel(i18n);
        this.training = new TrainingModel(i18n, TaskExecutor.on(engine), engineStatus.valueProperty(), example -> {
            explorer.showExample(example);
            model.navigate(Screen.EXPLORER);
        });
        List<Observable> inputs = new ArrayList<>(explorer.workspaceInputs());
        inputs.addAll(training.workspaceInputs());
        FileDialogs dialogs = new FileDialogs(stage, i18n);
        this.files = new WorkspaceFiles(i18n, settings, this::snapshot, this::check, this::restore, inputs,
                dialogs, dialogs);
        this.lessons = LessonsModel.withAllLessons(i18n, new ScreensLessonStage(model, explorer, training));

        ViewLoader loader = new ViewLoader(i18n, controllerFactory());
        Map<Screen, Supplier<? extends Node>> builders = new EnumMap<>(Screen.class);
        builders.put(Screen.EXPLORER, () -> loader.load(ExplorerController.class).root());
        builders.put(Screen.DISTILLATION, () -> loader.load(TrainingController.class).root());
        builders.put(Screen.ABOUT, () -> loader.load(AboutController.class).root());
        // the screen shown first is built now, the others when first shown
        this.screens = new ScreenViews(builders);
        screens.view(model.screenProperty().get());
        ViewLoader.View<MainWindowController> main = loader.load(MainWindowController.class);
        // the lesson panel is hidden until a lesson opens: in the app's first window it is made once that is on screen
        FirstWindow.afterShown(() -> main.controller().showLessonPanel(loader.load(LessonsController.class).root()));

        ScaledPane scaled = new ScaledPane(main.root());
        model.uiScaleProperty().set(settings.uiScale());
        scaled.scaleProperty().bind(model.uiScaleProperty());
        model.uiScaleProperty().addListener((obs, old, now) -> {
            settings.setUiScale(now.doubleValue());
            settings.save();
        });
        Scene scene = new Scene(scaled, settings.windowWidth(), settings.windowHeight());
        main.controller().installShortcuts();
        themeManager = new ThemeManager(scene, FontPolicy.ofSystem());
        themeManager.setUiScale(model.uiScaleProperty().get());
        themeManager.apply(model.themeProperty().get(), i18n.getLanguage());
        model.uiScaleProperty().addListener((obs, old, now) -> themeManager.setUiScale(now.doubleValue()));
        model.themeProperty().addListener((obs, old, now) -> {
            themeManager.apply(now, i18n.getLanguage());
            settings.setTheme(now);
            settings.save();
        });
        i18n.languageProperty().addListener((obs, old, now) -> {
            themeManager.apply(model.themeProperty().get(), now);
            settings.setLanguage(now);
            settings.save();
        });
        training.speedProperty().set(settings.runSpeed());
        training.speedProperty().addListener((obs, old, now) -> {
            settings.setRunSpeed(now);
            settings.save();
        });

        stage.setScene(scene);
        stage.getIcons().setAll(appIcons());
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, files.fileProperty(),
                files.dirtyProperty(), i18n.table()));
        stage.setOnCloseRequest(event -> {
            if (!files.mayDiscardChanges()) {
                event.consume();
            }
        });
        scene.setOnDragOver(event -> {
            if (WorkspaceFiles.droppable(event.getDragboard().getFiles()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            var dropped = WorkspaceFiles.droppable(event.getDragboard().getFiles());
            event.setDropCompleted(dropped.isPresent());
            event.consume();
            // opened after the drop returns, so a dialog it may show does not block the drag source
            dropped.ifPresent(path -> Platform.runLater(() -> files.open(path)));
        });
        stage.setMinWidth(AppSettings.MIN_WIDTH);
        stage.setMinHeight(AppSettings.MIN_HEIGHT);
        stage.setMaximized(settings.windowMaximized());
        stage.setOnHidden(event -> rememberWindow());
        stage.fullScreenExitHintProperty().bind(i18n.text("full_screen_exit_hint"));
        model.fullScreenProperty().addListener((obs, old, now) -> stage.setFullScreen(now));
        stage.fullScreenProperty().addListener((obs, old, now) -> model.fullScreenProperty().set(now));

        engine.addStatusListener(engineStatus::publish);
    }

    /**
     * The app icon in the sizes window managers pick from (task bar, title bar, Alt+Tab), decoded on JavaFX's
     * background loader: six PNGs decoded on the FX thread were about a tenth of the window build's Java samples; the
     * window manager takes each size when it is ready.
     */
    static List<Image> appIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL resource = MainWindow.class.getResource("/org/kdplayground/icons/kd-playground-" + size + ".png");
            if (resource != null) { // a missing icon leaves the platform's default; nothing else depends on it
                icons.add(new Image(resource.toExternalForm(), true));
            }
        }
        return icons;
    }

    /**
     * Once the engine is ready and then the user has left mouse and keyboard alone for {@link #REHEARSAL_DELAY},
     * trains the training screen's rehearsal run, unseen, so the user's first run is drawn warm
     * ({@link TrainingRehearsal}). Its first frame draws a whole training screen for the first time, which takes a
     * noticeable moment: in a quiet second, it holds up no drag. It gives way to the user's own runs. Not with
     * {@code -Dkdplayground.rehearsal=false}.
     */
    void rehearseTrainingWhenReady() {
        if (!Boolean.parseBoolean(System.getProperty(REHEARSAL_PROPERTY, "true"))) {
            return;
        }
        engine.whenReady().thenRun(() -> Platform.runLater(() -> {
            Scene scene = stage.getScene();
            PauseTransition quiet = new PauseTransition(REHEARSAL_DELAY);
            EventHandler<InputEvent> userActs = event -> quiet.playFromStart();
            scene.addEventFilter(InputEvent.ANY, userActs);
            quiet.setOnFinished(e -> {
                scene.removeEventFilter(InputEvent.ANY, userActs);
                rehearseTraining();
            });
            quiet.play();
        }));
    }

    /** Trains the rehearsal run now (once a session). */
    void rehearseTraining() {
        if (rehearsalState != null) {
            return;
        }
        Scene scene = stage.getScene();
        // the user's training screen, unseen until it is first shown, is built in the same quiet moment: its locked
        // styles are warmed when the rehearsal ends, and switching to it is instant
        Node trainingScreen = screens.view(Screen.DISTILLATION);
        TrainingRehearsal run = new TrainingRehearsal(i18n.getLanguage(), TaskExecutor.on(engine),
                engineStatus.valueProperty(),
                themeManager::styleAlike, training, trainingScreen, scene.getWidth(), scene.getHeight());
        run.stateProperty().addListener((obs, was, now) -> rehearsalState = now);
        rehearsalState = run.getState();
        run.start();
    }

    /** Where the session's rehearsal is, or null before it is made. */
    TrainingRehearsal.State rehearsalState() {
        return rehearsalState;
    }

    /** Builds the window on the given stage (not shown yet). */
    static MainWindow create(Stage stage, AppSettings settings, EngineService engine) {
        return new MainWindow(stage, settings, engine);
    }

    private Callback<Class<?>, Object> controllerFactory() {
        return type -> {
            if (type == MainWindowController.class) {
                return new MainWindowController(model, files, i18n, engineStatus.valueProperty(), screens, lessons);
            }
            if (type == AboutController.class) {
                return new AboutController(new AboutModel(i18n, engineStatus.valueProperty()));
            }
            if (type == ExplorerController.class) {
                return new ExplorerController(explorer, i18n);
            }
            if (type == TrainingController.class) {
                return new TrainingController(training, i18n);
            }
            if (type == LessonsController.class) {
                return new LessonsController(lessons, i18n);
            }
            throw new IllegalArgumentException("no controller factory for " + type.getName());
        };
    }

    private Workspace snapshot() {
        return new Workspace(explorer.snapshot(), training.setupSnapshot(), training.sweepSnapshot());
    }

    private void check(Workspace workspace) {
        ExplorerModel.check(workspace.explorer());
        training.check(workspace.training(), workspace.sweep());
    }

    private void restore(Workspace workspace) {
        check(workspace);
        explorer.restore(workspace.explorer());
        training.restore(workspace.training(), workspace.sweep());
    }

    private String title() {
        Path file = files.fileProperty().get();
        boolean dirty = files.dirtyProperty().get();
        if (file == null) {
            return dirty ? i18n.get("window_title_untitled_dirty") : i18n.get("app_title");
        }
        String name = String.valueOf(file.getFileName());
        return dirty ? i18n.formatNow("window_title_file_dirty", name) : i18n.formatNow("window_title_file", name);
    }

    private void closeIfAllowed() {
        if (files.mayDiscardChanges()) {
            stage.close();
        }
    }

    void rememberWindow() {
        if (stage.isMaximized()) {
            settings.setWindow(settings.windowWidth(), settings.windowHeight(), true);
        } else {
            settings.setWindow(stage.getWidth(), stage.getHeight(), false);
        }
        settings.save();
    }

    Stage stage() {
        return stage;
    }

    MainModel model() {
        return model;
    }

    I18n i18n() {
        return i18n;
    }

    ExplorerModel explorer() {
        return explorer;
    }

    WorkspaceFiles files() {
        return files;
    }

    TrainingModel training() {
        return training;
    }

    LessonsModel lessons() {
        return lessons;
    }

    ObservableValue<EngineStatus> engineStatus() {
        return engineStatus.valueProperty();
    }
}
