package io.reelfm.serving.popular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.lists.ListFilter;
import io.reelfm.serving.state.ServingStores;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.TrendWindow;
import io.reelfm.serving.topology.UserHistory;

class PopularityRankerTest {

    private static final int THREADS = 16;

    @Test
    void requestsArrivingTogetherAfterTheSnapshotExpiredDecodeTheStoreOnce() throws Exception {
        TreeMap<String, ItemStats> items = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            ItemStats s = new ItemStats();
            for (int r = 0; r <= i % 7; r++) {
                s.add(1 + (i + r) % 5, 1_700_000_000_000L + r);
            }
            items.put(String.format("item-%03d", i), s);
        }
        // The refresh's store read holds until the other fifteen requests have been answered (from the
        // expired copy), so they all arrive while it decodes; a ranker that let each of them decode would
        // have them wait here too, give up after the deadline and count seventeen reads.
        CountDownLatch othersAnswered = new CountDownLatch(THREADS - 1);
        AtomicInteger reads = new AtomicInteger();
        CountingStore<ItemStats> stats = new CountingStore<>(items, () -> {
            if (reads.incrementAndGet() > 1) {
                try {
                    othersAnswered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ServingStores stores = stores(stats);
        AtomicLong clock = new AtomicLong();
        PopularityRanker ranker = new PopularityRanker(stores, new Catalog(stores), 1, clock::get);
        assertThat(ranker.popular(10, m -> true)).hasSize(10);
        clock.addAndGet(PopularityRanker.SNAPSHOT_TTL.toNanos());

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    int size = ranker.popular(10, m -> true).size();
                    othersAnswered.countDown();
                    return size;
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(10);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stats.scans.get()).as("whole-store reads: the first snapshot and one refresh").isEqualTo(2);
        assertThat(ranker.decodes()).isEqualTo(2);
    }

    @Test
    void aCopyThatTookLongToDecodeServesFiftyTimesAsLongAsTheDecodeTook() {
        TreeMap<String, ItemStats> items = new TreeMap<>();
        for (int i = 0; i < 50; i++) {
            ItemStats s = new ItemStats();
            s.add(1 + i % 5, 1_700_000_000_000L);
            items.put(String.format("item-%02d", i), s);
        }
        AtomicLong clock = new AtomicLong();
        // each whole-store read costs 100 ms on the ranker's clock: the copy then lives 5 s, not 1 s
        CountingStore<ItemStats> stats = new CountingStore<>(items, () -> clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)));
        ServingStores stores = stores(stats);
        PopularityRanker ranker = new PopularityRanker(stores, new Catalog(stores), 1, clock::get);
        assertThat(ranker.popular(10, m -> true)).hasSize(10);
        assertThat(ranker.decodes()).isEqualTo(1);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(4_900));
        assertThat(ranker.popular(10, m -> true)).hasSize(10);
        assertThat(ranker.decodes()).as("4.9 s after a 100 ms decode").isEqualTo(1);

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(ranker.popular(10, m -> true)).hasSize(10);
        assertThat(ranker.decodes()).as("5 s after it").isEqualTo(2);
    }

    @Test
    void popularListsReadOnlyTheChartAndTrendingListsShareTheirOwnCopy() {
        TreeMap<String, ItemStats> items = items(40);
        Charted charted = Charted.over(items);
        CountingStore<ItemStats> stats = charted.stats();
        AtomicLong clock = charted.clock();
        PopularityRanker ranker = charted.ranker();

        List<PopularityRanker.PopularItem> first = ranker.popular(5, m -> true);
        ranker.popular(5, m -> true);
        assertThat(stats.scans).as("one read for the chart, however many popular lists").hasValue(1);
        // the chart's numbers are the statistics' own, not a stale copy's
        ItemStats top = items.get(first.get(0).itemId());
        assertThat(first.get(0).ratings()).isEqualTo(top.count());
        assertThat(first.get(0).meanRating()).isEqualTo(PopularityRanker.round(top.mean()));

        PopularityRanker.Trending trending = ranker.trending(TrendWindow.DAY, 3, ListFilter.NONE);
        ranker.trending(TrendWindow.DAY, 3, ListFilter.NONE);
        ranker.byProfile(3, List.of("age:25-34"), m -> true);
        assertThat(trending.items()).hasSize(3);
        assertThat(stats.scans).as("trending and profile lists read the full statistics once, apart from the chart")
                .hasValue(2);

        clock.addAndGet(PopularityRanker.SNAPSHOT_TTL.toNanos());
        ranker.popular(5, m -> true);
        assertThat(stats.scans).as("an expired chart is read again, the full copy is not").hasValue(3);
    }

    @Test
    void aRebuiltChartTakesThePreviousChartsIdsAndItsOwnNumbers() {
        TreeMap<String, ItemStats> items = items(30);
        Charted charted = Charted.over(items);
        List<PopularityRanker.PopularItem> first = charted.ranker().popular(30, m -> true);

        // a new item and more ratings of an old one: the ids and order may change, numbers must
        ItemStats newcomer = new ItemStats();
        newcomer.add(5, 1_700_000_000_000L);
        items.put("item-05a", newcomer);
        String moved = first.get(first.size() - 1).itemId();
        for (int r = 0; r < 20; r++) {
            items.get(moved).add(5, 1_700_000_001_000L + r);
        }
        charted.clock().addAndGet(PopularityRanker.SNAPSHOT_TTL.toNanos());
        List<PopularityRanker.PopularItem> second = charted.ranker().popular(31, m -> true);

        assertThat(charted.stats().scans).hasValue(2);
        assertThat(second).hasSize(31);
        java.util.Map<String, String> firstIds = new java.util.HashMap<>();
        first.forEach(p -> firstIds.put(p.itemId(), p.itemId()));
        for (PopularityRanker.PopularItem p : second) {
            if (firstIds.containsKey(p.itemId())) {
                assertThat(p.itemId()).as("the previous chart's instance").isSameAs(firstIds.get(p.itemId()));
            }
            ItemStats own = items.get(p.itemId());
            assertThat(p.ratings()).isEqualTo(own.count());
            assertThat(p.meanRating()).isEqualTo(PopularityRanker.round(own.mean()));
        }
        assertThat(second.get(0).itemId()).as("twenty fives lift the last item to the top").isEqualTo(moved);
    }

    /** {@code count} items "item-00".. with one to four ratings each, rated a second apart. */
    private static TreeMap<String, ItemStats> items(int count) {
        TreeMap<String, ItemStats> items = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            ItemStats s = new ItemStats();
            for (int r = 0; r <= i % 4; r++) {
                s.add(1 + (i + r) % 5, 1_700_000_000_000L + i * 1000L + r);
            }
            items.put(String.format("item-%02d", i), s);
        }
        return items;
    }

    /** A ranker over {@code items} with a clock moved by hand, and the store to count its reads. */
    private record Charted(CountingStore<ItemStats> stats, AtomicLong clock, PopularityRanker ranker) {
        static Charted over(TreeMap<String, ItemStats> items) {
            CountingStore<ItemStats> stats = new CountingStore<>(items);
            ServingStores stores = stores(stats);
            AtomicLong clock = new AtomicLong();
            return new Charted(stats, clock, new PopularityRanker(stores, new Catalog(stores), 1, clock::get));
        }
    }

    private static ServingStores stores(ReadOnlyKeyValueStore<String, ItemStats> stats) {
        ReadOnlyKeyValueStore<String, Movie> movies = new CountingStore<>(new TreeMap<>());
        return new ServingStores() {
            @Override
            public ReadOnlyKeyValueStore<String, Movie> movies() {
                return movies;
            }

            @Override
            public ReadOnlyKeyValueStore<String, ItemStats> itemStats() {
                return stats;
            }

            @Override
            public UserHistory userHistory(String userId) {
                return null;
            }

            @Override
            public UserProfile userProfile(String userId) {
                return null;
            }
        };
    }

    /** A sorted map as a read-only store whose full scans take a while, so concurrent scans overlap. */
    private static final class CountingStore<V> implements ReadOnlyKeyValueStore<String, V> {

        private final NavigableMap<String, V> data;
        private final Runnable onScan;
        final AtomicInteger scans = new AtomicInteger();

        CountingStore(NavigableMap<String, V> data) {
            this(data, () -> { });
        }

        /** @param onScan run on every whole-store read (a test clock's advance by the read's cost) */
        CountingStore(NavigableMap<String, V> data, Runnable onScan) {
            this.data = data;
            this.onScan = onScan;
        }

        @Override
        public V get(String key) {
            return data.get(key);
        }

        @Override
        public KeyValueIterator<String, V> range(String from, String to) {
            return iterator(data.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, V> all() {
            scans.incrementAndGet();
            onScan.run();
            return iterator(data);
        }

        @Override
        public long approximateNumEntries() {
            return data.size();
        }

        private KeyValueIterator<String, V> iterator(NavigableMap<String, V> view) {
            Iterator<java.util.Map.Entry<String, V>> it = new ArrayList<>(view.entrySet()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public KeyValue<String, V> next() {
                    java.util.Map.Entry<String, V> e = it.next();
                    // a new key object per read, as a store that deserializes its keys returns
                    return KeyValue.pair(new String(e.getKey()), e.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
