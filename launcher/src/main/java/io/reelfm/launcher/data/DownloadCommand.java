package io.reelfm.launcher.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reelfm data download <name>}: fetch, verify and unpack a MovieLens archive into the cache. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a data set into the cache, verifying its published checksum.")
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "One of: movielens-100k, movielens-1m, movielens-latest-small, movielens-25m.")
    String name;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${env:REELFM_CACHE_DIR:-${sys:user.home}/.cache/reelfm}",
            description = "Where data sets are kept (default: ${DEFAULT-VALUE}; env REELFM_CACHE_DIR).")
    Path cacheDir;

    @Override
    public Integer call() {
        KnownDataset dataset;
        try {
            dataset = KnownDataset.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "NAME: " + e.getMessage(), e);
        }
        try {
            Path dir = new GroupLensDownloader(GroupLensDownloader.DEFAULT_BASE, new ConsoleDownloadProgress())
                    .fetch(dataset, cacheDir);
            spec.commandLine().getOut().println(dataset.cliName() + " is in " + dir);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Download of " + dataset.cliName() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
