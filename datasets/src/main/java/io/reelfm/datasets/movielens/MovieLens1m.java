package io.reelfm.datasets.movielens;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.datasets.text.Fields;
import io.reelfm.datasets.text.LineCountEstimate;
import io.reelfm.datasets.text.Separator;
import io.reelfm.datasets.text.TextFiles;

/**
 * MovieLens 1M: {@code ratings.dat} ({@code UserID::MovieID::Rating::Timestamp}),
 * {@code movies.dat} ({@code MovieID::Title (Year)::Genre|Genre}) and {@code users.dat}
 * ({@code UserID::Gender::Age::Occupation::Zip}), all ISO-8859-1.
 *
 * <p>Users carry age <em>codes</em> (1 = under 18, 18 = 18–24, ... 56 = 56+), kept as the lower
 * bound of the bucket in {@link UserRow#age()} (1 stands for "under 18"), and occupation codes
 * 0–20, translated to the names of the data set's README. Titles are kept as published, year
 * included, like MovieLens 100K.
 */
public final class MovieLens1m implements Dataset {

    static final Charset CHARSET = StandardCharsets.ISO_8859_1;

    /** Occupation names by code, from the MovieLens 1M README. */
    public static final List<String> OCCUPATIONS = List.of("other", "academic/educator", "artist", "clerical/admin",
            "college/grad student", "customer service", "doctor/health care", "executive/managerial", "farmer",
            "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
            "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

    /** Age codes and the bucket each stands for. */
    public static final Map<Integer, String> AGE_BUCKETS = Map.of(1, "Under 18", 18, "18-24", 25, "25-34",
            35, "35-44", 45, "45-49", 50, "50-55", 56, "56+");

    private final Path dir;

    public MovieLens1m(Path dir) {
        this.dir = dir;
    }

    /** True when the directory holds the three {@code .dat} files. */
    public static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve("ratings.dat")) && Files.isRegularFile(dir.resolve("movies.dat"))
                && Files.isRegularFile(dir.resolve("users.dat"));
    }

    @Override
    public String name() {
        return "ml-1m";
    }

    @Override
    public String description() {
        return "MovieLens 1M from " + dir;
    }

    @Override
    public OptionalLong ratingCountHint() {
        return LineCountEstimate.of(dir.resolve("ratings.dat"), 0);
    }

    @Override
    public OptionalLong movieCountHint() {
        return LineCountEstimate.of(dir.resolve("movies.dat"), 0);
    }

    @Override
    public OptionalLong userCountHint() {
        return LineCountEstimate.of(dir.resolve("users.dat"), 0);
    }

    @Override
    public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        Path file = dir.resolve("ratings.dat");
        return TextFiles.forEachRecord(file, CHARSET, Separator.DOUBLE_COLON, 4, errors,
                (f, n, line) -> RatingFields.DAT.read(f, sink, errors, file, n, line));
    }

    @Override
    public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        Path file = dir.resolve("movies.dat");
        return TextFiles.forEachRecord(file, CHARSET, Separator.DOUBLE_COLON, 3, errors, (f, n, line) -> {
            String id = f.get(0).trim();
            if (id.isEmpty()) {
                return TextFiles.bad(errors, file, n, "empty MovieID", line);
            }
            String title = f.get(1).trim();
            sink.accept(new MovieRow(id, title, Fields.yearAtEndOfTitle(title), Fields.genres(f.get(2), '|'),
                    null, null, null, null));
            return true;
        });
    }

    @Override
    public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
        Path file = dir.resolve("users.dat");
        return TextFiles.forEachRecord(file, CHARSET, Separator.DOUBLE_COLON, 5, errors, (f, n, line) -> {
            String id = f.get(0).trim();
            if (id.isEmpty()) {
                return TextFiles.bad(errors, file, n, "empty UserID", line);
            }
            String gender = f.get(1).trim();
            if (!gender.equals("M") && !gender.equals("F")) {
                return TextFiles.bad(errors, file, n, "Gender is not M or F: " + gender, line);
            }
            int age;
            int occupation;
            try {
                age = Integer.parseInt(f.get(2).trim());
            } catch (NumberFormatException e) {
                return TextFiles.bad(errors, file, n, "Age is not a number: " + f.get(2), line);
            }
            if (!AGE_BUCKETS.containsKey(age)) {
                return TextFiles.bad(errors, file, n, "Age is not a known age code: " + age, line);
            }
            try {
                occupation = Integer.parseInt(f.get(3).trim());
            } catch (NumberFormatException e) {
                return TextFiles.bad(errors, file, n, "Occupation is not a number: " + f.get(3), line);
            }
            if (occupation < 0 || occupation >= OCCUPATIONS.size()) {
                return TextFiles.bad(errors, file, n, "Occupation code out of range 0..20: " + occupation, line);
            }
            sink.accept(new UserRow(id, age, gender, OCCUPATIONS.get(occupation)));
            return true;
        });
    }
}
