package io.reelfm.ingest.http;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The round-trip contract on a broker from the official {@code apache/kafka} image, so the
 * service is also checked against a Kafka it does not embed. Skipped where no Docker engine
 * is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaRoundTripIT extends IngestRoundTripContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Override
    protected String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
