package io.reelfm.datasets.imdb;

import java.nio.charset.StandardCharsets;
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
import io.reelfm.datasets.text.Fields;
import io.reelfm.datasets.text.TextFiles;

/**
 * The IMDb non-commercial TSV dumps as a catalogue: {@code title.basics.tsv[.gz]} joined with
 * {@code title.akas.tsv[.gz]} (both optional apart from basics), the way the original
 * SageMaker notebooks prepared them: feature films only ({@code titleType=movie}), adults
 * excluded, {@code \N} as null, genres comma separated, runtime and start year, and a language
 * and region from the akas (rule in {@link OriginLanguageRegion}).
 *
 * <p>IMDb has no users and no individual ratings: {@link #users} and {@link #ratings} return 0.
 * The aggregate {@code title.ratings} are streamed by {@link #titleRatings} for content features.
 *
 * <p>Memory: everything streams. The join keeps, per kept movie, its id and a title hash
 * (8 bytes) and its chosen codes (12 bytes), about 14 MB for IMDb's ~700,000 movies; akas rows
 * of other titles are dropped as they are read. {@link #movies} reads title.basics twice.
 */
public final class ImdbDataset implements Dataset {

    private static final String NULL = "\\N";
    private static final int BASICS_FIELDS = 9;
    private static final int AKAS_FIELDS = 8;

    private final Path dir;

    public ImdbDataset(Path dir) {
        this.dir = dir;
    }

    /** True when the directory holds {@code title.basics.tsv} or {@code title.basics.tsv.gz}. */
    public static boolean isPresent(Path dir) {
        return file(dir, "title.basics") != null;
    }

    @Override
    public String name() {
        return "imdb";
    }

    @Override
    public String description() {
        return "IMDb title dumps from " + dir;
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        return 0;
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        return 0;
    }

    @Override
    public OptionalLong ratingCountHint() {
        return OptionalLong.of(0);
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        IntIntMap kept = keptMovies();
        OriginLanguageRegion origins = new OriginLanguageRegion(kept.size());
        Path akas = file(dir, "title.akas");
        if (akas != null) {
            readAkas(akas, kept, origins, errors);
        }
        Path basics = file(dir, "title.basics");
        return TextFiles.forEachLine(basics, StandardCharsets.UTF_8, 1, (line, n) -> {
            String[] f = line.split("\t", -1);
            String reason = basicsProblem(f);
            if (reason != null) {
                return TextFiles.bad(errors, basics, n, reason, line);
            }
            int index = kept.indexOf(ImdbIds.parse(f[0]));
            if (index < 0) {
                return false;
            }
            List<String> genres = f[8].equals(NULL) ? List.of() : Fields.genres(f[8], ',');
            sink.accept(new MovieRow(f[0], f[2], nullableInt(f[5]), genres, f[0], nullableInt(f[7]),
                    origins.language(index), origins.region(index)));
            return true;
        });
    }

    /**
     * Streams IMDb's aggregate ratings of the movies {@link #movies} keeps.
     *
     * @return the number of good rows; 0 when there is no title.ratings file
     */
    public long titleRatings(Consumer<ImdbTitleRating> sink, Consumer<BadLine> errors) {
        Path file = file(dir, "title.ratings");
        if (file == null) {
            return 0;
        }
        IntIntMap kept = keptMovies();
        return TextFiles.forEachLine(file, StandardCharsets.UTF_8, 1, (line, n) -> {
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                return TextFiles.bad(errors, file, n, "expected 3 tab-separated fields (tconst, averageRating, numVotes), found " + f.length, line);
            }
            int id = ImdbIds.parse(f[0]);
            if (id == ImdbIds.INVALID) {
                return TextFiles.bad(errors, file, n, "tconst is not an IMDb id: " + f[0], line);
            }
            if (kept.indexOf(id) < 0) {
                return false;
            }
            try {
                double average = Double.parseDouble(f[1]);
                long votes = Long.parseLong(f[2]);
                if (average < 0 || average > 10 || votes < 0) {
                    return TextFiles.bad(errors, file, n, "averageRating or numVotes out of range", line);
                }
                sink.accept(new ImdbTitleRating(f[0], average, votes));
                return true;
            } catch (NumberFormatException e) {
                return TextFiles.bad(errors, file, n, "averageRating or numVotes is not a number", line);
            }
        });
    }

    /** Ids of non-adult movies, each mapped to the hash of its original title. Bad lines are reported by the second pass. */
    private IntIntMap keptMovies() {
        IntIntMap kept = new IntIntMap();
        TextFiles.forEachLine(file(dir, "title.basics"), StandardCharsets.UTF_8, 1, (line, n) -> {
            String[] f = line.split("\t", -1);
            if (basicsProblem(f) == null && f[1].equals("movie") && f[4].equals("0")) {
                kept.put(ImdbIds.parse(f[0]), f[3].hashCode());
                return true;
            }
            return false;
        });
        return kept.freeze();
    }

    private static void readAkas(Path akas, IntIntMap kept, OriginLanguageRegion origins, Consumer<BadLine> errors) {
        TextFiles.forEachLine(akas, StandardCharsets.UTF_8, 1, (line, n) -> {
            int tab = line.indexOf('\t');
            int id = ImdbIds.parse(tab < 0 ? line : line.substring(0, tab));
            if (id == ImdbIds.INVALID) {
                return TextFiles.bad(errors, akas, n, "titleId is not an IMDb id", line);
            }
            int index = kept.indexOf(id);
            if (index < 0) {
                return false;
            }
            String[] f = line.split("\t", -1);
            if (f.length != AKAS_FIELDS) {
                return TextFiles.bad(errors, akas, n, "expected " + AKAS_FIELDS + " tab-separated fields, found " + f.length, line);
            }
            int ordering;
            try {
                ordering = Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                return TextFiles.bad(errors, akas, n, "ordering is not a number: " + f[1], line);
            }
            if (!f[7].equals("0") && !f[7].equals("1") && !f[7].equals(NULL)) {
                return TextFiles.bad(errors, akas, n, "isOriginalTitle is not 0 or 1: " + f[7], line);
            }
            boolean titleMatches = f[2].hashCode() == kept.valueAt(index);
            origins.offer(index, ordering, f[7].equals("1"), titleMatches, nullable(f[4]), nullable(f[3]));
            return true;
        });
    }

    private static String basicsProblem(String[] f) {
        if (f.length != BASICS_FIELDS) {
            return "expected " + BASICS_FIELDS + " tab-separated fields, found " + f.length;
        }
        if (ImdbIds.parse(f[0]) == ImdbIds.INVALID) {
            return "tconst is not an IMDb id: " + f[0];
        }
        if (!f[4].equals("0") && !f[4].equals("1")) {
            return "isAdult is not 0 or 1: " + f[4];
        }
        if (!isNullableInt(f[5])) {
            return "startYear is not a number: " + f[5];
        }
        if (!isNullableInt(f[7])) {
            return "runtimeMinutes is not a number: " + f[7];
        }
        return null;
    }

    private static boolean isNullableInt(String value) {
        if (value.equals(NULL)) {
            return true;
        }
        if (value.isEmpty() || value.length() > 9) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Integer nullableInt(String value) {
        return value.equals(NULL) ? null : Integer.valueOf(value);
    }

    private static String nullable(String value) {
        return value.equals(NULL) || value.isEmpty() ? null : value;
    }

    private static Path file(Path dir, String stem) {
        return TextFiles.firstExisting(dir, stem + ".tsv", stem + ".tsv.gz");
    }
}
