package io.reelfm.launcher.demo;

import io.reelfm.ingest.IngestConfig;
import io.reelfm.ingest.IngestService;

/** The ingest service (HTTP ratings, movies and users into Kafka) on the demo broker. */
public final class IngestComponent implements DemoComponent {

    private final int port;

    /** @param port HTTP port; 0 picks a free one */
    public IngestComponent(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Running start(String bootstrapServers) {
        IngestService service = IngestService.start(IngestConfig.fromEnvironment().toBuilder()
                .port(port)
                .bootstrapServers(bootstrapServers)
                .build());
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
