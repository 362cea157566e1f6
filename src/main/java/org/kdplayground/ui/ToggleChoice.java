package org.kdplayground.ui;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * A row of toggle buttons as a choice of one value (pill toggles such as Accuracy | Agreement | ECE): exactly one is
 * selected, clicking the selected one keeps it, and the buttons and the property follow each other.
 */
public final class ToggleChoice {

    private ToggleChoice() {
    }

    /**
     * @param toggles one button per value, in the values' order
     * @param values  the values the buttons stand for
     * @param chosen  the chosen value, never null
     */
    public static <E> void bind(List<ToggleButton> toggles, List<E> values, ObjectProperty<E> chosen) {
        if (toggles.size() != values.size()) {
            throw new IllegalArgumentException(toggles.size() + " toggles for " + values.size() + " values");
        }
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < toggles.size(); i++) {
            toggles.get(i).setToggleGroup(group);
            toggles.get(i).setUserData(values.get(i));
        }
        group.selectToggle(toggles.get(values.indexOf(chosen.get())));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                @SuppressWarnings("unchecked")
                E value = (E) now.getUserData();
                chosen.set(value);
            }
        });
        chosen.addListener((obs, old, now) -> group.selectToggle(toggles.get(values.indexOf(now))));
    }
}
