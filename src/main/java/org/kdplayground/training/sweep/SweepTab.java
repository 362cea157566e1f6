package org.kdplayground.training.sweep;

import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import org.kdplayground.engine.ModelRole;
import org.kdplayground.engine.SweepAxis;
import org.kdplayground.engine.SweepMeasure;
import org.kdplayground.engine.SweepRow;
import org.kdplayground.engine.SweptSetting;
import org.kdplayground.training.live.Roles;
import org.kdplayground.training.setup.FieldBinding;
import org.kdplayground.ui.I18n;
import org.kdplayground.ui.Tooltips;
import org.kdplayground.ui.ToggleChoice;

/**
 * The sweep tab: the setting to vary and its values, the seeds, Start and Cancel, its progress, and the chosen
 * measure (accuracy, agreement, ECE) against the setting.
 */
public final class SweepTab {

    /**
     * The tab's controls, from the screen's FXML.
     *
     * @param measures one toggle per {@link SweepMeasure}, in its order
     */
    public record Controls(ChoiceBox<SweptSetting> setting, TextField values, TextField seeds, Button start,
                           Button cancel, Label status, Label varyLabel, List<ToggleButton> measures,
                           SweepChart chart) {
    }

    private final SweepModel sweep;
    private final I18n i18n;

    public SweepTab(SweepModel sweep, I18n i18n, FieldBinding fields, Controls c) {
        this.sweep = sweep;
        this.i18n = i18n;
        c.setting().getItems().setAll(SweptSetting.values());
        c.setting().valueProperty().bindBidirectional(sweep.settingProperty());
        Runnable relabel = () -> c.setting().setConverter(new StringConverter<>() {
            @Override
            public String toString(SweptSetting value) {
                return value == null ? "" : i18n.get(SweepModel.nameKey(value));
            }

            @Override
            public SweptSetting fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        relabel.run();
        i18n.table().addListener((InvalidationListener) ignored -> relabel.run());
        c.setting().disableProperty().bind(sweep.busyProperty());
        fields.bind(c.values(), sweep.values);
        fields.bind(c.seeds(), sweep.seeds);
        c.start().disableProperty().bind(sweep.canStartProperty().not());
        c.start().setOnAction(e -> sweep.start());
        c.cancel().disableProperty().bind(sweep.busyProperty().not());
        c.cancel().setOnAction(e -> sweep.cancel());
        // while the list or the seeds are invalid, the status says why the sweep cannot start
        StringBinding valuesProblem = fields.problemText(sweep.values);
        StringBinding seedsProblem = fields.problemText(sweep.seeds);
        c.status().textProperty().bind(Bindings.createStringBinding(() -> !valuesProblem.get().isEmpty()
                        ? valuesProblem.get() : !seedsProblem.get().isEmpty() ? seedsProblem.get()
                        : sweep.statusProperty().get(), valuesProblem, seedsProblem, sweep.statusProperty()));
        // what a sweep of the chosen setting trains, on hover over the choice
        Tooltip note = Tooltips.wrapping(Bindings.createStringBinding(() -> note(sweep.settingProperty().get()),
                sweep.settingProperty(), i18n.table()));
        c.setting().setTooltip(note);
        c.varyLabel().setTooltip(note);
        for (ModelRole role : ModelRole.values()) {
            c.chart().labelProperty(role).bind(i18n.text(Roles.nameKey(role)));
        }
        ToggleChoice.bind(c.measures(), List.of(SweepMeasure.values()), sweep.measureProperty());
        sweep.measureProperty().addListener((obs, old, now) -> c.chart().setMeasure(now));
        c.chart().setMeasure(sweep.measureProperty().get());
        // the chart's axis names the setting of the sweep it shows, or the chosen one before any
        c.chart().xLabelProperty().bind(Bindings.createStringBinding(() -> {
            SweepAxis shown = sweep.plannedAxisProperty().get();
            return i18n.get(SweepModel.nameKey(shown != null ? shown.setting() : sweep.settingProperty().get()));
        }, sweep.plannedAxisProperty(), sweep.settingProperty(), i18n.table()));
        sweep.rows().addListener((ListChangeListener<SweepRow>) change -> c.chart().setRows(List.copyOf(sweep.rows())));
        sweep.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                c.chart().setRows(now.rows());
            }
        });
    }

    /** What a sweep of this setting trains, on hover over the setting. */
    private String note(SweptSetting setting) {
        String teacher = i18n.get(setting.changesTheTeacher() ? "sweep_note_own_teacher" : "sweep_note_shared_teacher");
        String dkd = setting == SweptSetting.DKD_BETA ? i18n.get("sweep_note_dkd") : "";
        return i18n.formatNow("sweep_note", teacher, dkd);
    }
}
