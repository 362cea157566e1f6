package org.kdplayground.training.setup;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.kdplayground.engine.RunSettings;

/**
 * The class left out of the students' training ({@link RunSettings#NO_OMITTED_CLASS}: none): a choice among the
 * set-up's classes, offered as none then every class, and a problem when the data set has no such class (fewer blobs,
 * another data set).
 */
final class OmittedClassChoice {

    private final ObjectProperty<Integer> chosen = new SimpleObjectProperty<>(this, "omittedClass",
            RunSettings.NO_OMITTED_CLASS);
    private final ReadOnlyObjectWrapper<SetupField.Problem> problem =
            new ReadOnlyObjectWrapper<>(this, "omittedClassProblem");
    private final ObservableList<Integer> choices = FXCollections.observableArrayList();
    private final IntegerBinding classCount;

    OmittedClassChoice(IntegerBinding classCount) {
        this.classCount = classCount;
        problem.bind(Bindings.createObjectBinding(() -> {
            Integer omitted = chosen.get();
            return omitted == null || omitted < classCount.get() ? null
                    : new SetupField.Problem("setup_error_omitted_class", omitted);
        }, chosen, classCount));
        classCount.addListener((obs, old, now) -> refreshChoices());
        refreshChoices();
    }

    private void refreshChoices() {
        List<Integer> now = new ArrayList<>();
        now.add(RunSettings.NO_OMITTED_CLASS);
        for (int c = 0; c < classCount.get(); c++) {
            now.add(c);
        }
        if (!now.equals(choices)) {
            choices.setAll(now);
        }
    }

    ObjectProperty<Integer> chosenProperty() {
        return chosen;
    }

    ReadOnlyObjectProperty<SetupField.Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** None, then every class of the set-up's data set. */
    ObservableList<Integer> choices() {
        return choices;
    }
}
