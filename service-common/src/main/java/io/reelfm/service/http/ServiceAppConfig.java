package io.reelfm.service.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ServiceApp} runs the HTTP server.
 *
 * @param name            service name, used in logs and as the {@code service} metrics tag
 * @param host            interface to bind; {@code 0.0.0.0} for all
 * @param port            port to bind; 0 picks a free one (tests)
 * @param maxRequestBytes the hard cap Jetty/Javalin enforces on any request body; resources may
 *                        apply a lower, endpoint-specific limit
 * @param stopTimeout     how long a graceful stop waits for in-flight requests
 */
public record ServiceAppConfig(String name, String host, int port, long maxRequestBytes, Duration stopTimeout) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public ServiceAppConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive, was " + maxRequestBytes);
        }
    }

    public static ServiceAppConfig of(String name, int port) {
        return new ServiceAppConfig(name, DEFAULT_HOST, port, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_STOP_TIMEOUT);
    }
}
