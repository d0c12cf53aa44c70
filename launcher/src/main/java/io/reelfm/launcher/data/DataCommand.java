package io.reelfm.launcher.data;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reelfm data}: data set housekeeping. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage data sets (download into the cache).",
        subcommands = DownloadCommand.class)
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
