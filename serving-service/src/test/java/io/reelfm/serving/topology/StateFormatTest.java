package io.reelfm.serving.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateFormatTest {

    @Test
    void userHistoryRoundTripsAndItsStampChangesWithEveryRating() {
        UserHistory h = UserHistory.empty().with("a", 4f, 10, 10).with("b", 2.5f, 20, 10);
        UserHistory back = UserHistory.fromBytes(h.toBytes());
        assertThat(back.entries()).isEqualTo(h.entries());
        assertThat(back.stamp()).isEqualTo(h.stamp());
        assertThat(h.with("a", 5f, 30, 10).stamp()).isNotEqualTo(h.stamp());
    }

    /** Ids that take one, two and three bytes a character in modified UTF-8, an encoded NUL and a surrogate pair. */
    private static final List<String> IDS = List.of("tt0114709", "1", "Amélie", "\u0000x", "映画42", "\uD83C\uDFAC", "");

    @Test
    void userHistoryBytesAreWhatTheStoredFormatHasAlwaysBeen() {
        UserHistory h = UserHistory.empty();
        long t = -5;
        for (String id : IDS) {
            h = h.with(id, 3.5f, t, 100);
            t = t * 7 + Long.MAX_VALUE / 3;
        }
        // The format as data streams write it: stores and changelogs written before must read back.
        byte[] expected = DataStreamHistoryFormat.encode(h);
        assertThat(h.toBytes()).isEqualTo(expected);
        assertThat(UserHistory.fromBytes(expected).entries()).isEqualTo(h.entries());
    }

    @Test
    void userHistoryCutShortAnywhereIsASerializationError() {
        UserHistory h = UserHistory.empty();
        for (String id : IDS) {
            h = h.with(id, 4f, 10, 100);
        }
        byte[] bytes = h.toBytes();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> UserHistory.fromBytes(shorter)).as("cut at %d of %d", cut, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void itemStatsRoundTripWithTrendsAndSegments() {
        ItemStats s = new ItemStats().add(4f, 1_000_000L, List.of("gender:F")).add(2f, 1_060_000L, List.of());
        ItemStats back = ItemStats.fromBytes(s.toBytes());
        assertThat(back.count()).isEqualTo(2);
        assertThat(back.mean()).isEqualTo(3.0);
        assertThat(back.lastEventTime()).isEqualTo(1_060_000L);
        assertThat(back.trendCount(TrendWindow.HOUR, 1_060_000L)).isEqualTo(2);
        assertThat(back.segmentCount("gender:F")).isEqualTo(1);
    }

    /** What the data-stream encoder wrote for {@link #statsWithEveryKindOfSegment}, before the one-array codec. */
    private static final String ITEM_STATS_AS_WRITTEN_BEFORE =
            "030000000000000003401c00000000000000000000055d4a800200023168000000000000012c0000000c000000000000" +
            "000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000332346800" +
            "000000000000190000001800000000000000000000000000000001000000000000000000000000000000000000000000" +
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000" +
            "000000000000000000000000000004000a6167653ae698a0e794bb3ff00000000000004010000000000000000867656e" +
            "6465723a464000000000000000401a00000000000000146f636375706174696f6e3ac3a96372697661696e3ff0000000" +
            "0000004010000000000000000478c080793ff00000000000004010000000000000000000033f00000000000000000000" +
            "01402000000000000000000001408000000000000000000001";

    private static ItemStats statsWithEveryKindOfSegment() {
        return new ItemStats().add(4f, 1_000_000L, List.of("gender:F", "occupation:\u00e9crivain", "age:\u6620\u753b", "x\u0000y"))
                .add(2.5f, 4_000_000L, List.of("gender:F")).add(0.5f, 90_000_000L, List.of());
    }

    @Test
    void itemStatsBytesAreWhatTheStoredFormatHasAlwaysBeen() {
        byte[] before = java.util.HexFormat.of().parseHex(ITEM_STATS_AS_WRITTEN_BEFORE);
        assertThat(statsWithEveryKindOfSegment().toBytes()).isEqualTo(before);

        ItemStats back = ItemStats.fromBytes(before);
        assertThat(back.count()).isEqualTo(3);
        assertThat(back.segmentCount("occupation:\u00e9crivain")).isEqualTo(1);
        assertThat(back.segmentCount("age:\u6620\u753b")).isEqualTo(1);
        assertThat(back.segmentCount("x\u0000y")).isEqualTo(1);
        assertThat(back.segmentCount("gender:F")).isEqualTo(2);
        assertThat(back.histogram()).containsExactly(java.util.Map.entry(0.5f, 1L), java.util.Map.entry(2.5f, 1L),
                java.util.Map.entry(4f, 1L));
        assertThat(back.toBytes()).as("encoded again once decoded").isEqualTo(before);
    }

    @Test
    void itemStatsReadAndPassedOnUnchangedGiveBackTheirBytes() {
        byte[] bytes = statsWithEveryKindOfSegment().toBytes();
        assertThat(ItemStats.fromBytes(bytes).toBytes()).isSameAs(bytes);
        assertThat(ItemStats.fromBytes(bytes).add(3f, 5_000_000L).toBytes()).isNotEqualTo(bytes);
    }

    @Test
    void itemStatsCountRatingsPerHalfStarBin() {
        ItemStats s = new ItemStats().add(4f, 0).add(4.1f, 0).add(0.5f, 0).add(3.74f, 0);
        ItemStats back = ItemStats.fromBytes(s.toBytes());
        assertThat(back.histogram()).containsExactly(java.util.Map.entry(0.5f, 1L), java.util.Map.entry(3.5f, 1L),
                java.util.Map.entry(4f, 2L));
    }

    @Test
    void itemStatsWrittenBeforeTheHistogramStillRead() {
        byte[] current = new ItemStats().add(4f, 1_000L, List.of("age:25")).toBytes();
        // the previous format: the same fields without the trailing histogram
        byte[] previous = java.util.Arrays.copyOf(current, current.length - (4 + 4 + 8));
        previous[0] = 2;
        ItemStats back = ItemStats.fromBytes(previous);
        assertThat(back.count()).isEqualTo(1);
        assertThat(back.segmentCount("age:25")).isEqualTo(1);
        assertThat(back.histogram()).isEmpty();
    }

    @Test
    void truncatedStateIsASerializationError() {
        byte[] bytes = UserHistory.empty().with("a", 4f, 10, 10).toBytes();
        assertThatThrownBy(() -> UserHistory.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> ItemStats.fromBytes(new byte[] {9})).isInstanceOf(SerializationException.class);
    }

    @Test
    void itemStatsCutShortInsideTheirBodyFailWhenReadNotWhenFirstUsed() {
        byte[] bytes = statsWithEveryKindOfSegment().toBytes();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> ItemStats.fromBytes(shorter)).as("cut at %d of %d", cut, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void itemStatsReadBackReEncodeToTheSameBytesAndDecodeOnceForConcurrentReaders() throws Exception {
        ItemStats s = new ItemStats().add(4f, 1_000_000L, List.of("gender:F")).add(2.5f, 1_060_000L, List.of("age:25"));
        byte[] bytes = s.toBytes();
        ItemStats back = ItemStats.fromBytes(bytes);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int t = 0; t < 8; t++) {
                answers.add(pool.submit(() -> back.trendCount(TrendWindow.HOUR, 1_060_000L) + "/"
                        + back.segmentCount("gender:F") + "/" + back.histogram()));
            }
            for (var a : answers) {
                assertThat(a.get()).isEqualTo("2/1/{2.5=1, 4.0=1}");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(back.toBytes()).isEqualTo(bytes);
        // the aggregator keeps counting on a record it read back
        assertThat(back.add(5f, 1_070_000L).trendCount(TrendWindow.HOUR, 1_070_000L)).isEqualTo(3);
    }

    @Test
    void bayesianAveragePullsFewRatingsTowardTheGlobalMean() {
        ItemStats few = new ItemStats().add(5f, 0).add(5f, 0);
        ItemStats many = new ItemStats();
        for (int i = 0; i < 1000; i++) {
            many.add(4.5f, i);
        }
        assertThat(few.bayesianAverage(3.0, 20)).isLessThan(many.bayesianAverage(3.0, 20));
        assertThat(few.bayesianAverage(3.0, 0)).isEqualTo(5.0);
    }

    @Test
    void timeBucketsDropEventsOlderThanTheRingAndClearSkippedBuckets() {
        TimeBuckets t = new TimeBuckets(10, 3);
        t.add(5);
        t.add(15);
        t.add(25);
        assertThat(t.countAt(29)).isEqualTo(3);
        t.add(55);
        assertThat(t.countAt(55)).isEqualTo(1);
        t.add(1);
        assertThat(t.countAt(55)).isEqualTo(1);
        assertThat(t.countAt(200)).isZero();
    }

    @Test
    void profileSegmentsBucketAgesAndNormaliseValues() {
        assertThat(ProfileSegments.of(30, "f", " Engineer ")).containsExactly("gender:F", "age:25-34", "occupation:engineer");
        assertThat(ProfileSegments.of(17, null, null)).containsExactly("age:under-18");
        assertThat(ProfileSegments.of(70, null, "")).containsExactly("age:56+");
        assertThat(ProfileSegments.of(null, null, null)).isEmpty();
    }
}
