package io.reelfm.serving.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.UserProfile;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotKeys;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.variant.Variant;
import io.reelfm.serving.variant.Variants;
import io.reelfm.serving.model.ModelLoader;
import io.reelfm.serving.model.ModelRegistry;
import io.reelfm.service.http.ApiException;
import io.reelfm.serving.model.SnapshotSource;
import io.reelfm.serving.model.TestModels;
import io.reelfm.serving.model.UserVectorCache;
import io.reelfm.serving.popular.PopularityRanker;
import io.reelfm.serving.state.ServingStores;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.serving.StreamsSettings;
import io.reelfm.serving.topology.UserHistory;

class RecommenderTest {

    private static final int ITEMS = 50;
    private static final Instant T0 = Instant.parse("2024-02-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RatingEvent> ratings;
    private Recommender recommender;
    private ModelRegistry registry;
    private ServingStores stores;
    private Catalog catalog;

    @BeforeEach
    void start() {
        ServingConfig config = ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.state-dir", stateDir.toString())));
        driver = new TopologyTestDriver(ServingTopology.build("stats", 100), StreamsSettings.of(config, 8080));
        TestInputTopic<String, Movie> movies = driver.createInputTopic(Topics.MOVIES.name(), new StringSerializer(),
                Topics.MOVIES.valueSerde().serializer());
        for (int i = 0; i < ITEMS; i++) {
            movies.pipeInput("i" + i, Movie.newBuilder().setItemId("i" + i).setTitle("Title " + i).setYear(1980 + i)
                    .setGenres(List.of(i % 2 == 0 ? "Drama" : "Comedy")).build());
        }
        byte[] payload = TestModels.randomPayload(ITEMS, 6, "i", 3);
        TestInputTopic<String, ModelChunk> chunks = driver.createInputTopic(Topics.MODEL_CHUNKS.name(), new StringSerializer(),
                Topics.MODEL_CHUNKS.valueSerde().serializer());
        List<ModelChunk> parts = TestModels.chunks("fm", 1, payload, 4096);
        parts.forEach(c -> chunks.pipeInput(SnapshotKeys.chunk("fm", 1, c.getIndex()), c));
        TestInputTopic<String, ModelManifest> active = driver.createInputTopic(Topics.MODEL_ACTIVE.name(), new StringSerializer(),
                Topics.MODEL_ACTIVE.valueSerde().serializer());
        active.pipeInput("fm", TestModels.manifest("fm", 1, payload, parts.size()));
        registry = new ModelRegistry();
        new ModelLoader(List.of("fm"), SnapshotSource.of(() -> driver.getKeyValueStore(StoreNames.MODEL_ACTIVE),
                () -> driver.getKeyValueStore(StoreNames.MODEL_CHUNKS)), registry, Duration.ofSeconds(1)).pollOnce();
        ratings = driver.createInputTopic(Topics.RATINGS.name(), new StringSerializer(), Topics.RATINGS.valueSerde().serializer());
        stores = new ServingStores() {
            @Override
            public ReadOnlyKeyValueStore<String, Movie> movies() {
                return driver.getKeyValueStore(StoreNames.MOVIES);
            }

            @Override
            public ReadOnlyKeyValueStore<String, ItemStats> itemStats() {
                return driver.getKeyValueStore(StoreNames.ITEM_STATS);
            }

            @Override
            public UserHistory userHistory(String userId) {
                return io.reelfm.serving.topology.DriverHistories.read(driver, userId);
            }

            @Override
            public UserProfile userProfile(String userId) {
                return driver.<String, UserProfile>getKeyValueStore(StoreNames.USER_PROFILES).get(userId);
            }
        };
        catalog = new Catalog(stores);
        recommender = new Recommender(stores, catalog, new PopularityRanker(stores, catalog, 5), registry,
                new UserVectorCache(100), new Variants(List.of(new Variant("main", "fm", 1))), "none");
    }

    /** Loads a ranking model "rank" beside "fm" and a recommender whose only variant serves it, rating model "fm". */
    private Recommender rankingRecommender(String ratingModel) {
        return rankingRecommender(ratingModel, 0);
    }

    private Recommender rankingRecommender(String ratingModel, double calibration) {
        byte[] payload = TestModels.rankingPayload(ITEMS, 4, "i", 5, calibration);
        TestInputTopic<String, ModelChunk> chunks = driver.createInputTopic(Topics.MODEL_CHUNKS.name(), new StringSerializer(),
                Topics.MODEL_CHUNKS.valueSerde().serializer());
        List<ModelChunk> parts = TestModels.chunks("rank", 1, payload, 4096);
        parts.forEach(c -> chunks.pipeInput(SnapshotKeys.chunk("rank", 1, c.getIndex()), c));
        driver.createInputTopic(Topics.MODEL_ACTIVE.name(), new StringSerializer(), Topics.MODEL_ACTIVE.valueSerde().serializer())
                .pipeInput("rank", TestModels.manifest("rank", 1, payload, parts.size()));
        new ModelLoader(List.of("fm", "rank"), SnapshotSource.of(() -> driver.getKeyValueStore(StoreNames.MODEL_ACTIVE),
                () -> driver.getKeyValueStore(StoreNames.MODEL_CHUNKS)), registry, Duration.ofSeconds(1)).pollOnce();
        return new Recommender(stores, catalog, new PopularityRanker(stores, catalog, 5), registry, new UserVectorCache(100),
                new Variants(List.of(new Variant("ranking", "rank", 1))), ratingModel);
    }

    @Test
    void aRankingVariantListsByTheRankingModelWithRatingsFromTheRatingModel() {
        Recommender ranking = rankingRecommender("fm");
        rate("u", "i2", 5, 1);
        rate("u", "i4", 5, 2);
        rate("u", "i6", 4, 3);

        Recommendations r = ranking.recommend("u", new RecommendQuery(10, null, null, null, true));

        assertThat(r.model()).isEqualTo("rank");
        assertThat(r.strategy()).isEqualTo("fold-in");
        assertThat(r.items()).hasSize(10).extracting(Recommendations.Item::itemId).doesNotContain("i2", "i4", "i6");
        long even = r.items().stream().filter(i -> Integer.parseInt(i.itemId().substring(1)) % 2 == 0).count();
        assertThat(even).as("the user rated even items, which users like them pick").isGreaterThanOrEqualTo(8);
        Recommendations.Item top = r.items().get(0);
        Recommender.Prediction p = ranking.predict("u", top.itemId()).orElseThrow();
        assertThat(p.model()).isEqualTo("fm");
        assertThat(top.predictedRating()).isEqualTo(p.predictedRating()).isBetween(0.5, 5.0);
        assertThat(top.score()).isNotEqualTo(top.predictedRating());
    }

    @Test
    void aCalibratedRankingModelListsTheUsersOtherGenreToo() {
        // even items are Drama, odd ones Comedy; the model learned that users pick one parity
        rate("u", "i2", 5, 1);
        rate("u", "i4", 5, 2);
        rate("u", "i6", 5, 3);
        rate("u", "i1", 5, 4);
        RecommendQuery q = new RecommendQuery(10, null, null, null, true);
        long plainComedies = comedies(rankingRecommender("fm", 0).recommend("u", q));
        Recommendations calibrated = rankingRecommender("fm", 0.9).recommend("u", q);
        assertThat(calibrated.items()).hasSize(10).extracting(Recommendations.Item::itemId).doesNotContain("i1", "i2", "i4", "i6");
        assertThat(comedies(calibrated)).isGreaterThanOrEqualTo(2).isGreaterThanOrEqualTo(plainComedies);
        for (int j = 1; j < calibrated.items().size(); j++) {
            assertThat(calibrated.items().get(j).score()).as("listed in the model's score order")
                    .isLessThanOrEqualTo(calibrated.items().get(j - 1).score());
        }
    }

    private static long comedies(Recommendations r) {
        return r.items().stream().filter(i -> i.genres().contains("Comedy")).count();
    }

    @Test
    void aRankingVariantWithoutARatingModelListsWithoutPredictedRatings() {
        Recommender ranking = rankingRecommender("none");
        rate("u", "i2", 5, 1);
        Recommendations r = ranking.recommend("u", new RecommendQuery(5, null, null, null, true));
        assertThat(r.items()).hasSize(5).allSatisfy(i -> assertThat(i.predictedRating()).isNull());
        assertThatThrownBy(() -> ranking.predict("u", "i3")).isInstanceOf(ApiException.class)
                .hasMessage("model none is not loaded yet").satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(503));
    }

    @Test
    void aUserWhoseRatedItemsTheRankingModelDoesNotKnowGetsThePopularList() {
        Recommender ranking = rankingRecommender("fm");
        rate("u", "unknown-item", 5, 1);
        assertThat(ranking.recommend("u", new RecommendQuery(5, null, null, null, true)).strategy()).isEqualTo("popular");
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void rate(String user, String item, float r, int second) {
        Instant at = T0.plusSeconds(second);
        ratings.pipeInput(new TestRecord<>(user, RatingEvent.newBuilder().setEventId(user + item + second).setUserId(user)
                .setItemId(item).setRating(r).setTimestamp(at).build(), at));
    }

    @Test
    void foldInListIsBestFirstWithoutSeenItemsAndCitesALikedItem() {
        rate("u", "i1", 5, 1);
        rate("u", "i2", 5, 2);
        rate("u", "i3", 1, 3);

        Recommendations r = recommender.recommend("u", new RecommendQuery(10, null, null, null, true));

        assertThat(r.strategy()).isEqualTo("fold-in");
        assertThat(r.items()).hasSize(10);
        assertThat(r.items()).extracting(Recommendations.Item::itemId).doesNotContain("i1", "i2", "i3");
        for (int j = 1; j < r.items().size(); j++) {
            assertThat(r.items().get(j).score()).isLessThanOrEqualTo(r.items().get(j - 1).score());
        }
        assertThat(r.items()).allSatisfy(i -> {
            assertThat(i.becauseItemId()).isIn("i1", "i2");
            assertThat(i.reason()).isEqualTo("because you rated Title " + i.becauseItemId().substring(1));
            assertThat(i.predictedRating()).isBetween(0.5, 5.0);
        });
        double predicted = recommender.predict("u", r.items().get(0).itemId()).orElseThrow().predictedRating();
        assertThat(predicted).isEqualTo(r.items().get(0).predictedRating());
    }

    @Test
    void genreAndYearFiltersAndSeenItemsOnRequest() {
        rate("u", "i4", 5, 1);

        Recommendations dramas = recommender.recommend("u", new RecommendQuery(5, "drama", 1990, 2010, true));
        assertThat(dramas.items()).hasSize(5).allSatisfy(i -> {
            assertThat(i.genres()).containsExactly("Drama");
            assertThat(i.year()).isBetween(1990, 2010);
        });
        Recommendations all = recommender.recommend("u", new RecommendQuery(ITEMS, null, null, null, false));
        assertThat(all.items()).extracting(Recommendations.Item::itemId).contains("i4").hasSize(ITEMS);
    }

    @Test
    void oneUsersRatedItemsAreNotLeftOutOfTheNextUsersList() {
        rate("a", "i1", 5, 1);
        rate("a", "i2", 4, 2);
        rate("a", "i3", 3, 3);
        rate("b", "i40", 5, 4);

        Recommendations first = recommender.recommend("a", new RecommendQuery(ITEMS, null, null, null, true));
        Recommendations next = recommender.recommend("b", new RecommendQuery(ITEMS, null, null, null, true));

        assertThat(first.items()).hasSize(ITEMS - 3).extracting(Recommendations.Item::itemId).doesNotContain("i1", "i2", "i3");
        assertThat(next.items()).hasSize(ITEMS - 1).extracting(Recommendations.Item::itemId)
                .contains("i1", "i2", "i3").doesNotContain("i40");
    }

    @Test
    void aNewRatingChangesTheUsersScoresAtOnce() {
        rate("u", "i5", 5, 1);
        double before = recommender.predict("u", "i30").orElseThrow().predictedRating();
        rate("u", "i6", 1, 2);
        assertThat(recommender.predict("u", "i30").orElseThrow().predictedRating()).isNotEqualTo(before);
    }

    @Test
    void userWithoutRatingsGetsPopularOrProfileBasedItems() {
        TestInputTopic<String, io.reelfm.schemas.UserProfile> users = driver.createInputTopic(Topics.USERS.name(),
                new StringSerializer(), Topics.USERS.valueSerde().serializer());
        for (String[] p : new String[][] {{"a", "F"}, {"b", "F"}, {"c", "M"}}) {
            users.pipeInput(p[0], io.reelfm.schemas.UserProfile.newBuilder().setUserId(p[0]).setGender(p[1]).build());
        }
        rate("a", "i7", 5, 1);
        rate("b", "i7", 5, 2);
        rate("c", "i8", 3, 3);

        Recommendations cold = recommender.recommend("new", new RecommendQuery(2, null, null, null, true));
        assertThat(cold.strategy()).isEqualTo("popular");
        assertThat(cold.items()).extracting(Recommendations.Item::itemId).containsExactly("i7", "i8");
        assertThat(cold.items()).allSatisfy(i -> assertThat(i.reason()).isEqualTo("popular"));

        Recommendations women = recommender.recommend("new", new RecommendQuery(2, null, null, null, true, List.of("gender:F")));
        assertThat(women.strategy()).isEqualTo("profile");
        assertThat(women.items()).extracting(Recommendations.Item::itemId).containsExactly("i7");
        assertThat(women.items().get(0).reason()).isEqualTo("popular with users like you (gender:F)");
        Recommendations men = recommender.recommend("new", new RecommendQuery(2, null, null, null, true, List.of("gender:M")));
        assertThat(men.items()).extracting(Recommendations.Item::itemId).containsExactly("i8");
    }
}
