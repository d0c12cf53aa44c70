package io.reelfm.datasets.movielens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.datasets.compact.IntIntMap;
import io.reelfm.datasets.text.CsvRecords;
import io.reelfm.datasets.text.Fields;
import io.reelfm.datasets.text.LineCountEstimate;
import io.reelfm.datasets.text.TextFiles;

/**
 * The CSV generation of MovieLens (ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m), UTF-8
 * with a header line: {@code ratings.csv} (userId,movieId,rating,timestamp; half-star ratings,
 * unix seconds), {@code movies.csv} (movieId,title,genres; titles quoted when they hold commas
 * or quotes; "(no genres listed)" means none) and optional {@code links.csv}
 * (movieId,imdbId,tmdbId), whose IMDb numbers become {@code tt}-ids on the movies.
 *
 * <p>These sets have no user profiles: {@link #users} returns 0. Linking movies to IMDb holds
 * only the id table (8 bytes per movie) in memory.
 */
public final class MovieLensCsv implements Dataset {

    static final String NO_GENRES = "(no genres listed)";

    private final Path dir;
    private final String name;

    public MovieLensCsv(Path dir) {
        this.dir = dir;
        String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
        this.name = dirName.startsWith("ml-") ? dirName : "ml-csv";
    }

    /** True when the directory holds {@code ratings.csv} and {@code movies.csv}. */
    public static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve("ratings.csv")) && Files.isRegularFile(dir.resolve("movies.csv"));
    }

    /** The directory name when it starts with {@code ml-} (e.g. {@code ml-25m}), else {@code ml-csv}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "MovieLens (CSV) from " + dir;
    }

    @Override
    public OptionalLong ratingCountHint() {
        return LineCountEstimate.of(dir.resolve("ratings.csv"), 1);
    }

    @Override
    public OptionalLong movieCountHint() {
        return LineCountEstimate.of(dir.resolve("movies.csv"), 1);
    }

    /** The CSV releases carry no user profiles. */
    @Override
    public OptionalLong userCountHint() {
        return OptionalLong.of(0);
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        return 0;
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        Path file = dir.resolve("ratings.csv");
        return CsvRecords.forEach(file, StandardCharsets.UTF_8, 1, (f, n, raw) -> {
            if (f.size() != 4) {
                return TextFiles.bad(errors, file, n, "expected 4 fields (userId,movieId,rating,timestamp), found " + f.size(), raw);
            }
            return RatingFields.CSV.read(f, sink, errors, file, n, raw);
        }, errors);
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        IntIntMap imdb = readLinks(errors);
        Path file = dir.resolve("movies.csv");
        return CsvRecords.forEach(file, StandardCharsets.UTF_8, 1, (f, n, raw) -> {
            if (f.size() != 3) {
                return TextFiles.bad(errors, file, n, "expected 3 fields (movieId,title,genres), found " + f.size(), raw);
            }
            String id = f.get(0).trim();
            if (id.isEmpty()) {
                return TextFiles.bad(errors, file, n, "empty movieId", raw);
            }
            String title = f.get(1).trim();
            String genreField = f.get(2).trim();
            List<String> genres = genreField.equals(NO_GENRES) ? List.of() : Fields.genres(genreField, '|');
            sink.accept(new MovieRow(id, title, Fields.yearAtEndOfTitle(title), genres, imdbIdOf(imdb, id),
                    null, null, null));
            return true;
        }, errors);
    }

    /** {@code tt} + the IMDb number zero-padded to 7 digits, the form IMDb's own files use. */
    public static String imdbId(int number) {
        return String.format("tt%07d", number);
    }

    private static String imdbIdOf(IntIntMap imdb, String movieId) {
        try {
            int number = imdb.get(Integer.parseInt(movieId));
            return number == IntIntMap.MISSING ? null : imdbId(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private IntIntMap readLinks(Consumer<BadLine> errors) {
        IntIntMap map = new IntIntMap();
        Path file = dir.resolve("links.csv");
        if (Files.isRegularFile(file)) {
            CsvRecords.forEach(file, StandardCharsets.UTF_8, 1, (f, n, raw) -> {
                if (f.size() < 2) {
                    return TextFiles.bad(errors, file, n, "expected at least 2 fields (movieId,imdbId), found " + f.size(), raw);
                }
                if (f.get(1).isBlank()) {
                    return false;
                }
                try {
                    map.put(Integer.parseInt(f.get(0).trim()), Integer.parseInt(f.get(1).trim()));
                    return true;
                } catch (NumberFormatException e) {
                    return TextFiles.bad(errors, file, n, "movieId or imdbId is not a number", raw);
                }
            }, errors);
        }
        return map.freeze();
    }
}
