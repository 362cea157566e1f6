package org.kdplayground.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kd-playground data}: the data sets the app can fetch for its user; {@code data get} fetches one. */
@Command(name = "data",
        mixinStandardHelpOptions = true,
        description = {
                "Data sets the app reads from IDX files: get one from its official host.",
                "  kd-playground data get fashion-mnist",
                ""
        },
        subcommands = {DataGetCommand.class})
public final class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
