package io.reelfm.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.reelfm.ingest.config.IngestConfig;
import io.reelfm.ingest.IngestService;
import io.reelfm.ingest.support.Records;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.testkit.SharedKafka;

/** The load client's count of accepted events matches what Kafka actually committed. */
class IngestLoadIT {

    @Test
    void everyAcceptedEventOfASmallRunIsCommitted() throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        try (IngestService service = IngestService.start(IngestConfig.builder().port(0).bootstrapServers(bootstrap).build())) {
            IngestLoad.Options o = new IngestLoad.Options(URI.create("http://localhost:" + service.port()), 2_500, 500, 2,
                    50, 80, 7, false, "it-load-" + System.nanoTime());

            IngestLoad.Result r = IngestLoad.run(o);

            assertThat(r.failuresByStatus()).isEmpty();
            assertThat(r.acceptedEvents()).isEqualTo(2_500);
            assertThat(r.batches()).isEqualTo(5);
            List<String> ids = LongStream.range(0, 2_500).mapToObj(n -> o.runId() + "-" + n).toList();
            assertThat(Records.withIds(bootstrap, Topics.RATINGS, RatingEvent::getEventId, ids))
                    .extracting(rec -> rec.value().getEventId()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
