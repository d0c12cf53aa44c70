package io.reelfm.ingest.http;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The round-trip contract on a broker in a container, so the service is also checked against a
 * Kafka it does not embed: the official {@code apache/kafka} image, or the local stand-in that
 * {@code deploy/standins/build.sh} builds where no registry is reachable
 * ({@code REELFM_TEST_KAFKA_IMAGE} names another). Only an image already present is used: the
 * test never pulls, so a Docker engine without a registry costs nothing. Skipped, saying why,
 * without a Docker engine or such an image.
 */
class ContainerKafkaRoundTripIT extends IngestRoundTripContract {

    private static final List<String> CANDIDATES = List.of("apache/kafka:4.3.1", "local/kafka:4.3.1");
    private static KafkaContainer kafka;

    /** Started on first use, from the contract's own set-up (which needs the address first). */
    private static synchronized KafkaContainer broker() {
        if (kafka != null) {
            return kafka;
        }
        Assumptions.assumeTrue(dockerAvailable(), "no Docker engine: skipping the containerised broker");
        String configured = System.getenv("REELFM_TEST_KAFKA_IMAGE");
        List<String> candidates = configured == null || configured.isBlank() ? CANDIDATES : List.of(configured);
        Optional<String> image = candidates.stream().filter(ContainerKafkaRoundTripIT::present).findFirst();
        Assumptions.assumeTrue(image.isPresent(), () -> "none of " + candidates + " is present locally and this test never pulls: "
                + "docker pull apache/kafka:4.3.1, or build the stand-in with deploy/standins/build.sh");
        kafka = new KafkaContainer(DockerImageName.parse(image.get()).asCompatibleSubstituteFor("apache/kafka"));
        kafka.start();
        return kafka;
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    protected String bootstrapServers() {
        return broker().getBootstrapServers();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean present(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
