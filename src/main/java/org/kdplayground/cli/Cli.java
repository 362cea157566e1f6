package org.kdplayground.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import picocli.CommandLine;

/** Runs the headless command line and returns its exit code; the GUI never goes through here. */
public final class Cli {

    private Cli() {
    }

    /** The option that lets the engine's log lines through. */
    static final String VERBOSE = "--verbose";

    public static int run(String... args) {
        quietUnlessVerbose(args);
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = newCommandLine(out, err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line's stderr is for our one-line messages: the log lines DJL writes while the engine starts (among
     * them a CUDA probe's warning on machines without a GPU) are shown only with {@code --verbose}. Set before any
     * logger exists, as slf4j-simple reads its level once; a level given with {@code -D} wins. PyTorch's own native
     * warnings are written by libtorch straight to the process's stderr, which Java cannot filter
     * ({@code TORCH_CPP_LOG_LEVEL=ERROR} in the environment silences them).
     */
    static void quietUnlessVerbose(String... args) {
        verbose = Arrays.asList(args).contains(VERBOSE);
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, verbose ? "info" : "error");
        }
    }

    private static volatile boolean verbose;

    /** Whether this process's command line asked for the engine's log lines. */
    static boolean verbose() {
        return verbose;
    }

    /** slf4j-simple's default level. */
    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * A usage error: its message, picocli's "did you mean" suggestions when it has some, and always the usage (picocli
     * itself leaves the usage out when it has a suggestion, which for an unknown command may be far off).
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        commandLine.usage(err, commandLine.getColorScheme());
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new KdPlaygroundCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        commandLine.setParameterExceptionHandler(Cli::usageError);
        return commandLine;
    }
}
