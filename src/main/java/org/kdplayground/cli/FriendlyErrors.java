package org.kdplayground.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one clear line on stderr and an exit code, never a stack trace.
 * Commands throw {@link CliException} for problems they can name; anything else is reported by its message.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String prefix = "kd-playground: ";
        if (ex instanceof CliException cli) {
            commandLine.getErr().println(prefix + cli.getMessage());
            return cli.exitCode();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println(prefix + "error: " + message);
        return ExitCodes.FAILURE;
    }
}
