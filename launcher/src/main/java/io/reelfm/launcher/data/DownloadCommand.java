package io.reelfm.launcher.data;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.reelfm.datasets.download.DatasetCatalogue;
import io.reelfm.datasets.download.DatasetDownloader;
import io.reelfm.datasets.download.DatasetUnavailableException;
import io.reelfm.datasets.download.DownloadConfig;
import io.reelfm.datasets.download.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reelfm data download <name>}: fetch, verify (MD5) and unpack a MovieLens archive into the cache. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a data set into the cache, verifying the checksum GroupLens publishes beside it.")
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "One of: movielens-100k, movielens-1m, movielens-latest-small, movielens-25m.")
    String name;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            defaultValue = "${env:REELFM_DATASET_CACHE:-${sys:user.home}/.cache/reelfm/datasets}",
            description = "Where data sets are kept (default: ${DEFAULT-VALUE}; env REELFM_DATASET_CACHE).")
    Path cacheDir;

    @Override
    public Integer call() {
        KnownDataset dataset;
        try {
            dataset = DatasetCatalogue.find(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "NAME: " + e.getMessage(), e);
        }
        DatasetDownloader downloader = new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cacheDir));
        if (downloader.isCached(dataset)) {
            spec.commandLine().getOut().println(dataset.id() + " is already in " + downloader.directoryOf(dataset));
            return 0;
        }
        try (ConsoleDownloadListener bar = new ConsoleDownloadListener(dataset.fileName())) {
            Path dir = downloader.fetch(dataset, bar);
            bar.close();
            spec.commandLine().getOut().println(dataset.description());
            spec.commandLine().getOut().println("Verified and unpacked into " + dir);
            return 0;
        } catch (DatasetUnavailableException e) {
            spec.commandLine().getErr().println("Download of " + dataset.id() + " failed: " + e.getMessage());
            return 1;
        }
    }
}
