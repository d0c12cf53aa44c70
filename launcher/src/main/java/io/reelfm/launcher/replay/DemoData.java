package io.reelfm.launcher.replay;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.download.DatasetCatalogue;
import io.reelfm.datasets.download.DatasetDownloader;
import io.reelfm.datasets.download.DatasetUnavailableException;
import io.reelfm.datasets.download.DownloadConfig;
import io.reelfm.datasets.download.DownloadListener;
import io.reelfm.datasets.download.KnownDataset;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.launcher.data.ConsoleDownloadListener;

/**
 * Chooses the demo's data set: {@code --data} or {@code --synthetic} when given; otherwise
 * MovieLens 100K from the cache, downloaded (and checksum-verified) when missing; and when that
 * fails, e.g. with no network, a generated data set, saying so, so the demo always comes up.
 */
public final class DemoData {

    /** What the demo replays by default. */
    public static final String DEFAULT_DATASET = "movielens-100k";

    /** Fetches a catalogue data set into the cache; the production one downloads. */
    @FunctionalInterface
    interface Fetcher {
        Path fetch(KnownDataset dataset);
    }

    private DemoData() {
    }

    public static Dataset choose(SourceOptions options, Path cacheDir, boolean progress, PrintWriter out) {
        DatasetDownloader downloader = new DatasetDownloader(DownloadConfig.defaults().withCacheDir(cacheDir));
        DownloadListener listener = progress ? new ConsoleDownloadListener("movielens-100k") : DownloadListener.NONE;
        return choose(options, out, dataset -> {
            try {
                if (!downloader.isCached(dataset)) {
                    out.println("Downloading " + dataset.id() + " into " + cacheDir + " ...");
                    out.flush();
                }
                return downloader.fetch(dataset, listener);
            } finally {
                if (listener instanceof ConsoleDownloadListener bar) {
                    bar.close();
                }
            }
        });
    }

    static Dataset choose(SourceOptions options, PrintWriter out, Fetcher fetcher) {
        Optional<Dataset> chosen = options.chosen();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        try {
            return DatasetFormat.open(fetcher.fetch(DatasetCatalogue.find(DEFAULT_DATASET)));
        } catch (DatasetUnavailableException e) {
            out.println("Cannot get MovieLens 100K (" + e.getMessage() + ").");
            out.println("Continuing with a generated data set instead; use --data DIR to replay a local copy.");
            out.flush();
            return options.syntheticSource();
        }
    }
}
