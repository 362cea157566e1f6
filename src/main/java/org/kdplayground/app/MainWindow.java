package org.kdplayground.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Callback;

import org.kdplayground.about.AboutController;
import org.kdplayground.about.AboutModel;
import org.kdplayground.engine.EngineService;
import org.kdplayground.explorer.ExplorerController;
import org.kdplayground.explorer.ExplorerModel;
import org.kdplayground.lessons.LessonsController;
import org.kdplayground.lessons.LessonsModel;
import org.kdplayground.training.TrainingController;
import org.kdplayground.training.TrainingModel;
import org.kdplayground.ui.EngineStatusModel;
import org.kdplayground.ui.FontPolicy;
import org.kdplayground.ui.I18n;
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
    private final EngineStatusModel engineStatus = new EngineStatusModel();
    private final ThemeManager themeManager;
    private final EngineService engine;
    private final ExplorerModel explorer;
    private final TrainingModel training;
    private final LessonsModel lessons;

    private MainWindow(Stage stage, AppSettings settings, EngineService engine) {
        this.stage = Objects.requireNonNull(stage);
        this.settings = Objects.requireNonNull(settings);
        this.engine = Objects.requireNonNull(engine);
        this.i18n = new I18n(settings.language());
        this.model = new MainModel(i18n, settings.theme(), stage::close);
        this.explorer = new ExplorerModel(i18n);
        this.training = new TrainingModel(i18n, engine, engineStatus, example -> {
            explorer.showExample(example);
            model.navigate(Screen.EXPLORER);
        });
        this.lessons = LessonsModel.withAllLessons(i18n, new ScreensLessonStage(model, explorer, training));

        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        ViewLoader loader = new ViewLoader(i18n, controllerFactory(screens));
        screens.put(Screen.EXPLORER, loader.load(ExplorerController.class).root());
        screens.put(Screen.DISTILLATION, loader.load(TrainingController.class).root());
        screens.put(Screen.ABOUT, loader.load(AboutController.class).root());
        Node lessonPanel = loader.load(LessonsController.class).root();
        ViewLoader.View<MainWindowController> main = loader.load(MainWindowController.class);
        main.controller().showLessonPanel(lessonPanel);

        Scene scene = new Scene(main.root(), settings.windowWidth(), settings.windowHeight());
        main.controller().installShortcuts();
        themeManager = new ThemeManager(scene, FontPolicy.ofSystem());
        themeManager.apply(model.themeProperty().get(), i18n.getLanguage());
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

        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app_title"));
        stage.setMinWidth(AppSettings.MIN_WIDTH);
        stage.setMinHeight(AppSettings.MIN_HEIGHT);
        stage.setMaximized(settings.windowMaximized());
        stage.setOnHidden(event -> rememberWindow());

        engineStatus.follow(engine);
    }

    /** Builds the window on the given stage (not shown yet). */
    static MainWindow create(Stage stage, AppSettings settings, EngineService engine) {
        return new MainWindow(stage, settings, engine);
    }

    private Callback<Class<?>, Object> controllerFactory(Map<Screen, Node> screens) {
        return type -> {
            if (type == MainWindowController.class) {
                return new MainWindowController(model, i18n, engineStatus, screens, lessons);
            }
            if (type == AboutController.class) {
                return new AboutController(new AboutModel(i18n, engineStatus));
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

    TrainingModel training() {
        return training;
    }

    LessonsModel lessons() {
        return lessons;
    }

    EngineStatusModel engineStatus() {
        return engineStatus;
    }
}
