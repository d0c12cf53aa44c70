package io.reelfm.serving.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.Impression;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.StreamsSettings;

class ExperimentTopologyTest {

    private static final Instant T0 = Instant.parse("2024-07-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Impression> impressions;
    private TestInputTopic<String, RatingEvent> ratings;

    @BeforeEach
    void start() {
        ServingConfig config = ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.state-dir", stateDir.toString())));
        driver = new TopologyTestDriver(ServingTopology.build("items", 100, ServingTopology.DEFAULT_DEDUPE_CAPACITY,
                (b, ratings) -> ExperimentTopology.add(b, ratings, "experiments", Duration.ofHours(1))),
                StreamsSettings.of(config, 8080));
        impressions = driver.createInputTopic(Topics.IMPRESSIONS.name(), new StringSerializer(), Topics.IMPRESSIONS.valueSerde().serializer());
        ratings = driver.createInputTopic(Topics.RATINGS.name(), new StringSerializer(), Topics.RATINGS.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void shown(String user, String variant, String requestId, Instant at, String... items) {
        impressions.pipeInput(new TestRecord<>(user, Impression.newBuilder().setRequestId(requestId).setUserId(user)
                .setVariant(variant).setModel("m").setModelVersion(1L).setItems(List.of(items)).setTimestamp(at).build(), at));
    }

    private void rate(String user, String item, float rating, Instant at) {
        ratings.pipeInput(new TestRecord<>(user, RatingEvent.newBuilder().setEventId(user + item + at).setUserId(user)
                .setItemId(item).setRating(rating).setTimestamp(at).build(), at));
    }

    @Test
    void ratingsOfRecommendedItemsWithinTheWindowCountPerVariant() {
        shown("u1", "A", "r1", T0, "a", "b", "c");
        shown("u2", "B", "r2", T0, "a", "d");
        rate("u1", "b", 4, T0.plus(Duration.ofMinutes(10)));
        rate("u1", "c", 2, T0.plus(Duration.ofMinutes(20)));
        rate("u1", "z", 5, T0.plus(Duration.ofMinutes(30)));
        rate("u2", "b", 5, T0.plus(Duration.ofMinutes(30)));
        rate("u1", "a", 5, T0.plus(Duration.ofHours(2)));

        KeyValueStore<String, ExperimentStats> store = driver.getKeyValueStore(ExperimentTopology.STATS_STORE);
        ExperimentStats a = store.get("A");
        assertThat(a.impressions()).isEqualTo(1);
        assertThat(a.hitImpressions()).isEqualTo(1);
        assertThat(a.rated()).isEqualTo(2);
        assertThat(a.meanRatedRating()).isEqualTo(3.0);
        assertThat(a.distinctItems()).isEqualTo(3);
        assertThat(a.hitRate()).isEqualTo(1.0);
        ExperimentStats b = store.get("B");
        assertThat(b.impressions()).isEqualTo(1);
        assertThat(b.hitImpressions()).isZero();
        assertThat(b.hitRate()).isEqualTo(0.0);
        assertThat(b.meanRatedRating()).isNull();
        assertThat(b.distinctItems()).isEqualTo(2);
    }

    @Test
    void repeatedRecommendationOfAnItemDoesNotRaiseCoverage() {
        shown("u1", "A", "r1", T0, "a", "b");
        shown("u1", "A", "r2", T0.plusSeconds(5), "b", "c");

        ExperimentStats a = driver.<String, ExperimentStats>getKeyValueStore(ExperimentTopology.STATS_STORE).get("A");
        assertThat(a.impressions()).isEqualTo(2);
        assertThat(a.distinctItems()).isEqualTo(3);
    }
}
