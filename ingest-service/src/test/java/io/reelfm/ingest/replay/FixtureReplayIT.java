package io.reelfm.ingest.replay;

import static io.reelfm.ingest.replay.ReplayChecks.assertDistinctKeyedAndTimeOrderedPerPartition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.ingest.replay.ReplayChecks.TestTopics;
import io.reelfm.ingest.validate.RecordRules;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;

/** Replays of a small generated data set in MovieLens 100K format; always runs. */
class FixtureReplayIT {

    @TempDir
    Path dir;

    private static ReplayConfig config(TestTopics topics) {
        return ReplayConfig.defaults(SharedKafka.bootstrapServers()).withTopics(topics.ratings(), topics.movies(), topics.users());
    }

    @Test
    void publishesEveryGoodRowOnceWithDeterministicIdsInTimeOrderPerPartition() throws InterruptedException {
        List<RatingRow> rows = Ml100kFixture.write(dir, 120, 150, 4000, 2024);
        TestTopics topics = TestTopics.unique("fixture");

        ReplaySummary summary = new Replayer(config(topics), ReplayProgress.NONE).replay(DatasetFormat.open(dir));

        assertThat(summary.movies()).isEqualTo(150);
        assertThat(summary.users()).isEqualTo(120);
        assertThat(summary.ratings()).isEqualTo(4000);
        assertThat(summary.badLines()).isEqualTo(1);
        assertThat(summary.firstBadLines().get(0).content()).isEqualTo(Ml100kFixture.BAD_LINE);
        String bootstrap = SharedKafka.bootstrapServers();
        List<ConsumerRecord<String, RatingEvent>> ratings = TopicReader.readAll(bootstrap, topics.ratings());
        assertThat(ratings).hasSize(4000);
        assertDistinctKeyedAndTimeOrderedPerPartition(ratings);
        Set<String> expectedIds = rows.stream()
                .map(r -> Events.eventId("ml-100k", r.userId(), r.itemId(), r.timestampMillis())).collect(Collectors.toSet());
        assertThat(ratings.stream().map(r -> r.value().getEventId()).collect(Collectors.toSet())).isEqualTo(expectedIds);

        List<ConsumerRecord<String, Movie>> movies = TopicReader.readAll(bootstrap, topics.movies());
        assertThat(movies).hasSize(150).allMatch(r -> r.key().equals(r.value().getItemId()));
        assertThat(TopicReader.count(bootstrap, topics.users().name())).isEqualTo(120);
    }

    @Test
    void ratingsTheIngestRulesRejectAreSkippedAndCountedAsBadLines() throws InterruptedException {
        List<RatingRow> rows = Ml100kFixture.write(dir, 20, 30, 500, 11);
        long ones = rows.stream().filter(r -> r.rating() == 1f).count();
        assertThat(ones).isPositive();
        TestTopics topics = TestTopics.unique("rules");
        RecordRules twoToFive = new RecordRules(new RatingScale(2, 5, 1), 128, Duration.ofMinutes(5), Clock.systemUTC());

        ReplaySummary summary = new Replayer(config(topics).withRules(twoToFive), ReplayProgress.NONE)
                .replay(DatasetFormat.open(dir));

        assertThat(summary.ratings()).isEqualTo(500 - ones);
        assertThat(summary.badLines()).isEqualTo(1 + ones);
        assertThat(summary.firstBadLines()).anySatisfy(bad -> {
            assertThat(bad.file().toString()).isEqualTo("ml-100k ratings");
            assertThat(bad.reason()).contains("rating: must be between 2.0 and 5.0");
        });
        assertThat(TopicReader.count(SharedKafka.bootstrapServers(), topics.ratings().name())).isEqualTo(500 - ones);
    }

    @Test
    void replayingTwiceRepeatsTheSameEventIdsSoConsumersCanDropThem() throws InterruptedException {
        Ml100kFixture.write(dir, 20, 30, 500, 9);
        TestTopics topics = TestTopics.unique("twice");

        new Replayer(config(topics), ReplayProgress.NONE).replay(DatasetFormat.open(dir));
        new Replayer(config(topics), ReplayProgress.NONE).replay(DatasetFormat.open(dir));

        List<ConsumerRecord<String, RatingEvent>> ratings = TopicReader.readAll(SharedKafka.bootstrapServers(), topics.ratings());
        assertThat(ratings).hasSize(1000);
        assertThat(ratings.stream().map(r -> r.value().getEventId()).distinct().count()).isEqualTo(500);
    }

    @Test
    void pacedReplayPublishesEverythingAtTheRequestedRate() throws InterruptedException {
        Ml100kFixture.write(dir, 10, 10, 300, 5);
        TestTopics topics = TestTopics.unique("paced");

        ReplaySummary summary = new Replayer(config(topics).withPacing(new RateLimit(1000), 0), ReplayProgress.NONE)
                .replay(DatasetFormat.open(dir));

        assertThat(summary.ratings()).isEqualTo(300);
        // 300 events at 1000/s are spread over at least 299 ms; the exact speed is the benchmark's business
        assertThat(summary.ratingsElapsed().toMillis()).isGreaterThanOrEqualTo(299);
        assertThat(TopicReader.count(SharedKafka.bootstrapServers(), topics.ratings().name())).isEqualTo(300);
    }
}
