package org.kdplayground.training.learned;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.training.live.LiveMetrics;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.ProbabilityBarChart;
import org.kdplayground.ui.TreeVisibility;

/**
 * The examples tab: a strip of test images with what each network predicts, and for the one clicked, the teacher's
 * and the distilled student's probabilities at the run's T, with a way to take it apart in the explorer.
 */
public final class ExamplesTab {

    /** The tab's controls, from the screen's FXML. */
    public record Controls(StackPane stripHolder, Label note, HBox detail, Label teacherTitle, Label studentTitle,
                           ProbabilityBarChart teacherChart, ProbabilityBarChart studentChart, Button openInExplorer) {
    }

    private final ExampleSelection selection;
    private final LiveMetrics live;
    private final Controls controls;
    private final ExampleStrip strip = new ExampleStrip();

    public ExamplesTab(ExampleSelection selection, LiveMetrics live, I18n i18n, Controls controls) {
        this.selection = selection;
        this.live = live;
        this.controls = controls;
        strip.setId("exampleStrip");
        controls.stripHolder().getChildren().add(strip);
        strip.setOnSelect(index -> selection.selectedProperty().set(index));
        selection.selectedProperty().addListener((obs, old, now) -> refresh());
        controls.note().textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                live.strip().length == 0 ? "training_examples_none" : "training_examples_note"),
                live.revisionProperty(), i18n.table()));
        // the bars were computed at the run's T, whatever the set-up says now
        controls.teacherTitle().textProperty().bind(i18n.format("training_example_teacher",
                selection.runTemperatureProperty()));
        controls.studentTitle().textProperty().bind(i18n.format("training_example_student",
                selection.runTemperatureProperty()));
        controls.detail().visibleProperty().bind(selection.selectedProperty().greaterThanOrEqualTo(0));
        controls.openInExplorer().disableProperty().bind(selection.selectedProperty().lessThan(0));
        controls.openInExplorer().setOnAction(e -> selection.openInExplorer());
    }

    /** Draws the strip and the selected example's bars anew; in a hidden tab, when the tab is shown (refresh again). */
    public void refresh() {
        if (!TreeVisibility.visible(controls.stripHolder())) {
            return;
        }
        strip.show(live.testExamples(), live.strip(), live.stripLogits(), selection.selectedProperty().get());
        double[] teacher = selection.probabilities(ModelRole.TEACHER);
        double[] student = selection.probabilities(ModelRole.DISTILLED);
        if (teacher != null && student != null) {
            int label = live.testExamples().labels()[live.strip()[selection.selectedProperty().get()]];
            for (ProbabilityBarChart chart : new ProbabilityBarChart[] {controls.teacherChart(),
                    controls.studentChart()}) {
                chart.labelsProperty().set(live.classNames());
                chart.markedIndexProperty().set(label);
            }
            controls.teacherChart().setValues(teacher);
            controls.studentChart().setValues(student);
        }
    }
}
