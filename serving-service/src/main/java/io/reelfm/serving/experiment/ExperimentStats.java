package io.reelfm.serving.experiment;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Running online metrics of one variant: lists shown, lists with at least one item rated
 * within the impression window, ratings of recommended items (count and sum), and distinct
 * items recommended. Derived values ({@link #hitRate}, {@link #meanRatedRating},
 * coverage) are computed at query time.
 */
public record ExperimentStats(long impressions, long hitImpressions, long rated, double ratedSum, long distinctItems) {

    public static final ExperimentStats EMPTY = new ExperimentStats(0, 0, 0, 0, 0);

    public static final Serde<ExperimentStats> SERDE = Serdes.serdeFrom(
            (topic, s) -> s == null ? null : ByteBuffer.allocate(40).putLong(s.impressions).putLong(s.hitImpressions)
                    .putLong(s.rated).putDouble(s.ratedSum).putLong(s.distinctItems).array(),
            (topic, b) -> {
                if (b == null) {
                    return null;
                }
                if (b.length != 40) {
                    throw new SerializationException("corrupt experiment stats of " + b.length + " bytes");
                }
                ByteBuffer buf = ByteBuffer.wrap(b);
                return new ExperimentStats(buf.getLong(), buf.getLong(), buf.getLong(), buf.getDouble(), buf.getLong());
            });

    public ExperimentStats apply(ExperimentSignal s) {
        return switch (s.kind()) {
            case IMPRESSION -> new ExperimentStats(impressions + 1, hitImpressions, rated, ratedSum, distinctItems);
            case HIT_IMPRESSION -> new ExperimentStats(impressions, hitImpressions + 1, rated, ratedSum, distinctItems);
            case RATED -> new ExperimentStats(impressions, hitImpressions, rated + 1, ratedSum + s.rating(), distinctItems);
            case NEW_ITEM -> new ExperimentStats(impressions, hitImpressions, rated, ratedSum, distinctItems + 1);
        };
    }

    /** Share of lists of which at least one item was rated within the window; null before any list. */
    public Double hitRate() {
        return impressions == 0 ? null : (double) hitImpressions / impressions;
    }

    /** Mean rating given to recommended items that got rated; null before any. */
    public Double meanRatedRating() {
        return rated == 0 ? null : ratedSum / rated;
    }
}
