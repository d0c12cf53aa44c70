package io.reelfm.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.RatingScale;
import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

class IngestConfigTest {

    @Test
    void defaultsMatchTheDocumentedContract() {
        IngestConfig c = IngestConfig.fromSettings(Settings.ofMap(Map.of()));

        assertThat(c.port()).isEqualTo(8081);
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.ratingScale()).isEqualTo(RatingScale.DEFAULT);
        assertThat(c.maxIdLength()).isEqualTo(128);
        assertThat(c.maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(c.maxBatchRows()).isEqualTo(10_000);
        assertThat(c.maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.transactionalIdPrefix()).startsWith("reelfm-ingest-");
    }

    @Test
    void environmentOverridesTheFileAndCodeOverridesBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "reelfm.ingest.port=9000\nreelfm.ingest.max-batch-rows=77\nreelfm.ingest.rating.step=1\n");
        Settings settings = Settings.of(Map.of("REELFM_INGEST_PORT", "9100", "REELFM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
                file, Map.of("reelfm.ingest.max-future-skew", "90s"));

        IngestConfig c = IngestConfig.fromSettings(settings);

        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.maxBatchRows()).isEqualTo(77);
        assertThat(c.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(c.ratingScale()).isEqualTo(new RatingScale(0.5, 5.0, 1));
        assertThat(c.maxFutureSkew()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badValueNamesItsKeyAndSource() {
        assertThatThrownBy(() -> IngestConfig.fromSettings(Settings.of(Map.of("REELFM_INGEST_PORT", "eighty"), null, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("reelfm.ingest.port must be an integer but was 'eighty' (from environment variable REELFM_INGEST_PORT)");
    }

    @Test
    void outOfRangeValueNamesItsKey() {
        assertThatThrownBy(() -> IngestConfig.fromSettings(Settings.ofMap(Map.of("reelfm.ingest.max-batch-rows", "0"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("reelfm.ingest.max-batch-rows"));
    }

    @Test
    void invertedRatingScaleNamesTheRatingKeys() {
        assertThatThrownBy(() -> IngestConfig.fromSettings(Settings.ofMap(Map.of("reelfm.ingest.rating.min", "6"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("reelfm.ingest.rating.min/max/step are inconsistent: rating scale min (6.0) must be below max");
    }

    @Test
    void builderCopiesEveryValue() {
        IngestConfig c = IngestConfig.builder().port(0).producers(2).linger(Duration.ZERO).build();

        assertThat(c.toBuilder().build()).isEqualTo(c);
    }
}
