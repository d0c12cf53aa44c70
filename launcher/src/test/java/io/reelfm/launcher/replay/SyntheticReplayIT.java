package io.reelfm.launcher.replay;

import static io.reelfm.launcher.replay.ReplayChecks.assertDistinctKeyedAndTimeOrderedPerPartition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.reelfm.datasets.RatingRow;
import io.reelfm.launcher.replay.ReplayChecks.TestTopics;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;

class SyntheticReplayIT {

    private static final SyntheticSource DATA = new SyntheticSource(2024, 120, 150, 4000);

    private static ReplayConfig config(TestTopics topics) {
        return ReplayConfig.defaults(SharedKafka.bootstrapServers()).withTopics(topics.ratings(), topics.movies(), topics.users());
    }

    @Test
    void publishesEveryRowOnceWithDeterministicIdsInTimeOrderPerPartition() throws InterruptedException {
        TestTopics topics = TestTopics.unique("synthetic");

        ReplaySummary summary = new Replayer(config(topics), ReplayProgress.NONE).replay(DATA);

        assertThat(summary.movies()).isEqualTo(150);
        assertThat(summary.users()).isEqualTo(120);
        assertThat(summary.ratings()).isEqualTo(4000);
        assertThat(summary.badLines()).isZero();
        String bootstrap = SharedKafka.bootstrapServers();
        List<ConsumerRecord<String, RatingEvent>> ratings = TopicReader.readAll(bootstrap, topics.ratings());
        assertThat(ratings).hasSize(4000);
        assertDistinctKeyedAndTimeOrderedPerPartition(ratings);
        Set<String> expectedIds = new java.util.HashSet<>();
        DATA.ratings((RatingRow r) -> expectedIds.add(Events.eventId(DATA.name(), r.userId(), r.itemId(), r.timestampMillis())),
                bad -> { });
        assertThat(ratings.stream().map(r -> r.value().getEventId()).collect(Collectors.toSet())).isEqualTo(expectedIds);

        List<ConsumerRecord<String, Movie>> movies = TopicReader.readAll(bootstrap, topics.movies());
        assertThat(movies).hasSize(150).allMatch(r -> r.key().equals(r.value().getItemId()));
        assertThat(TopicReader.count(bootstrap, topics.users().name())).isEqualTo(120);
    }

    @Test
    void replayingTwiceRepeatsTheSameEventIdsSoConsumersCanDropThem() throws InterruptedException {
        TestTopics topics = TestTopics.unique("twice");
        SyntheticSource small = new SyntheticSource(9, 20, 30, 500);

        new Replayer(config(topics), ReplayProgress.NONE).replay(small);
        new Replayer(config(topics), ReplayProgress.NONE).replay(small);

        List<ConsumerRecord<String, RatingEvent>> ratings = TopicReader.readAll(SharedKafka.bootstrapServers(), topics.ratings());
        assertThat(ratings).hasSize(1000);
        assertThat(ratings.stream().map(r -> r.value().getEventId()).distinct().count()).isEqualTo(500);
    }

    @Test
    void pacedReplayPublishesEverythingAtTheRequestedRate() throws InterruptedException {
        TestTopics topics = TestTopics.unique("paced");
        SyntheticSource small = new SyntheticSource(5, 10, 10, 300);

        ReplaySummary summary = new Replayer(config(topics).withPacing(new RateLimit(1000), 0), ReplayProgress.NONE)
                .replay(small);

        assertThat(summary.ratings()).isEqualTo(300);
        // 300 events at 1000/s are spread over at least 299 ms; the exact speed is the benchmark's business
        assertThat(summary.ratingsElapsed().toMillis()).isGreaterThanOrEqualTo(299);
        assertThat(TopicReader.count(SharedKafka.bootstrapServers(), topics.ratings().name())).isEqualTo(300);
    }
}
