package io.reelfm.serving.popular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    private final AtomicLong decodes = new AtomicLong();
    /** The popular chart: small (ids and four numbers per item), what most lists need. */
    private final SharedCopy<Chart> chart;
    /**
     * Every item's statistics, for trending and profile lists, read only when one is asked for.
     * Kept apart from the chart because it holds every record's bytes: shared with the chart, they
     * lived as long as the chart, and a young collection under load copied them (58 MB, pauses of
     * 60-75 ms, at 62,000 items).
     */
    private final SharedCopy<List<KeyValue<String, ItemStats>>> items;

    public PopularityRanker(ServingStores stores, Catalog catalog, int minVotes) {
        this(stores, catalog, minVotes, System::nanoTime);
    }

    /** @param nanoClock the monotonic clock snapshots age by (tests move it by hand) */
    PopularityRanker(ServingStores stores, Catalog catalog, int minVotes, LongSupplier nanoClock) {
        this.stores = stores;
        this.catalog = catalog;
        this.minVotes = minVotes;
        this.chart = new SharedCopy<>(this::buildChart, nanoClock, SNAPSHOT_TTL.toNanos(), LIFETIME_PER_DECODE, decodes);
        this.items = new SharedCopy<>(() -> List.copyOf(read()), nanoClock, SNAPSHOT_TTL.toNanos(), LIFETIME_PER_DECODE,
                decodes);
    }

    /**
     * The last chart's item ids in the store's key order, so that the next chart can take the same
     * {@code String} instances for the same ids instead of the ones a store read decodes anew. Only
     * {@link #buildChart} touches it, and {@link SharedCopy} runs one build at a time.
     */
    private String[] lastIds = new String[0];

    /** The top {@code k} by weighted rating among items whose catalogue entry passes {@code filter}. */
    public List<PopularItem> popular(int k, Predicate<MovieView> filter) {
        return firstPassing(k, chart.get().byWeightedRating(), filter);
    }

    /**
     * The top {@code k} for a new user known only by profile: items ranked by how raters in the
     * same segments rated them ({@link ItemStats#segmentScore}).
     */
    public List<PopularItem> byProfile(int k, List<String> segments, Predicate<MovieView> filter) {
        List<KeyValue<String, ItemStats>> all = items.get();
        return firstPassing(k, rank(all, keys(all), stats -> segments.stream().anyMatch(s -> stats.segmentCount(s) > 0),
                stats -> stats.segmentScore(segments, minVotes)), filter);
    }

    /** One item while ranking; a ranking keeps only the numbers ({@link Ranking}). */
    private record Scored(String itemId, long count, double mean, double score) {
    }

    /**
     * Items best first, as parallel arrays rather than an object per item. The chart lives for
     * seconds, long enough to meet a young collection, which copies every live object on its own:
     * at 62,000 items the chart's records and their ids were a large share of what those
     * collections copied. Four arrays are copied as four blocks.
     */
    private record Ranking(String[] itemIds, long[] counts, double[] means, double[] scores) {
        int size() {
            return itemIds.length;
        }
    }

    /**
     * Rated items that are {@code eligible}, best {@code score} first (ties by id).
     *
     * @param ids the id of each of {@code all}'s items, in the same order
     */
    private static Ranking rank(List<KeyValue<String, ItemStats>> all, String[] ids, Predicate<ItemStats> eligible,
                                ToDoubleFunction<ItemStats> score) {
        List<Scored> scored = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            ItemStats stats = all.get(i).value;
            if (stats.count() > 0 && eligible.test(stats)) {
                scored.add(new Scored(ids[i], stats.count(), stats.mean(), score.applyAsDouble(stats)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::itemId));
        Ranking r = new Ranking(new String[scored.size()], new long[scored.size()], new double[scored.size()],
                new double[scored.size()]);
        for (int i = 0; i < scored.size(); i++) {
            Scored one = scored.get(i);
            r.itemIds()[i] = one.itemId();
            r.counts()[i] = one.count();
            r.means()[i] = one.mean();
            r.scores()[i] = one.score();
        }
        return r;
    }

    private static String[] keys(List<KeyValue<String, ItemStats>> all) {
        String[] ids = new String[all.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = all.get(i).key;
        }
        return ids;
    }

    /**
     * {@code all}'s ids, each the previous chart's instance where that chart had the id. Both
     * lists are in the store's key order, so one merging walk finds them; where the order of
     * {@code String#compareTo} differs from the store's, an id is merely not shared.
     */
    private String[] sharedIds(List<KeyValue<String, ItemStats>> all) {
        String[] previous = lastIds;
        String[] ids = new String[all.size()];
        int j = 0;
        for (int i = 0; i < ids.length; i++) {
            String id = all.get(i).key;
            while (j < previous.length && previous[j].compareTo(id) < 0) {
                j++;
            }
            ids[i] = j < previous.length && previous[j].equals(id) ? previous[j] : id;
        }
        lastIds = ids;
        return ids;
    }

    /** The first {@code k} of {@code ranked} whose catalogue entry passes {@code filter}. */
    private List<PopularItem> firstPassing(int k, Ranking ranked, Predicate<MovieView> filter) {
        List<PopularItem> out = new ArrayList<>(k);
        for (int i = 0; i < ranked.size() && out.size() < k; i++) {
            MovieView m = catalog.view(ranked.itemIds()[i]);
            if (filter.test(m)) {
                out.add(new PopularItem(m.itemId(), m.title(), m.year(), m.genres(), ranked.counts()[i],
                        round(ranked.means()[i]), round(ranked.scores()[i])));
            }
        }
        return out;
    }

    /** The {@code k} items rated most often within {@code window} that {@code filter} accepts. */
    public Trending trending(TrendWindow window, int k, ListFilter filter) {
        List<KeyValue<String, ItemStats>> all = items.get();
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

    /** Every rated item's statistics by item id, as of the shared copy (see {@link #buildChart()} for its age). */
    public java.util.Map<String, ItemStats> allStats() {
        List<KeyValue<String, ItemStats>> all = items.get();
        java.util.Map<String, ItemStats> out = new java.util.HashMap<>(all.size() * 2);
        all.forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    /** Catalogue-wide mean rating, the prior of the Bayesian average. */
    public double globalMean() {
        return chart.get().globalMean();
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
     * The chart, from every item's statistics. Reading the whole store costs milliseconds per
     * request even with only each record's head decoded ({@link ItemStats#fromBytes}), and every
     * list for a user without a model vector needs it, so one chart is shared for
     * {@link #SNAPSHOT_TTL}, or {@link #LIFETIME_PER_DECODE} times its decoding time when that is
     * longer ({@link SharedCopy}): popularity may lag a rating by that long, which no chart reader
     * can tell. The records read die with this call.
     */
    private Chart buildChart() {
        List<KeyValue<String, ItemStats>> all = read();
        double mean = globalMean(all);
        return new Chart(rank(all, sharedIds(all), stats -> true, stats -> stats.bayesianAverage(mean, minVotes)), mean);
    }

    /** How many times the whole store has been decoded; one per expired snapshot however many requests wait. */
    long decodes() {
        return decodes.get();
    }

    /**
     * The chart every popular list is cut from, ranked once: a list for a user without a model
     * vector walks it to its first k accepted items instead of sorting the whole catalogue per
     * request (tens of milliseconds at 62,000 items).
     */
    private record Chart(Ranking byWeightedRating, double globalMean) {
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
