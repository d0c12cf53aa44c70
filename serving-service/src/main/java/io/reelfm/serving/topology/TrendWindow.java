package io.reelfm.serving.topology;

import java.util.Optional;

/**
 * The trending windows the service maintains, each a hopping window: its length and the hop
 * (bucket) by which it advances. Adding a window here adds it to every item's statistics.
 */
public enum TrendWindow {
    HOUR("1h", 5 * 60_000L, 12),
    DAY("24h", 3600_000L, 24);

    private static final TrendWindow[] VALUES = values();

    private final String label;
    private final long bucketMillis;
    private final int buckets;

    TrendWindow(String label, long bucketMillis, int buckets) {
        this.label = label;
        this.bucketMillis = bucketMillis;
        this.buckets = buckets;
    }

    public String label() {
        return label;
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    public int buckets() {
        return buckets;
    }

    public static Optional<TrendWindow> parse(String label) {
        for (TrendWindow w : VALUES) {
            if (w.label.equals(label)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
