package io.reelfm.datasets.imdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

/**
 * A data set whose catalogue is completed from IMDb's non-commercial dumps: each movie gains
 * the IMDb id, runtime, original language and region and IMDb's average rating and vote count
 * it lacks, so content clusters can use them. Users and ratings pass through untouched.
 *
 * <p>The join: by IMDb id when the movie has one (the MovieLens CSV releases carry them in
 * {@code links.csv}); otherwise by title and year ({@link TitleKeys}: articles moved back to
 * the front, alternative titles in parentheses tried too, case, accents and punctuation
 * ignored), an exact year first and a year either side after, because MovieLens 100K dates a
 * film by its video release, which can be a year off IMDb's. A title and year two IMDb films
 * share goes to the first in IMDb's file. Fields the catalogue already has win over IMDb's.
 *
 * <p>Memory: the source catalogue is held while IMDb's files stream past it once (a few MB for
 * 60,000 movies); nothing of IMDb's 700,000 titles is kept beyond the matches.
 */
public final class ImdbEnrichment implements Dataset {

    private final Dataset source;
    private final ImdbDataset imdb;
    private volatile Matches last;

    private ImdbEnrichment(Dataset source, ImdbDataset imdb) {
        this.source = source;
        this.imdb = imdb;
    }

    /** {@code source} with its catalogue completed from the IMDb files in {@code imdbDir}. */
    public static ImdbEnrichment of(Dataset source, Path imdbDir) {
        return new ImdbEnrichment(source, new ImdbDataset(imdbDir));
    }

    /** How the last {@link #movies} call matched, or null before the first. */
    public Matches lastMatches() {
        return last;
    }

    /** @param byId matched by IMDb id; @param byTitle by title and year; @param unmatched left as they were */
    public record Matches(long byId, long byTitle, long unmatched) {
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String description() {
        return source.description() + ", catalogue completed from IMDb";
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        List<MovieRow> rows = new ArrayList<>();
        source.movies(rows::add, errors);
        Map<String, Integer> byImdbId = new HashMap<>();
        Map<String, List<Integer>> byTitle = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MovieRow row = rows.get(i);
            if (row.imdbId() != null) {
                byImdbId.putIfAbsent(row.imdbId(), i);
            } else if (row.year() != null) {
                for (String key : TitleKeys.of(row.title())) {
                    byTitle.computeIfAbsent(key + "|" + row.year(), k -> new ArrayList<>()).add(i);
                }
            }
        }
        MovieRow[] found = new MovieRow[rows.size()];
        int[] yearsOff = new int[rows.size()];
        imdb.movies(m -> match(m, byImdbId, byTitle, rows, found, yearsOff), e -> { });
        Map<String, ImdbTitleRating> ratings = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        for (MovieRow m : found) {
            if (m != null) {
                wanted.add(m.imdbId());
            }
        }
        imdb.titleRatings(r -> {
            if (wanted.contains(r.imdbId())) {
                ratings.put(r.imdbId(), r);
            }
        }, e -> { });
        long ids = 0;
        long titles = 0;
        for (int i = 0; i < rows.size(); i++) {
            MovieRow row = rows.get(i);
            if (found[i] != null) {
                if (row.imdbId() != null) {
                    ids++;
                } else {
                    titles++;
                }
                row = completed(row, found[i], ratings.get(found[i].imdbId()));
            }
            sink.accept(row);
        }
        last = new Matches(ids, titles, rows.size() - ids - titles);
        return rows.size();
    }

    private static void match(MovieRow m, Map<String, Integer> byImdbId, Map<String, List<Integer>> byTitle,
                              List<MovieRow> rows, MovieRow[] found, int[] yearsOff) {
        Integer byId = byImdbId.get(m.imdbId());
        if (byId != null) {
            found[byId] = m;
        }
        if (m.year() == null) {
            return;
        }
        for (String key : TitleKeys.of(m.title())) {
            for (int off = -1; off <= 1; off++) {
                List<Integer> candidates = byTitle.get(key + "|" + (m.year() + off));
                if (candidates == null) {
                    continue;
                }
                int distance = Math.abs(off) + 1;
                for (int i : candidates) {
                    if (rows.get(i).imdbId() == null && (found[i] == null || distance < yearsOff[i])) {
                        found[i] = m;
                        yearsOff[i] = distance;
                    }
                }
            }
        }
    }

    private static MovieRow completed(MovieRow row, MovieRow imdb, ImdbTitleRating rating) {
        return new MovieRow(row.itemId(), row.title(), row.year(), row.genres(),
                row.imdbId() != null ? row.imdbId() : imdb.imdbId(),
                row.runtime() != null ? row.runtime() : imdb.runtime(),
                row.language() != null ? row.language() : imdb.language(),
                row.region() != null ? row.region() : imdb.region(),
                row.imdbRating() != null || rating == null ? row.imdbRating() : Double.valueOf(rating.averageRating()),
                row.imdbVotes() != null || rating == null ? row.imdbVotes() : Long.valueOf(rating.numVotes()));
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        return source.users(sink, errors);
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        return source.ratings(sink, errors);
    }

    @Override
    public OptionalLong ratingCountHint() {
        return source.ratingCountHint();
    }

    @Override
    public OptionalLong movieCountHint() {
        return source.movieCountHint();
    }

    @Override
    public OptionalLong userCountHint() {
        return source.userCountHint();
    }
}
