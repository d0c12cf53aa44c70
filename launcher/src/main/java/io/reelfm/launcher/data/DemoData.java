package io.reelfm.launcher.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import io.reelfm.datasets.MovieLens100k;
import io.reelfm.launcher.replay.DataSets;
import io.reelfm.datasets.Dataset;
import io.reelfm.launcher.replay.SourceOptions;

/**
 * Chooses the demo's data set: {@code --data} or {@code --synthetic} when given; otherwise
 * MovieLens 100K from the cache, downloaded when missing; and when that fails (no network) a
 * generated data set, saying so, so the demo always comes up.
 */
public final class DemoData {

    private DemoData() {
    }

    public static Dataset choose(SourceOptions options, Path cacheDir, PrintWriter out) {
        return choose(options, cacheDir, out, DatasetFetcher.standard());
    }

    static Dataset choose(SourceOptions options, Path cacheDir, PrintWriter out, DatasetFetcher fetcher) {
        if (options.data() != null && options.synthetic()) {
            throw new IllegalArgumentException("--data and --synthetic cannot be combined: choose one data set");
        }
        if (options.data() != null) {
            return DataSets.open(options.data());
        }
        if (options.synthetic()) {
            return options.syntheticSource();
        }
        Path cached = cacheDir.resolve(KnownDataset.MOVIELENS_100K.directoryName());
        if (MovieLens100k.isPresent(cached)) {
            return DataSets.open(cached);
        }
        try {
            out.println("MovieLens 100K is not in " + cacheDir + ": downloading it ...");
            out.flush();
            return DataSets.open(fetcher.fetch(KnownDataset.MOVIELENS_100K, cacheDir));
        } catch (IOException e) {
            out.println("Cannot download MovieLens 100K (" + e.getMessage() + "); using a generated data set instead.");
            out.flush();
            return options.syntheticSource();
        }
    }
}
