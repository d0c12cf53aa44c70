package io.reelfm.launcher.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.reelfm.service.config.Settings;

/**
 * A ReelFM HTTP service on the demo broker, configured like the standalone service (environment
 * and {@code REELFM_CONFIG_FILE}) with the demo's port, broker and any extra keys on top.
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
     * @param extra     further settings the demo imposes (state directories, ...)
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
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put(portKey, String.valueOf(port));
        overrides.put("reelfm.kafka.bootstrap-servers", bootstrapServers);
        S service = starter.apply(Settings.fromEnvironment().withOverrides(overrides));
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
