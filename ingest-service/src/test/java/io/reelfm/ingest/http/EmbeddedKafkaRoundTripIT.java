package io.reelfm.ingest.http;

import io.reelfm.testkit.SharedKafka;

/** The round-trip contract on the in-process KRaft broker shared by this test JVM. */
class EmbeddedKafkaRoundTripIT extends IngestRoundTripContract {

    @Override
    protected String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }
}
