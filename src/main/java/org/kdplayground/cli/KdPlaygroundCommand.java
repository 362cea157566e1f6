package org.kdplayground.cli;

import java.util.concurrent.Callable;

import org.kdplayground.BuildInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "kd-playground",
        mixinStandardHelpOptions = true,
        versionProvider = KdPlaygroundCommand.Version.class,
        description = {
                "KD Playground: learn knowledge distillation by touching it.",
                "Without arguments the desktop app opens; with a command it runs headless."
        },
        subcommands = {
                CommandLine.HelpCommand.class,
                SoftmaxCommand.class,
                LossCommand.class,
                TrainCommand.class,
                SweepCommand.class,
                DataCommand.class
        })
public final class KdPlaygroundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Read before the command runs ({@link Cli#quietUnlessVerbose}); declared here so every command accepts it. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "show the engine's log lines (DJL, PyTorch) on stderr")
    boolean verbose;

    @Override
    public Integer call() {
        // Only reached with options but no command, e.g. "kd-playground -v" is handled by picocli itself.
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "KD Playground " + BuildInfo.version(),
                    "DJL " + BuildInfo.djlVersion() + ", PyTorch " + BuildInfo.pytorchVersion()
                            + ", JavaFX " + BuildInfo.javafxVersion(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
