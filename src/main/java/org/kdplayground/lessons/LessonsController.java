package org.kdplayground.lessons;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import org.kdplayground.ui.FormulaView;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Tooltips;

/** Binds the lesson panel to the {@link LessonsModel}; holds no state of its own. */
public final class LessonsController {

    private final LessonsModel model;
    private final I18n i18n;

    @FXML private VBox lessonPanel;
    @FXML private ComboBox<Lesson> lessonChooser;
    @FXML private Label stepTitle;
    @FXML private Label stepText;
    @FXML private ScrollPane stepScroll;
    @FXML private FormulaView formula;
    @FXML private Button runButton;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Label counterLabel;

    public LessonsController(LessonsModel model, I18n i18n) {
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
    }

    @FXML
    private void initialize() {
        lessonPanel.visibleProperty().bind(model.openProperty());
        lessonPanel.managedProperty().bind(lessonPanel.visibleProperty());
        buildChooser();
        stepTitle.textProperty().bind(model.titleProperty());
        stepText.textProperty().bind(model.textProperty());
        formula.texProperty().bind(Bindings.createStringBinding(() -> model.getStep().tex(), model.stepProperty()));
        formula.visibleProperty().bind(formula.texProperty().isNotEmpty());
        formula.managedProperty().bind(formula.visibleProperty());
        formula.sizeProperty().set(21);
        counterLabel.textProperty().bind(model.counterProperty());
        backButton.disableProperty().bind(model.canGoBackProperty().not());
        nextButton.disableProperty().bind(model.canGoNextProperty().not());
        runButton.textProperty().bind(Bindings.createStringBinding(() -> switch (model.getStep().run()) {
            case SWEEP -> i18n.get("lessons_start_sweep");
            case TRAINING, NONE -> i18n.get("lessons_start_run");
        }, model.stepProperty(), i18n.table()));
        runButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.getStep().run() != LessonStep.Run.NONE, model.stepProperty()));
        runButton.managedProperty().bind(runButton.visibleProperty());
        model.stepProperty().addListener((obs, old, now) -> stepScroll.setVvalue(0));
    }

    private void buildChooser() {
        lessonChooser.getItems().setAll(model.lessons());
        lessonChooser.setCellFactory(list -> new LessonCell());
        lessonChooser.setButtonCell(new LessonCell());
        // the panel's width cuts a long title short: the whole of it on hovering
        lessonChooser.setTooltip(Tooltips.wrapping(Bindings.createStringBinding(
                () -> itemText(lessonChooser.getValue()), lessonChooser.valueProperty(), i18n.languageProperty())));
        lessonChooser.getSelectionModel().select(model.getLesson());
        lessonChooser.setOnAction(event -> {
            Lesson chosen = lessonChooser.getValue();
            if (chosen != null && chosen != model.getLesson()) {
                model.open(chosen);
            }
        });
        model.lessonProperty().addListener((obs, old, now) -> lessonChooser.getSelectionModel().select(now));
        // the cells show titles in the current language
        i18n.languageProperty().addListener((obs, old, now) -> {
            lessonChooser.getItems().setAll(model.lessons());
            lessonChooser.getSelectionModel().select(model.getLesson());
        });
    }

    /** "3. Title" in the current language; null for no lesson. */
    private String itemText(Lesson lesson) {
        if (lesson == null) {
            return null;
        }
        int number = model.lessons().indexOf(lesson) + 1;
        return i18n.formatNow("lessons_chooser_item", number, i18n.get(lesson.titleKey()));
    }

    private final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson lesson, boolean empty) {
            super.updateItem(lesson, empty);
            setText(empty ? null : itemText(lesson));
        }
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void close() {
        model.close();
    }

    @FXML
    private void startRun() {
        model.startRun();
    }
}
