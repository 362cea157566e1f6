package org.kdplayground.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The app's first window while it is built and shown: what no one sees in it yet (formulas' typesetting, the controls
 * of a tab or a method not chosen) can wait until it is on screen, so it shows sooner. Everywhere else (a test's view,
 * a screen rebuilt later, a second window) nothing waits. FX thread only.
 */
public final class FirstWindow {

    private static final ReadOnlyBooleanWrapper BUILDING = new ReadOnlyBooleanWrapper(false);
    private static final List<Runnable> WAITING = new ArrayList<>();

    private FirstWindow() {
    }

    /** From now until {@link #shown()}, work given to {@link #afterShown} waits. */
    public static void building() {
        BUILDING.set(true);
    }

    /** The first window is on screen: the waiting work runs now, in the order it was given. */
    public static void shown() {
        BUILDING.set(false);
        List<Runnable> work = new ArrayList<>(WAITING);
        WAITING.clear();
        work.forEach(Runnable::run);
    }

    /** True while the first window is built and shown. */
    public static ReadOnlyBooleanProperty buildingProperty() {
        return BUILDING.getReadOnlyProperty();
    }

    public static boolean isBuilding() {
        return BUILDING.get();
    }

    /** Runs {@code work} now, or once the first window is on screen. */
    public static void afterShown(Runnable work) {
        if (BUILDING.get()) {
            WAITING.add(work);
        } else {
            work.run();
        }
    }
}
