package io.reelfm.launcher;

import io.reelfm.launcher.bench.BenchCommand;
import io.reelfm.launcher.data.DataCommand;
import io.reelfm.launcher.demo.DemoCommand;
import io.reelfm.launcher.evaluate.EvaluateCommand;
import io.reelfm.launcher.replay.ReplayCommand;
import io.reelfm.launcher.service.IngestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code reelfm} command line. Each subcommand is one class in its own package; adding a
 * command is one entry in the {@code subcommands} list below.
 */
@Command(name = "reelfm", mixinStandardHelpOptions = true, versionProvider = ReelFmVersion.class,
        description = "ReelFM: a self-hosted real-time recommendation engine on Apache Kafka.",
        subcommands = {DemoCommand.class, ReplayCommand.class, DataCommand.class, IngestCommand.class,
                BenchCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class ReelFm implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests parse and run through this too. */
    public static CommandLine commandLine() {
        return new CommandLine(new ReelFm()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
