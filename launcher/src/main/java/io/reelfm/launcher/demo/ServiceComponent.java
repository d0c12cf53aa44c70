package io.reelfm.launcher.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.reelfm.service.config.Settings;

/**
 * A ReelFM HTTP service on the demo broker, configured like the standalone service (environment
 * and {@code REELFM_CONFIG_FILE}) with the demo's port and broker on top, and demo defaults for
 * keys the environment leaves unset.
 *
 * @param <S> the running service
 */
public final class ServiceComponent<S extends AutoCloseable> implements DemoComponent {

    private final String name;
    private final String portKey;
    private final int port;
    private final Map<String, String> extra;
    private final Function<Settings, S> starter;
    private final Function<S, Integer> boundPort;

    /**
     * @param portKey   the service's port setting, e.g. {@code reelfm.trainer.port}
     * @param extra     demo defaults, used only where the environment sets nothing (state directories, ...)
     * @param starter   builds and starts the service from settings
     * @param boundPort the port the started service listens on
     */
    public ServiceComponent(String name, String portKey, int port, Map<String, String> extra,
                            Function<Settings, S> starter, Function<S, Integer> boundPort) {
        this.name = name;
        this.portKey = portKey;
        this.port = port;
        this.extra = Map.copyOf(extra);
        this.starter = starter;
        this.boundPort = boundPort;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Running start(String bootstrapServers) {
        Settings environment = Settings.fromEnvironment();
        Map<String, String> overrides = new HashMap<>();
        extra.forEach((key, value) -> {
            if (environment.find(key).isEmpty()) {
                overrides.put(key, value);
            }
        });
        overrides.put(portKey, String.valueOf(port));
        overrides.put("reelfm.kafka.bootstrap-servers", bootstrapServers);
        S service = starter.apply(environment.withOverrides(overrides));
        String url = "http://localhost:" + boundPort.apply(service);
        return new Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                try {
                    service.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Stopping " + name + " failed: " + e.getMessage(), e);
                }
            }
        };
    }
}
