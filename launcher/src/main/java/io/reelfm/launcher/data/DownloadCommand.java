package io.reelfm.launcher.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.reelfm.datasets.download.DatasetCatalogue;
import io.reelfm.datasets.download.DatasetDownloader;
import io.reelfm.datasets.download.DatasetUnavailableException;
import io.reelfm.datasets.download.DownloadConfig;
import io.reelfm.datasets.download.DownloadListener;
import io.reelfm.datasets.download.KnownDataset;
import io.reelfm.datasets.download.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reelfm data download <name>}: fetch, verify (MD5) and unpack a MovieLens archive into the
 * cache, or fetch IMDb's dumps as published and record their sizes and SHA-256.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download a data set into the cache.",
                "MovieLens: the archive, verified against the MD5 GroupLens publishes beside it, then unpacked.",
                "imdb: title.basics, title.akas and title.ratings (.tsv.gz) kept as published; IMDb gives no checksum,"
                        + " so their sizes and SHA-256 are recorded in imdb/" + Manifest.FILE_NAME
                        + " and a later run fetches only files that no longer match."},
        footer = {"", "Terms: MovieLens archives carry GroupLens's licence in their README.",
                "imdb: " + DatasetCatalogue.IMDB_TERMS + "."})
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", completionCandidates = KnownNames.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            defaultValue = "${env:REELFM_DATASET_CACHE:-${sys:user.home}/.cache/reelfm/datasets}",
            description = "Where data sets are kept (default: ${DEFAULT-VALUE}; env REELFM_DATASET_CACHE).")
    Path cacheDir;

    /** The catalogue's names, for the help. */
    static final class KnownNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return DatasetCatalogue.ALL.stream().map(KnownDataset::id).iterator();
        }
    }

    @Override
    public Integer call() {
        KnownDataset dataset;
        try {
            dataset = DatasetCatalogue.find(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "NAME: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        DatasetDownloader downloader = new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cacheDir));
        Path dir = downloader.directoryOf(dataset);
        boolean files = dataset.packaging() == KnownDataset.Packaging.FILES;
        if (downloader.isCached(dataset)) {
            out.println(dataset.id() + " is already in " + dir + (files ? " (" + summary(dataset, dir)
                    + ", sizes and SHA-256 matching " + Manifest.FILE_NAME + ")" : ""));
            return 0;
        }
        if (dataset.terms() != null) {
            out.println("Terms: " + dataset.terms() + ".");
            out.flush();
        }
        int[] fetched = {0};
        try (ConsoleDownloadListener bar = ConsoleDownloadListener.perFile()) {
            downloader.fetch(dataset, new DownloadListener() {
                @Override
                public void starting(String fileName) {
                    fetched[0]++;
                    bar.starting(fileName);
                }

                @Override
                public void progress(long bytesDone, long bytesTotal) {
                    bar.progress(bytesDone, bytesTotal);
                }
            });
            bar.close();
            out.println(dataset.description());
            if (files) {
                out.println("Downloaded " + fetched[0] + " of " + dataset.files().size() + " files; " + summary(dataset, dir)
                        + " in " + dir + ", sizes and SHA-256 recorded in " + Manifest.FILE_NAME);
            } else {
                out.println("Verified and unpacked into " + dir);
            }
            return 0;
        } catch (DatasetUnavailableException e) {
            spec.commandLine().getErr().println("Download of " + dataset.id() + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String summary(KnownDataset dataset, Path dir) {
        return dataset.files().size() + " files, " + size(Manifest.read(dir).totalBytes()) + " in total";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
