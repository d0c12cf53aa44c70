package io.reelfm.serving.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.serving.StreamsSettings;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;

class ServingTopologyTest {

    private static final String STATS_TOPIC = "test-item-stats";
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RatingEvent> ratings;

    @BeforeEach
    void start() {
        open(props -> { });
    }

    /** A driver over serving's topology with serving's settings, changed by {@code settings}. */
    private void open(java.util.function.Consumer<Properties> settings) {
        open(3, settings);
    }

    private void open(int maxHistory, java.util.function.Consumer<Properties> settings) {
        ServingConfig config = ServingConfig.from(Settings.ofMap(java.util.Map.of(
                "reelfm.serving.state-dir", stateDir.toString(), "reelfm.serving.application-id", "topology-test")));
        Properties props = StreamsSettings.of(config, 8080);
        settings.accept(props);
        driver = new TopologyTestDriver(ServingTopology.build(STATS_TOPIC, maxHistory), props);
        ratings = driver.createInputTopic(Topics.RATINGS.name(), new StringSerializer(), Topics.RATINGS.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void rate(String user, String item, float rating, Instant at) {
        ratings.pipeInput(new TestRecord<>(user, RatingEvent.newBuilder().setEventId(user + item + at).setUserId(user)
                .setItemId(item).setRating(rating).setTimestamp(at).setSource("test").build(), at));
    }

    @Test
    void userHistoryKeepsLatestRatingPerItemAndDropsOldestBeyondLimit() {
        rate("u1", "i1", 3, T0);
        rate("u1", "i2", 4, T0.plusSeconds(1));
        rate("u1", "i1", 5, T0.plusSeconds(2));
        rate("u1", "i3", 2, T0.plusSeconds(3));
        rate("u1", "i4", 1, T0.plusSeconds(4));

        List<UserHistory.Entry> entries = DriverHistories.read(driver, "u1").entries();
        assertThat(entries).extracting(UserHistory.Entry::itemId).containsExactly("i1", "i3", "i4");
        assertThat(entries.get(0).rating()).isEqualTo(5f);
        assertThat(DriverHistories.read(driver, "u2")).isNull();
    }

    @Test
    void reRatingAnItemLeavesTheUsersEntryCountAsItWas() {
        rate("u1", "i1", 3, T0);
        rate("u1", "i2", 4, T0.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            rate("u1", "i1", 1 + i, T0.plusSeconds(2 + i));
        }

        byte[] head = driver.<org.apache.kafka.common.utils.Bytes, byte[]>getKeyValueStore(StoreNames.USER_RATINGS)
                .get(UserRatingsLayout.userKey("u1"));
        // the count decides when a history is scanned for trimming; an inflated one scans early and often
        assertThat(UserRatingsLayout.Head.of(head).entries()).isEqualTo(2);
        assertThat(UserRatingsLayout.Head.of(head).nextArrival()).as("every rating took an arrival number").isEqualTo(7);
    }

    @Test
    void aHeavyRatersOldestRatingsAreDroppedInOneStepOncePastTheLimit() {
        driver.close();
        open(32, props -> { });
        for (int i = 0; i < 32; i++) {
            rate("h", "i" + i, 4, T0.plusSeconds(i));
        }
        rate("h", "i5", 2, T0.plusSeconds(100));
        List<UserHistory.Entry> atLimit = DriverHistories.read(driver, "h").entries();
        assertThat(atLimit).as("a re-rating at the limit drops nothing").hasSize(32);
        assertThat(atLimit.get(31)).isEqualTo(new UserHistory.Entry("i5", 2f, T0.plusSeconds(100).toEpochMilli()));

        rate("h", "new", 3, T0.plusSeconds(101));
        List<String> items = DriverHistories.read(driver, "h").entries().stream().map(UserHistory.Entry::itemId).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 3; i < 32; i++) {
            if (i != 5) {
                expected.add("i" + i);
            }
        }
        expected.add("i5");
        expected.add("new");
        assertThat(items).as("past 32 the oldest go, down to 32 - 32/16").isEqualTo(expected);
    }

    @Test
    void aRatingWritesAFewDozenBytesHoweverLongItsUsersHistory() {
        driver.close();
        open(2000, props -> { });
        TestOutputTopic<byte[], byte[]> changelog = driver.createOutputTopic("topology-test-" + StoreNames.USER_RATINGS + "-changelog",
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        for (int i = 0; i < 500; i++) {
            rate("long", "item-" + i, 4, T0.plusSeconds(i));
        }
        changelog.readRecordsToList();
        rate("long", "item-500", 4, T0.plusSeconds(500));

        List<TestRecord<byte[], byte[]>> written = changelog.readRecordsToList();
        assertThat(written).as("the item's entry and the user's head").hasSize(2);
        assertThat(written.stream().mapToInt(r -> r.key().length + r.value().length).sum()).isLessThan(80);
        assertThat(DriverHistories.read(driver, "long").size()).isEqualTo(501);
    }

    @Test
    void historiesStoredWholeByEarlierVersionsAreReadAndMovedToTheNewLayout() {
        KeyValueStore<String, UserHistory> earlier = driver.getKeyValueStore(StoreNames.USER_HISTORY);
        earlier.put("old1", UserHistory.empty().with("a", 4f, 1, 10).with("b", 3f, 2, 10));
        earlier.put("old2", UserHistory.empty().with("c", 5f, 3, 10));
        assertThat(DriverHistories.read(driver, "old1").entries()).extracting(UserHistory.Entry::itemId).containsExactly("a", "b");

        rate("old1", "c", 2, T0);
        assertThat(DriverHistories.read(driver, "old1").entries()).extracting(UserHistory.Entry::itemId)
                .containsExactly("a", "b", "c");
        assertThat(earlier.get("old1")).as("moved when the user rated").isNull();
        assertThat(earlier.get("old2")).isNotNull();

        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(earlier.get("old2")).as("moved in the background").isNull();
        assertThat(DriverHistories.read(driver, "old2").entries())
                .containsExactly(new UserHistory.Entry("c", 5f, 3));
    }

    @Test
    void itemStatsAreAggregatedAcrossUsersAndBroadcastToTheGlobalStore() {
        rate("u1", "i1", 4, T0);
        rate("u2", "i1", 2, T0.plusSeconds(1));
        rate("u3", "i2", 5, T0.plusSeconds(2));

        KeyValueStore<String, ItemStats> global = driver.getKeyValueStore(StoreNames.ITEM_STATS);
        assertThat(global.get("i1").count()).isEqualTo(2);
        assertThat(global.get("i1").mean()).isEqualTo(3.0);
        assertThat(global.get("i2").count()).isEqualTo(1);
    }

    @Test
    void broadcastStatisticsOfAnItemNeverGoBackInTimeWhenItsRatingsArriveOutOfOrder() {
        // With the record cache off every update reads the store, as it does in a running
        // instance once the cache has been flushed at a commit.
        driver.close();
        open(props -> props.put(org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L));
        TestOutputTopic<String, ItemStats> broadcast = driver.createOutputTopic(STATS_TOPIC, new StringDeserializer(),
                StateSerdes.ITEM_STATS.deserializer());
        rate("u1", "i1", 4, T0.plusSeconds(60));
        rate("u2", "i1", 2, T0);
        rate("u3", "i1", 5, T0.plusSeconds(30));

        List<TestRecord<String, ItemStats>> updates = broadcast.readRecordsToList();
        assertThat(updates).extracting(r -> r.getValue().count()).containsExactly(1L, 2L, 3L);
        assertThat(updates).extracting(TestRecord::getRecordTime).containsOnly(T0.plusSeconds(60));
        assertThat(driver.<String, ItemStats>getKeyValueStore(StoreNames.ITEM_STATS).get("i1").count()).isEqualTo(3);
    }

    @Test
    void trendCountsOnlyRatingsInsideTheWindowEndingNow() {
        rate("u1", "i1", 4, T0);
        rate("u2", "i1", 4, T0.plus(Duration.ofMinutes(40)));
        rate("u3", "i1", 4, T0.plus(Duration.ofMinutes(90)));

        ItemStats s = driver.<String, ItemStats>getKeyValueStore(StoreNames.ITEM_STATS).get("i1");
        long now = T0.plus(Duration.ofMinutes(90)).toEpochMilli();
        assertThat(s.trendCount(TrendWindow.HOUR, now)).isEqualTo(2);
        assertThat(s.trendCount(TrendWindow.DAY, now)).isEqualTo(3);
        assertThat(s.trendCount(TrendWindow.HOUR, T0.plus(Duration.ofHours(3)).toEpochMilli())).isZero();
    }

    @Test
    void undecodableRatingIsSkippedAndTheStreamKeepsProcessing() {
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.RATINGS.name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        raw.pipeInput("u9".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
        rate("u9", "i7", 4, T0);

        assertThat(DriverHistories.read(driver, "u9").entries())
                .extracting(UserHistory.Entry::itemId).containsExactly("i7");
    }

    @Test
    void catalogueIsMaterialisedInAGlobalStore() {
        TestInputTopic<String, Movie> movies = driver.createInputTopic(Topics.MOVIES.name(),
                new StringSerializer(), Topics.MOVIES.valueSerde().serializer());
        movies.pipeInput("1", Movie.newBuilder().setItemId("1").setTitle("Toy Story").setYear(1995)
                .setGenres(List.of("Animation")).build());

        KeyValueStore<String, Movie> store = driver.getKeyValueStore(StoreNames.MOVIES);
        assertThat(store.get("1").getTitle()).isEqualTo("Toy Story");
    }

    @Test
    void ratingsAreAlsoCountedUnderTheRatersProfileSegments() {
        TestInputTopic<String, io.reelfm.schemas.UserProfile> users = driver.createInputTopic(Topics.USERS.name(),
                new StringSerializer(), Topics.USERS.valueSerde().serializer());
        users.pipeInput("f1", io.reelfm.schemas.UserProfile.newBuilder().setUserId("f1").setGender("F").setAge(30)
                .setOccupation("engineer").build());
        rate("f1", "i1", 5, T0);
        rate("m1", "i1", 1, T0.plusSeconds(1));

        ItemStats s = driver.<String, ItemStats>getKeyValueStore(StoreNames.ITEM_STATS).get("i1");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.segmentCount("gender:F")).isEqualTo(1);
        assertThat(s.segmentCount("age:25-34")).isEqualTo(1);
        assertThat(s.segmentCount("occupation:engineer")).isEqualTo(1);
        assertThat(s.segmentScore(List.of("gender:F"), 0)).isEqualTo(5.0);
        assertThat(s.segmentScore(List.of("gender:F"), 1)).isEqualTo(4.0);
        assertThat(DriverHistories.read(driver, "f1").entries().get(0).itemId())
                .isEqualTo("i1");
    }

    @Test
    void ratingWithNonPositiveValueIsIgnored() {
        rate("u5", "i1", 0, T0);
        assertThat(DriverHistories.read(driver, "u5")).isNull();
    }


    @Test
    void repeatedEventIdIsCountedOnceInEveryStatistic() {
        Instant at = T0;
        for (int i = 0; i < 5; i++) {
            ratings.pipeInput(new TestRecord<>("u5", RatingEvent.newBuilder().setEventId("same-event").setUserId("u5")
                    .setItemId("i5").setRating(i == 0 ? 5 : 1).setTimestamp(at).setSource("test").build(), at));
        }
        rate("u6", "i5", 3, T0.plusSeconds(1));

        ItemStats s = driver.<String, ItemStats>getKeyValueStore(StoreNames.ITEM_STATS).get("i5");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(4.0);
    }

    @Test
    void deduplicationForgetsTheOldestIdsBeyondItsCapacity() {
        driver.close();
        Properties props = new Properties();
        props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-capacity");
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("small").toString());
        driver = new TopologyTestDriver(ServingTopology.build(STATS_TOPIC, 3, 2), props);
        ratings = driver.createInputTopic(Topics.RATINGS.name(), new StringSerializer(), Topics.RATINGS.valueSerde().serializer());
        for (String id : List.of("a", "b", "c", "a", "c")) {
            ratings.pipeInput(new TestRecord<>("u7", RatingEvent.newBuilder().setEventId(id).setUserId("u7")
                    .setItemId("i9").setRating(4).setTimestamp(T0).setSource("test").build(), T0));
        }

        // "a" was forgotten when "c" arrived (capacity 2), so its repeat counts; "c"'s does not.
        assertThat(driver.<String, ItemStats>getKeyValueStore(StoreNames.ITEM_STATS).get("i9").count()).isEqualTo(4);
    }

    @Test
    void undecodableMovieIsSkippedAndTheStoreKeepsThePreviousValue() {
        TestInputTopic<String, Movie> movies = driver.createInputTopic(Topics.MOVIES.name(),
                new StringSerializer(), Topics.MOVIES.valueSerde().serializer());
        movies.pipeInput("1", Movie.newBuilder().setItemId("1").setTitle("Toy Story").setYear(1995)
                .setGenres(List.of("Animation")).build());
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.MOVIES.name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        raw.pipeInput("1".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput("2".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2, 3});
        movies.pipeInput("3", Movie.newBuilder().setItemId("3").setTitle("Heat").setYear(1995).setGenres(List.of()).build());

        KeyValueStore<String, Movie> store = driver.getKeyValueStore(StoreNames.MOVIES);
        assertThat(store.get("1").getTitle()).isEqualTo("Toy Story");
        assertThat(store.get("2")).isNull();
        assertThat(store.get("3").getTitle()).isEqualTo("Heat");
    }

    @Test
    void tombstoneRemovesAMovie() {
        TestInputTopic<String, Movie> movies = driver.createInputTopic(Topics.MOVIES.name(),
                new StringSerializer(), Topics.MOVIES.valueSerde().serializer());
        movies.pipeInput("1", Movie.newBuilder().setItemId("1").setTitle("Toy Story").setYear(1995)
                .setGenres(List.of("Animation")).build());
        movies.pipeInput("1", (Movie) null);

        assertThat(driver.<String, Movie>getKeyValueStore(StoreNames.MOVIES).get("1")).isNull();
    }
}
