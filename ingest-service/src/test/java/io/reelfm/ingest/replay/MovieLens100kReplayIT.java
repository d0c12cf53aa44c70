package io.reelfm.ingest.replay;

import static io.reelfm.ingest.replay.ReplayChecks.assertDistinctKeyedAndTimeOrderedPerPartition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.ingest.replay.ReplayChecks.TestTopics;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;

/** The full MovieLens 100K replay; skipped when the data set is not available locally. */
class MovieLens100kReplayIT {

    @Test
    void publishesExactlyTheHundredThousandRatingsOnceInTimeOrderPerPartition() throws InterruptedException {
        Path dir = Ml100k.locateOrSkip();
        TestTopics topics = TestTopics.unique("ml100k");
        ReplayConfig config = ReplayConfig.defaults(SharedKafka.bootstrapServers())
                .withTopics(topics.ratings(), topics.movies(), topics.users());

        ReplaySummary summary = new Replayer(config, ReplayProgress.NONE).replay(DatasetFormat.open(dir));

        assertThat(summary.ratings()).isEqualTo(100_000);
        assertThat(summary.movies()).isEqualTo(1682);
        assertThat(summary.users()).isEqualTo(943);
        assertThat(summary.badLines()).isZero();
        List<ConsumerRecord<String, RatingEvent>> ratings = TopicReader.readAll(SharedKafka.bootstrapServers(), topics.ratings());
        assertThat(ratings).hasSize(100_000);
        assertDistinctKeyedAndTimeOrderedPerPartition(ratings);
        assertThat(ratings).allMatch(r -> r.value().getEventId().startsWith("ml-100k:"));
    }
}
