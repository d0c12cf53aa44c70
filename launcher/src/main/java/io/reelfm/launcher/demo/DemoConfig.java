package io.reelfm.launcher.demo;

import java.nio.file.Path;

/**
 * How the all-in-one demo runs. Ports follow the documented contract; 0 picks a free port
 * (tests).
 *
 * @param kafkaPort    {@code --kafka-port}, default 9092
 * @param kafkaDir     {@code --kafka-dir}; null (default) uses a temporary directory deleted on exit
 * @param ingestPort   {@code --ingest-port}, default 8081
 * @param trainerPort  {@code --trainer-port}, default 8082
 * @param servingPort  {@code --serving-port}, default 8080
 * @param apiKey       the key writes and administration need, fresh and random for each run, printed in the banner;
 *                     {@code REELFM_API_KEYS} in the environment replaces it with the operator's own keys
 */
public record DemoConfig(int kafkaPort, Path kafkaDir, int ingestPort, int trainerPort, int servingPort, String apiKey) {

    public static final int KAFKA_PORT = 9092;
    public static final int INGEST_PORT = 8081;
    public static final int TRAINER_PORT = 8082;
    public static final int SERVING_PORT = 8080;

    public DemoConfig {
        requirePort("--kafka-port", kafkaPort);
        requirePort("--ingest-port", ingestPort);
        requirePort("--trainer-port", trainerPort);
        requirePort("--serving-port", servingPort);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the demo needs an API key");
        }
    }

    public DemoConfig(int kafkaPort, Path kafkaDir, int ingestPort, int trainerPort, int servingPort) {
        this(kafkaPort, kafkaDir, ingestPort, trainerPort, servingPort, randomKey());
    }

    /** 24 random bytes, URL-safe: unguessable, and easy to paste into a curl command. */
    static String randomKey() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return "demo-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static DemoConfig defaults() {
        return new DemoConfig(KAFKA_PORT, null, INGEST_PORT, TRAINER_PORT, SERVING_PORT);
    }

    /** Every port 0 and a temporary broker directory: for tests next to other processes. */
    public static DemoConfig freePorts() {
        return new DemoConfig(0, null, 0, 0, 0);
    }

    private static void requirePort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " must be 0..65535, was " + port);
        }
    }
}
