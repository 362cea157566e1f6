package org.kdplayground;

import org.kdplayground.app.KdPlaygroundApp;
import org.kdplayground.cli.Cli;

/**
 * The one entry point. With no arguments it opens the desktop app; with any argument it runs the headless
 * command line ({@code kd-playground --help} lists the commands). The exception is {@code --smoke-test}, which
 * opens the window, trains a tiny run and exits (0 when it worked): the check installers and CI run. A plain class, not an {@code Application},
 * so that the JavaFX runtime can live on the class path (DJL is not modular).
 */
public final class Launcher {

    /** The one option that opens the window rather than the command line: the installed app's self-check. */
    public static final String SMOKE_TEST = "--smoke-test";

    private Launcher() {
    }

    public static void main(String[] args) {
        RuntimeDefaults.apply();
        if (args.length == 0) {
            KdPlaygroundApp.launchApp(args);
        } else if (args.length == 1 && SMOKE_TEST.equals(args[0])) {
            System.exit(KdPlaygroundApp.runSmokeTest());
        } else {
            System.exit(Cli.run(args));
        }
    }
}
