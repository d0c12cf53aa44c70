package io.reelfm.datasets.movielens;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.datasets.text.Separator;
import io.reelfm.datasets.text.TextFiles;

/**
 * Streaming readers for the MovieLens 100K files: {@code u.data} and the {@code uN.base/test}
 * folds (tab separated: user, item, rating, unix seconds), {@code u.item} (pipe separated,
 * 19 genre flags, ISO-8859-1) and {@code u.user} (pipe separated: id, age, gender,
 * occupation, zip). Each reader passes good rows to a sink and bad lines to an error sink, so
 * memory stays constant and one broken line does not stop a replay.
 */
public final class MovieLens100k {

    /** Genre names in the column order of {@code u.item}. */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final Charset CHARSET = StandardCharsets.ISO_8859_1;

    private MovieLens100k() {
    }

    /** True when the directory holds the three core files. */
    public static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve("u.data")) && Files.isRegularFile(dir.resolve("u.item"))
                && Files.isRegularFile(dir.resolve("u.user"));
    }

    /** Reads a ratings file in u.data format. @return the number of good rows */
    public static long readRatings(Path file, Consumer<RatingRow> sink, Consumer<BadLine> errors) {
        return TextFiles.forEachRecord(file, CHARSET, Separator.TAB, 4, errors, (f, n, line) -> {
            try {
                String user = f.get(0).trim();
                String item = f.get(1).trim();
                if (user.isEmpty() || item.isEmpty()) {
                    return bad(errors, file, n, "empty user or item id", line);
                }
                float rating = Float.parseFloat(f.get(2).trim());
                long seconds = Long.parseLong(f.get(3).trim());
                sink.accept(new RatingRow(user, item, rating, seconds * 1000L));
                return true;
            } catch (NumberFormatException e) {
                return bad(errors, file, n, "not a number: " + e.getMessage(), line);
            }
        });
    }

    /** Reads u.item. @return the number of good rows */
    public static long readMovies(Path file, Consumer<MovieRow> sink, Consumer<BadLine> errors) {
        return TextFiles.forEachRecord(file, CHARSET, Separator.PIPE, 5 + GENRES.size(), errors, (f, n, line) -> {
            String id = f.get(0).trim();
            if (id.isEmpty()) {
                return bad(errors, file, n, "empty item id", line);
            }
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < GENRES.size(); g++) {
                String flag = f.get(5 + g).trim();
                if (flag.equals("1")) {
                    genres.add(GENRES.get(g));
                } else if (!flag.equals("0")) {
                    return bad(errors, file, n, "genre flag " + GENRES.get(g) + " is not 0 or 1", line);
                }
            }
            sink.accept(new MovieRow(id, f.get(1).trim(), yearOf(f.get(1), f.get(2)), genres, imdbIdFromUrl(f.get(4)),
                    null, null, null));
            return true;
        });
    }

    /** Reads u.user. @return the number of good rows */
    public static long readUsers(Path file, Consumer<UserRow> sink, Consumer<BadLine> errors) {
        return TextFiles.forEachRecord(file, CHARSET, Separator.PIPE, 5, errors, (f, n, line) -> {
            try {
                String id = f.get(0).trim();
                if (id.isEmpty()) {
                    return bad(errors, file, n, "empty user id", line);
                }
                sink.accept(new UserRow(id, Integer.parseInt(f.get(1).trim()), f.get(2).trim(), f.get(3).trim()));
                return true;
            } catch (NumberFormatException e) {
                return bad(errors, file, n, "age is not a number", line);
            }
        });
    }

    static Integer yearOf(String title, String releaseDate) {
        String date = releaseDate.trim();
        if (date.length() >= 4) {
            String tail = date.substring(date.length() - 4);
            if (tail.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(tail);
            }
        }
        int open = title.lastIndexOf('(');
        if (open >= 0 && open + 5 < title.length() + 1 && title.length() >= open + 6) {
            String y = title.substring(open + 1, open + 5);
            if (y.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(y);
            }
        }
        return null;
    }

    /** u.item carries an IMDb search URL, not an id; no tt-id can be recovered from it. */
    static String imdbIdFromUrl(String url) {
        int tt = url.indexOf("tt");
        if (tt >= 0 && tt + 9 <= url.length() && url.substring(tt + 2, tt + 9).chars().allMatch(Character::isDigit)) {
            return url.substring(tt, tt + 9);
        }
        return null;
    }

    private static boolean bad(Consumer<BadLine> errors, Path file, long n, String reason, String line) {
        return TextFiles.bad(errors, file, n, reason, line);
    }
}
