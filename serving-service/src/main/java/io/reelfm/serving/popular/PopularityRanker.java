package io.reelfm.serving.popular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.lists.ListFilter;
import io.reelfm.serving.state.ServingStores;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.TrendWindow;

/**
 * Ranks items by audience over the broadcast item statistics, so every instance gives the same
 * answer from local state: popular by Bayesian average (IMDb weighted rating, the prior being the
 * mean over all ratings), trending by ratings within a window ending at the newest event seen
 * (stream time, so replayed history trends the way it did when it happened).
 */
public final class PopularityRanker {

    private final ServingStores stores;
    private final Catalog catalog;
    private final int minVotes;
    /** How long one decoded copy of the item statistics serves requests, at least. */
    static final java.time.Duration SNAPSHOT_TTL = java.time.Duration.ofSeconds(1);
    /**
     * A copy also lives this many times as long as decoding it took, so re-decoding costs at most
     * 1/{@value} of one thread however large the catalogue: at 62,000 items a decode took about
     * 0.3 s of a loaded core and, renewed every second, a fifth of a serving instance's CPU.
     */
    static final int LIFETIME_PER_DECODE = 50;
    private volatile Snapshot cached;
    private final LongSupplier nanoClock;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Object rebuild = new Object();
    private final AtomicLong decodes = new AtomicLong();

    public PopularityRanker(ServingStores stores, Catalog catalog, int minVotes) {
        this(stores, catalog, minVotes, System::nanoTime);
    }

    /** @param nanoClock the monotonic clock snapshots age by (tests move it by hand) */
    PopularityRanker(ServingStores stores, Catalog catalog, int minVotes, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.stores = stores;
        this.catalog = catalog;
        this.minVotes = minVotes;
    }

    /** The top {@code k} by weighted rating among items whose catalogue entry passes {@code filter}. */
    public List<PopularItem> popular(int k, Predicate<MovieView> filter) {
        return firstPassing(k, snapshot().byWeightedRating(), filter);
    }

    /**
     * The top {@code k} for a new user known only by profile: items ranked by how raters in the
     * same segments rated them ({@link ItemStats#segmentScore}).
     */
    public List<PopularItem> byProfile(int k, List<String> segments, Predicate<MovieView> filter) {
        return firstPassing(k, rank(snapshot().items(), stats -> segments.stream().anyMatch(s -> stats.segmentCount(s) > 0),
                stats -> stats.segmentScore(segments, minVotes)), filter);
    }

    private record Scored(String itemId, ItemStats stats, double score) {
    }

    /** Rated items that are {@code eligible}, best {@code score} first (ties by id). */
    private static List<Scored> rank(List<KeyValue<String, ItemStats>> all, Predicate<ItemStats> eligible,
                                     ToDoubleFunction<ItemStats> score) {
        List<Scored> scored = new ArrayList<>(all.size());
        for (KeyValue<String, ItemStats> kv : all) {
            if (kv.value.count() > 0 && eligible.test(kv.value)) {
                scored.add(new Scored(kv.key, kv.value, score.applyAsDouble(kv.value)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::itemId));
        return scored;
    }

    /** The first {@code k} of {@code ranked} whose catalogue entry passes {@code filter}. */
    private List<PopularItem> firstPassing(int k, List<Scored> ranked, Predicate<MovieView> filter) {
        List<PopularItem> out = new ArrayList<>(k);
        for (Scored s : ranked) {
            MovieView m = catalog.view(s.itemId());
            if (!filter.test(m)) {
                continue;
            }
            out.add(new PopularItem(m.itemId(), m.title(), m.year(), m.genres(), s.stats().count(),
                    round(s.stats().mean()), round(s.score())));
            if (out.size() == k) {
                break;
            }
        }
        return out;
    }

    /** The {@code k} items rated most often within {@code window} that {@code filter} accepts. */
    public Trending trending(TrendWindow window, int k, ListFilter filter) {
        List<KeyValue<String, ItemStats>> all = snapshot().items();
        long now = all.stream().mapToLong(kv -> kv.value.lastEventTime()).max().orElse(Long.MIN_VALUE);
        record Counted(String itemId, long count) {
        }
        List<Counted> counted = new ArrayList<>();
        if (now != Long.MIN_VALUE) {
            for (KeyValue<String, ItemStats> kv : all) {
                long c = kv.value.trendCount(window, now);
                if (c > 0 && (!filter.narrows() || filter.accepts(catalog.view(kv.key)))) {
                    counted.add(new Counted(kv.key, c));
                }
            }
        }
        counted.sort(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::itemId));
        List<TrendingItem> items = new ArrayList<>(k);
        for (Counted c : counted.subList(0, Math.min(k, counted.size()))) {
            MovieView m = catalog.view(c.itemId());
            items.add(new TrendingItem(m.itemId(), m.title(), m.year(), m.genres(), c.count()));
        }
        return new Trending(window.label(), now == Long.MIN_VALUE ? null : now, items);
    }

    /** The item's statistics, if it was ever rated. */
    public Optional<ItemStats> stats(String itemId) {
        return Optional.ofNullable(stores.itemStats().get(itemId));
    }

    /** Every rated item's statistics by item id, as of the shared snapshot (see {@link #snapshot()} for its age). */
    public java.util.Map<String, ItemStats> allStats() {
        List<KeyValue<String, ItemStats>> all = snapshot().items();
        java.util.Map<String, ItemStats> out = new java.util.HashMap<>(all.size() * 2);
        all.forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    /** Catalogue-wide mean rating, the prior of the Bayesian average. */
    public double globalMean() {
        return snapshot().globalMean();
    }

    private static double globalMean(List<KeyValue<String, ItemStats>> all) {
        long count = 0;
        double sum = 0;
        for (KeyValue<String, ItemStats> kv : all) {
            count += kv.value.count();
            sum += kv.value.sum();
        }
        return count == 0 ? 0 : sum / count;
    }

    public int minVotes() {
        return minVotes;
    }

    /**
     * Every item's statistics, read. Reading the whole store costs milliseconds per request even
     * with only each record's head decoded ({@link ItemStats#fromBytes}; trend rings and segment
     * counts wait until a trending or profile list asks for them, then stay decoded in this copy),
     * and every list for a user without history needs it, so one copy is shared for {@link #SNAPSHOT_TTL}, or {@link #LIFETIME_PER_DECODE}
     * times its decoding time when that is longer: popularity may lag a rating by that long (about
     * 15 s at 62,000 items), which no chart reader can tell.
     */
    private Snapshot snapshot() {
        Snapshot s = cached;
        if (s != null && s.fresh(nanoClock.getAsLong())) {
            return s;
        }
        // One decode at a time: while one thread decodes the next copy the others keep serving the
        // expired one. Every request thread decoding its own copy at once held a copy per thread
        // (about 100 MB each at 62,000 items) and ran a 1 GB instance out of heap under load.
        if (s != null && !rebuilding.compareAndSet(false, true)) {
            return s;
        }
        try {
            synchronized (rebuild) {
                Snapshot again = cached;
                if (again != null && again != s && again.fresh(nanoClock.getAsLong())) {
                    return again;
                }
                long start = nanoClock.getAsLong();
                List<KeyValue<String, ItemStats>> items = List.copyOf(read());
                double mean = globalMean(items);
                List<Scored> chart = rank(items, stats -> true, stats -> stats.bayesianAverage(mean, minVotes));
                long now = nanoClock.getAsLong();
                Snapshot fresh = new Snapshot(items, chart, mean, now,
                        Math.max(SNAPSHOT_TTL.toNanos(), LIFETIME_PER_DECODE * (now - start)));
                cached = fresh;
                decodes.incrementAndGet();
                return fresh;
            }
        } finally {
            if (s != null) {
                rebuilding.set(false);
            }
        }
    }

    /** How many times the whole store has been decoded; one per expired snapshot however many requests wait. */
    long decodes() {
        return decodes.get();
    }

    /**
     * One decoded copy of the store, with the chart every popular list is cut from ranked once: a
     * list for a user without a model vector then walks the chart to its first k accepted items
     * instead of sorting the whole catalogue per request (tens of milliseconds at 62,000 items).
     */
    private record Snapshot(List<KeyValue<String, ItemStats>> items, List<Scored> byWeightedRating, double globalMean,
                            long atNanos, long lifetimeNanos) {

        boolean fresh(long nowNanos) {
            return nowNanos - atNanos < lifetimeNanos;
        }
    }

    private List<KeyValue<String, ItemStats>> read() {
        List<KeyValue<String, ItemStats>> out = new ArrayList<>();
        try (KeyValueIterator<String, ItemStats> it = stores.itemStats().all()) {
            while (it.hasNext()) {
                KeyValue<String, ItemStats> kv = it.next();
                if (kv.value != null) {
                    out.add(kv);
                }
            }
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    public record PopularItem(String itemId, String title, Integer year, List<String> genres, long ratings,
                              double meanRating, double weightedRating) {
    }

    public record TrendingItem(String itemId, String title, Integer year, List<String> genres, long ratings) {
    }

    /** @param asOf the stream time (epoch ms) the window ends at; null before any rating */
    public record Trending(String window, Long asOf, List<TrendingItem> items) {
    }
}
