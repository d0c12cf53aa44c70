package io.reelfm.trainer.evaluate;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.RatingRow;
import java.util.function.Consumer;

/**
 * Collects the rating rows of one input (a data set, a {@code --train} or {@code --test} file)
 * into a {@link RatingSetBuilder} and counts the lines its reader skipped.
 *
 * <p>Evaluation tolerates bad lines as the replay does, because a handful of broken lines in a
 * 25M-rating file should not stop a run and the streaming readers already dropped them. An input
 * without a single good rating, though, is a wrong file or a wrong option, so {@link #build}
 * stops there with a message naming the option, the count and the first reason. Values are
 * kept as read (half stars stay half stars; the scale is whatever the data holds) and times
 * keep the rows' event time in milliseconds, which the time-based protocols order by.
 */
final class RatingCollector implements Consumer<RatingRow> {

    private final String source;
    private final RatingSetBuilder builder;
    private final LineErrors errors = new LineErrors();
    private long good;
    private long notFinite;

    /** @param source how messages name the input, e.g. {@code --data /data/ml-1m} */
    RatingCollector(String source, IdIndex users, IdIndex items) {
        this.source = source;
        this.builder = new RatingSetBuilder(users, items);
    }

    @Override
    public void accept(RatingRow row) {
        if (!Float.isFinite(row.rating())) {
            notFinite++;
            return;
        }
        builder.add(row.userId(), row.itemId(), row.rating(), row.timestampMillis());
        good++;
    }

    /** Where the reader reports the lines it skipped. */
    Consumer<BadLine> errors() {
        return errors;
    }

    /** Lines skipped so far: malformed ones and ratings that are not finite numbers. */
    long badLines() {
        return errors.count() + notFinite;
    }

    /**
     * The ratings over explicit index-space sizes (train and test of one split must agree).
     *
     * @throws IllegalArgumentException naming the input when it held no good rating
     */
    RatingSet build(int numUsers, int numItems) {
        if (good == 0) {
            StringBuilder message = new StringBuilder(source).append(": no ratings could be read");
            if (badLines() > 0) {
                message.append(" (").append(badLines()).append(" bad lines");
                if (!errors.first().isEmpty()) {
                    message.append("; first: ").append(errors.first().get(0));
                }
                message.append(')');
            }
            throw new IllegalArgumentException(message.toString());
        }
        return builder.build(numUsers, numItems);
    }
}
