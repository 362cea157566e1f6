package org.kdplayground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

import org.junit.jupiter.api.Test;

class ScreenViewsTest {

    private final Map<Screen, Integer> builds = new EnumMap<>(Screen.class);

    private ScreenViews views() {
        Map<Screen, Supplier<? extends Node>> builders = new EnumMap<>(Screen.class);
        for (Screen screen : Screen.values()) {
            builders.put(screen, () -> {
                builds.merge(screen, 1, Integer::sum);
                Pane view = new Pane();
                view.setId(screen.name());
                return view;
            });
        }
        return new ScreenViews(builders);
    }

    @Test
    void buildsAViewOnlyWhenFirstAskedForAndKeepsIt() {
        ScreenViews views = views();
        assertThat(builds).isEmpty();

        Node first = views.view(Screen.DISTILLATION);
        Node again = views.view(Screen.DISTILLATION);

        assertThat(again).isSameAs(first);
        assertThat(first.getId()).isEqualTo("DISTILLATION");
        assertThat(builds).as("only the screen asked for, once").containsExactlyEntriesOf(Map.of(Screen.DISTILLATION, 1));
    }

    @Test
    void tellsOfTheViewsBuiltBeforeInScreenOrderThenOfEachNewOne() {
        ScreenViews views = views();
        views.view(Screen.ABOUT);
        views.view(Screen.EXPLORER);
        List<String> told = new ArrayList<>();

        views.whenBuilt((screen, view) -> told.add(screen + "=" + view.getId()));
        views.view(Screen.DISTILLATION);
        views.view(Screen.EXPLORER);

        assertThat(told).containsExactly("EXPLORER=EXPLORER", "ABOUT=ABOUT", "DISTILLATION=DISTILLATION");
    }

    @Test
    void wantsAViewForEveryScreen() {
        Map<Screen, Supplier<? extends Node>> builders = new EnumMap<>(Screen.class);
        builders.put(Screen.EXPLORER, Pane::new);
        assertThatThrownBy(() -> new ScreenViews(builders)).hasMessageContaining("DISTILLATION");
    }
}
