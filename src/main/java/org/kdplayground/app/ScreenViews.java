package org.kdplayground.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * The screens' views, each built the first time it is wanted (shown, or warmed for the training screen's rehearsal)
 * and kept from then on. Only the first screen is built before the window shows: building and styling the others up
 * front cost the first window about a second (docs/performance.md, "Start-up").
 */
final class ScreenViews {

    private final Map<Screen, Supplier<? extends Node>> builders;
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private BiConsumer<Screen, Node> whenBuilt = (screen, view) -> { };

    /** @param builders one for every screen; each is called at most once */
    ScreenViews(Map<Screen, Supplier<? extends Node>> builders) {
        for (Screen screen : Screen.values()) {
            Objects.requireNonNull(builders.get(screen), () -> "no view for " + screen);
        }
        this.builders = Map.copyOf(builders);
    }

    /** The screen's view, built now if it is not yet. */
    Node view(Screen screen) {
        Node view = built.get(screen);
        if (view == null) {
            view = Objects.requireNonNull(builders.get(screen).get(), () -> "no view built for " + screen);
            built.put(screen, view);
            whenBuilt.accept(screen, view);
        }
        return view;
    }

    /** Calls the action for each view built so far, in the screens' order, and for each one built from now on. */
    void whenBuilt(BiConsumer<Screen, Node> action) {
        whenBuilt = Objects.requireNonNull(action);
        built.forEach(action);
    }
}
