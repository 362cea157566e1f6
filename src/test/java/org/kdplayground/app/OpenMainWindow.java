package org.kdplayground.app;

import java.io.IOException;

import org.kdplayground.engine.EngineService;

import org.testfx.api.FxRobot;

/**
 * A main window opened for a test with an engine of its own (reporting a CPU) and settings of its own
 * ({@link MainWindowTest#open}), closed after it with its engine.
 */
record OpenMainWindow(EngineService engine, MainWindow window) {

    static OpenMainWindow open(String settings) throws IOException {
        EngineService engine = new EngineService(() -> MainWindowTest.CPU);
        return new OpenMainWindow(engine, MainWindowTest.open(engine, settings));
    }

    /** Closes the window on the FX thread, then the engine. */
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
        engine.close();
    }
}
