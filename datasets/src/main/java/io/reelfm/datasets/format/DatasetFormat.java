package io.reelfm.datasets.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.UnrecognizedDatasetException;
import io.reelfm.datasets.imdb.ImdbDataset;
import io.reelfm.datasets.movielens.MovieLens100k;
import io.reelfm.datasets.movielens.MovieLens100kDataset;
import io.reelfm.datasets.movielens.MovieLens1m;
import io.reelfm.datasets.movielens.MovieLensCsv;

/**
 * The file layouts {@link Dataset#open} recognises, each with the files that identify it. The
 * order is the detection order: the first format whose files are all present wins.
 */
public enum DatasetFormat {

    MOVIELENS_100K("ml-100k", "u.data, u.item, u.user", MovieLens100k::isPresent, MovieLens100kDataset::new),
    MOVIELENS_1M("ml-1m", "ratings.dat, movies.dat, users.dat", MovieLens1m::isPresent, MovieLens1m::new),
    MOVIELENS_CSV("ml-latest/ml-25m CSV", "ratings.csv, movies.csv, optional links.csv", MovieLensCsv::isPresent,
            MovieLensCsv::new),
    IMDB("imdb", "title.basics.tsv[.gz], optional title.akas.tsv[.gz] and title.ratings.tsv[.gz]",
            ImdbDataset::isPresent, ImdbDataset::new);

    private final String id;
    private final String expectedFiles;
    private final Predicate<Path> detector;
    private final Function<Path, Dataset> opener;

    DatasetFormat(String id, String expectedFiles, Predicate<Path> detector, Function<Path, Dataset> opener) {
        this.id = id;
        this.expectedFiles = expectedFiles;
        this.detector = detector;
        this.opener = opener;
    }

    public String id() {
        return id;
    }

    /** Human-readable list of the files that identify this format. */
    public String expectedFiles() {
        return expectedFiles;
    }

    public boolean matches(Path dir) {
        return Files.isDirectory(dir) && detector.test(dir);
    }

    public Dataset openAs(Path dir) {
        return opener.apply(dir);
    }

    /** The first format whose files are all directly in {@code dir}, if any (subdirectories are not searched). */
    public static Optional<DatasetFormat> detect(Path dir) {
        for (DatasetFormat format : values()) {
            if (format.matches(dir)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Detects the format of the files in {@code dir} (or in its single matching subdirectory, as
     * unpacked archives usually have) and opens it.
     *
     * @throws UnrecognizedDatasetException naming the files each known format expects, when
     *         nothing matches
     */
    public static Dataset open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UnrecognizedDatasetException("Not a directory: " + dir + ". " + expectations());
        }
        Optional<DatasetFormat> direct = detect(dir);
        if (direct.isPresent()) {
            return direct.get().openAs(dir);
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).sorted().filter(child -> detect(child).isPresent())
                    .forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        if (candidates.size() == 1) {
            return open(candidates.get(0));
        }
        if (candidates.size() > 1) {
            throw new UnrecognizedDatasetException("No data set directly in " + dir + " and several in its subdirectories "
                    + candidates + "; pass one of them");
        }
        throw new UnrecognizedDatasetException("No known data set in " + dir + ". " + expectations());
    }

    private static String expectations() {
        StringBuilder message = new StringBuilder("Expected one of:");
        for (DatasetFormat format : values()) {
            message.append(' ').append(format.id).append(" (").append(format.expectedFiles).append(");");
        }
        message.setLength(message.length() - 1);
        return message.toString();
    }
}
