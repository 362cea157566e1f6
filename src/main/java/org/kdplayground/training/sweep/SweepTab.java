package org.kdplayground.training.sweep;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.kdplayground.engine.SweepRow;
import org.kdplayground.training.setup.FieldBinding;
import org.kdplayground.ui.I18n;

/** The sweep tab: its temperatures and seeds, Start and Cancel, its progress, and accuracy against T. */
public final class SweepTab {

    /** The tab's controls, from the screen's FXML. */
    public record Controls(TextField temperatures, TextField seeds, Button start, Button cancel, Label status,
                           SweepChart chart) {
    }

    public SweepTab(SweepModel sweep, I18n i18n, FieldBinding fields, Controls c) {
        fields.bind(c.temperatures(), sweep.temperatures);
        fields.bind(c.seeds(), sweep.seeds);
        c.start().disableProperty().bind(sweep.canStartProperty().not());
        c.start().setOnAction(e -> sweep.start());
        c.cancel().disableProperty().bind(sweep.busyProperty().not());
        c.cancel().setOnAction(e -> sweep.cancel());
        c.status().textProperty().bind(sweep.statusProperty());
        c.chart().distilledLabelProperty().bind(i18n.text("series_distilled"));
        c.chart().baselineLabelProperty().bind(i18n.text("series_baseline"));
        c.chart().teacherLabelProperty().bind(i18n.text("series_teacher"));
        c.chart().xLabelProperty().bind(i18n.text("sweep_x_label"));
        sweep.rows().addListener((ListChangeListener<SweepRow>) change -> c.chart().setRows(List.copyOf(sweep.rows())));
        sweep.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                c.chart().setResult(now);
            }
        });
    }
}
