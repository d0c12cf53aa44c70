package io.reelfm.datasets.movielens;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.text.TextFiles;

/**
 * The four fields every MovieLens ratings file holds, whatever its separator: user id, movie id,
 * a rating from 0.5 to 5 and unix seconds. One reader for all generations, so they accept and
 * reject the same rows; error messages use the field names of the format's README.
 *
 * @param user name of the user-id field, e.g. {@code UserID} or {@code userId}
 */
record RatingFields(String user, String item, String rating, String timestamp) {

    static final RatingFields DAT = new RatingFields("UserID", "MovieID", "Rating", "Timestamp");
    static final RatingFields CSV = new RatingFields("userId", "movieId", "rating", "timestamp");

    /**
     * Sends the row of {@code f} (exactly four fields, checked by the caller) to {@code sink}, or
     * reports why it is bad.
     *
     * @return true for a good row, the line handlers' result
     */
    boolean read(List<String> f, Consumer<RatingRow> sink, Consumer<BadLine> errors, Path file, long n, String raw) {
        String userId = f.get(0).trim();
        String itemId = f.get(1).trim();
        if (userId.isEmpty()) {
            return TextFiles.bad(errors, file, n, "empty " + user, raw);
        }
        if (itemId.isEmpty()) {
            return TextFiles.bad(errors, file, n, "empty " + item, raw);
        }
        float value;
        try {
            value = Float.parseFloat(f.get(2).trim());
        } catch (NumberFormatException e) {
            return TextFiles.bad(errors, file, n, rating + " is not a number: " + f.get(2), raw);
        }
        if (!(value >= 0.5f && value <= 5f)) {
            return TextFiles.bad(errors, file, n, rating + " out of range 0.5..5: " + f.get(2), raw);
        }
        long seconds;
        try {
            seconds = Long.parseLong(f.get(3).trim());
        } catch (NumberFormatException e) {
            return TextFiles.bad(errors, file, n, timestamp + " is not a number: " + f.get(3), raw);
        }
        sink.accept(new RatingRow(userId, itemId, value, seconds * 1000L));
        return true;
    }
}
