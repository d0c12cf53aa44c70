package io.reelfm.launcher;

import io.reelfm.launcher.bench.BenchCommand;
import io.reelfm.launcher.broker.BrokerCommand;
import io.reelfm.launcher.data.DataCommand;
import io.reelfm.launcher.demo.DemoCommand;
import io.reelfm.launcher.evaluate.EvaluateCommand;
import io.reelfm.launcher.replay.ReplayCommand;
import io.reelfm.launcher.service.IngestCommand;
import io.reelfm.launcher.service.ServingCommand;
import io.reelfm.launcher.service.TrainerCommand;
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
        subcommands = {DemoCommand.class, ReplayCommand.class, DataCommand.class, IngestCommand.class, TrainerCommand.class,
                ServingCommand.class, BrokerCommand.class, BenchCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class ReelFm implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests parse and run through this too. */
    public static CommandLine commandLine() {
        return new CommandLine(new ReelFm()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(ReelFm::reportFailure);
    }

    /**
     * A failing command prints one line per cause instead of a stack trace, and exits 1; set
     * {@code REELFM_DEBUG=1} for the trace.
     */
    static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        err.println("reelfm " + cl.getCommandName() + " failed: " + e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().equals(e.getMessage())) {
                err.println("  caused by " + c.getClass().getSimpleName() + ": " + c.getMessage());
            }
        }
        if ("1".equals(System.getenv("REELFM_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
