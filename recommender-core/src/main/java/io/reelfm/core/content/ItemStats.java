package io.reelfm.core.content;

/**
 * Streaming rating statistics of one item (count and running mean), so popularity and
 * average rating enter the content features without keeping the ratings.
 */
public final class ItemStats {

    private long count;
    private double mean;

    public ItemStats() {
    }

    public ItemStats(long count, double mean) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        this.count = count;
        this.mean = mean;
    }

    /** Adds one rating (Welford-style running mean). */
    public void add(double rating) {
        count++;
        mean += (rating - mean) / count;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }
}
