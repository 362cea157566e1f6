package org.kdplayground.training.setup.drawing;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.kdplayground.data.DatasetCatalog;
import org.kdplayground.data.DrawnPoints;
import org.kdplayground.training.learned.ClassPalette;
import org.kdplayground.training.setup.DatasetNames;
import org.kdplayground.training.setup.SetupField;
import org.kdplayground.ui.I18n;

/**
 * The Draw tool, a small window over the training screen: the plane to draw on and, beside it, the classes (2 to 6,
 * the class palette's colours), the eraser, Clear, Start from a synthetic set, how many points there are and what the
 * drawing still lacks. "Use these points" hands the drawing to the set-up.
 */
public final class DrawingDialog {

    private final I18n i18n;
    private final DrawingModel model;
    private final Consumer<DrawnPoints> onUse;
    private final BorderPane root = new BorderPane();
    private final FlowPane classButtons = new FlowPane(6, 6);
    private final ToggleGroup classGroup = new ToggleGroup();
    private Stage stage;

    public DrawingDialog(I18n i18n, DrawnPoints start, Consumer<DrawnPoints> onUse) {
        this.i18n = i18n;
        this.model = new DrawingModel(start);
        this.onUse = onUse;
        build();
    }

    public DrawingModel model() {
        return model;
    }

    /** The dialog's content (the window's root; tests show it in a stage of their own). */
    public Parent content() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("drawing-dialog");
        root.setPadding(new Insets(12));
        DrawingCanvas canvas = new DrawingCanvas(model);
        canvas.setId("drawing-canvas");
        root.setCenter(canvas);
        Label hint = label("drawing_hint");
        hint.setWrapText(true);
        hint.setMaxWidth(240);
        Spinner<Integer> count = new Spinner<>(2, DrawnPoints.MAX_CLASSES, model.classCountProperty().get());
        count.setId("drawing-class-count");
        count.setEditable(false);
        count.setMaxWidth(90);
        count.valueProperty().addListener((obs, old, now) -> model.classCountProperty().set(now));
        model.classCountProperty().addListener((obs, old, now) -> {
            count.getValueFactory().setValue(now.intValue());
            refreshClassButtons();
        });
        refreshClassButtons();
        ToggleButton eraser = new ToggleButton();
        eraser.setId("drawing-eraser");
        eraser.textProperty().bind(i18n.text("drawing_eraser"));
        eraser.selectedProperty().bindBidirectional(model.eraserProperty());
        Button clear = new Button();
        clear.setId("drawing-clear");
        clear.textProperty().bind(i18n.text("drawing_clear"));
        clear.setOnAction(e -> model.clear());
        ComboBox<DatasetCatalog> startFrom = new ComboBox<>();
        startFrom.setId("drawing-start-from");
        startFrom.getItems().setAll(List.of(DatasetCatalog.TWO_MOONS, DatasetCatalog.SPIRALS,
                DatasetCatalog.CIRCLES, DatasetCatalog.BLOBS, DatasetCatalog.XOR));
        startFrom.setValue(DatasetCatalog.TWO_MOONS);
        startFrom.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetCatalog data) {
                return data == null ? "" : i18n.get(DatasetNames.key(data));
            }

            @Override
            public DatasetCatalog fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        Button copy = new Button();
        copy.setId("drawing-start-from-button");
        copy.textProperty().bind(i18n.text("drawing_start_from_button"));
        copy.setOnAction(e -> model.startFrom(startFrom.getValue()));
        Label pointCount = new Label();
        pointCount.setId("drawing-count");
        pointCount.textProperty().bind(Bindings.createStringBinding(() -> i18n.formatNow("drawing_count",
                model.pointsProperty().get().size()), model.pointsProperty(), i18n.table()));
        Label problem = new Label();
        problem.setId("drawing-problem");
        problem.getStyleClass().add("setup-error");
        problem.setWrapText(true);
        problem.setMaxWidth(240);
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            SetupField.Problem p = model.problemProperty().get();
            return p == null ? "" : i18n.formatNow(p.key(), p.args());
        }, model.problemProperty(), i18n.table()));
        Button use = new Button();
        use.setId("drawing-use");
        use.setDefaultButton(true);
        use.textProperty().bind(i18n.text("drawing_use"));
        use.setOnAction(e -> {
            onUse.accept(model.pointsProperty().get());
            close();
        });
        Button cancel = new Button();
        cancel.setId("drawing-cancel");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(i18n.text("drawing_cancel"));
        cancel.setOnAction(e -> close());
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox side = new VBox(8, hint, heading("drawing_classes"), count, classButtons, new HBox(6, eraser, clear),
                heading("drawing_start_from"), startFrom, copy, pointCount, problem, grow, new HBox(6, use, cancel));
        side.setPadding(new Insets(0, 0, 0, 12));
        side.setPrefWidth(260);
        root.setRight(side);
    }

    private void refreshClassButtons() {
        classButtons.getChildren().clear();
        classGroup.getToggles().clear();
        for (int c = 0; c < model.classCountProperty().get(); c++) {
            int cls = c;
            ToggleButton button = new ToggleButton();
            button.setId("drawing-class-" + c);
            button.textProperty().bind(i18n.format("drawing_class", c));
            button.setGraphic(new Circle(6, ClassPalette.of(c)));
            button.setToggleGroup(classGroup);
            button.setSelected(c == model.chosenClassProperty().get());
            button.setOnAction(e -> {
                model.chosenClassProperty().set(cls);
                model.eraserProperty().set(false);
                button.setSelected(true);
            });
            classButtons.getChildren().add(button);
        }
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        return label;
    }

    private Label heading(String key) {
        Label label = label(key);
        label.getStyleClass().add("setup-heading");
        return label;
    }

    /** Opens the tool over {@code owner}, styled as its scene is. */
    public void show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(i18n.text("drawing_title"));
        Scene scene = new Scene(root, 760, 500);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            for (PseudoClass state : owner.getScene().getRoot().getPseudoClassStates()) {
                root.pseudoClassStateChanged(state, true);
            }
        }
        stage.setScene(scene);
        stage.show();
    }

    private void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
