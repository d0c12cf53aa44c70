package io.reelfm.launcher.demo;

import java.util.HashMap;
import java.util.Map;

import io.reelfm.launcher.service.ServiceStarter;
import io.reelfm.service.config.Settings;
import io.reelfm.service.http.RunningService;

/**
 * A ReelFM HTTP service on the demo broker, configured like the standalone service (environment
 * and {@code REELFM_CONFIG_FILE}) with the demo's port and broker on top, and demo defaults for
 * keys the environment leaves unset.
 */
public final class ServiceComponent implements DemoComponent {

    private final ServiceStarter starter;
    private final int port;
    private final Map<String, String> extra;
    private final Map<String, String> urlsOf;

    /**
     * @param port  HTTP port; 0 picks a free one
     * @param extra demo defaults, used only where the environment sets nothing (state directories, ...)
     */
    public ServiceComponent(ServiceStarter starter, int port, Map<String, String> extra) {
        this(starter, port, extra, Map.of());
    }

    /**
     * @param urlsOf settings that take the URL of a component started earlier (setting key to component name),
     *               likewise only where the environment sets nothing
     */
    public ServiceComponent(ServiceStarter starter, int port, Map<String, String> extra, Map<String, String> urlsOf) {
        this.starter = starter;
        this.port = port;
        this.extra = Map.copyOf(extra);
        this.urlsOf = Map.copyOf(urlsOf);
    }

    @Override
    public String name() {
        return starter.name();
    }

    @Override
    public Running start(String bootstrapServers, Map<String, String> startedUrls) {
        Settings environment = Settings.fromEnvironment();
        Map<String, String> overrides = new HashMap<>();
        extra.forEach((key, value) -> {
            if (environment.find(key).isEmpty()) {
                overrides.put(key, value);
            }
        });
        urlsOf.forEach((key, component) -> {
            String url = startedUrls.get(component);
            if (url != null && environment.find(key).isEmpty()) {
                overrides.put(key, url);
            }
        });
        overrides.put(starter.portKey(), String.valueOf(port));
        overrides.put("reelfm.kafka.bootstrap-servers", bootstrapServers);
        RunningService service = starter.start(environment.withOverrides(overrides));
        String url = "http://localhost:" + service.port();
        return new Running() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }
}
