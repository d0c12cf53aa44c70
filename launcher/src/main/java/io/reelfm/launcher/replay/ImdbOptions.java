package io.reelfm.launcher.replay;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.imdb.ImdbDataset;
import io.reelfm.datasets.imdb.ImdbEnrichment;
import picocli.CommandLine.Option;

/**
 * {@code --imdb DIR} and {@code --no-imdb}: whether the replayed catalogue is completed from IMDb's
 * dumps (runtime, original language and region for the content clusters). Without either, the
 * cache's {@code imdb} directory is used when {@code reelfm data download imdb} has filled it, and
 * the console says how to get it when it has not, so the clusters use IMDb with no extra step
 * once the files are there.
 */
public final class ImdbOptions {

    /** The cache subdirectory {@code data download imdb} fills. */
    static final String CACHE_DIRECTORY = "imdb";

    @Option(names = "--imdb", paramLabel = "DIR", description = "IMDb dumps (title.basics and title.akas .tsv[.gz]) that "
            + "complete the catalogue with runtime, original language and region (default: the cache's imdb directory "
            + "when `reelfm data download imdb` has filled it).")
    Path imdb;

    @Option(names = "--no-imdb", description = "Replay the catalogue as it is, without IMDb.")
    boolean noImdb;

    /**
     * {@code source} with its catalogue completed from IMDb when chosen or found in {@code cacheDir},
     * saying which on {@code out}; an IMDb data set itself is left as it is.
     *
     * @throws IllegalArgumentException naming {@code --imdb} when DIR holds no IMDb dumps
     */
    public Dataset apply(Dataset source, Path cacheDir, PrintWriter out) {
        if (noImdb || source instanceof ImdbDataset) {
            return source;
        }
        if (imdb != null && !holdsDumps(imdb)) {
            throw new IllegalArgumentException("--imdb " + imdb + ": no title.basics.tsv or title.basics.tsv.gz there");
        }
        Path dir = imdb != null ? imdb : cacheDir == null ? null : cacheDir.resolve(CACHE_DIRECTORY);
        if (dir == null || !holdsDumps(dir)) {
            out.println("Catalogue without IMDb details: `./reelfm data download imdb` (IMDb's non-commercial files) "
                    + "adds runtime, original language and region to the content clusters.");
            out.flush();
            return source;
        }
        out.println("Completing the catalogue from the IMDb files in " + dir);
        out.flush();
        return ImdbEnrichment.of(source, dir);
    }

    static boolean holdsDumps(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(name -> name.equals("title.basics.tsv") || name.equals("title.basics.tsv.gz"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
