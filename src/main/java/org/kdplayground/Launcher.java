package org.kdplayground;

import org.kdplayground.app.KdPlaygroundApp;
import org.kdplayground.cli.Cli;

/**
 * The one entry point. With no arguments it opens the desktop app; with any argument it runs the headless
 * command line ({@code kd-playground --help} lists the commands). A plain class, not an {@code Application},
 * so that the JavaFX runtime can live on the class path (DJL is not modular).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeDefaults.apply();
        if (args.length == 0) {
            KdPlaygroundApp.launchApp(args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
