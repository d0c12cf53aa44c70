package io.reelfm.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

class ServingConfigTest {

    @Test
    void defaultsServeOnPort8080WithTheRankingAgainstMcmcExperimentAndStandbyReplicas() {
        ServingConfig c = ServingConfig.from(Settings.ofMap(Map.of()));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.standbyReplicas()).isEqualTo(1);
        assertThat(c.modelNames()).containsExactly("ranking", "fm-mcmc");
        assertThat(c.loadedModelNames()).containsExactly("ranking", "fm-mcmc", "content-kmeans");
        assertThat(c.ratingModel()).isEqualTo("fm-mcmc");
        assertThat(c.maxK()).isEqualTo(100);
        assertThat(c.itemStatsTopic()).isEqualTo("reelfm-serving-item-stats");
        assertThat(c.impressionLinger()).isEqualTo(java.time.Duration.ofMillis(100));
        assertThat(c.maxInFlight()).isEqualTo(8 * Runtime.getRuntime().availableProcessors());
        assertThat(c.maxQueueWait()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(c.userVectorCache()).isEqualTo(100_000);
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.port", "70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.port");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.max-k", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.max-k");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.variants", "a:m:1,a:n:1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.variants");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.application-id", "bad id"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.application-id");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.impression-linger", "2m"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.impression-linger");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.max-in-flight", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.max-in-flight");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.max-queue-wait", "11s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.max-queue-wait");
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.user-vector-cache", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.user-vector-cache");
    }

    @Test
    void variantsSharingAModelLoadItOnceAndClusterModelCanBeDisabled() {
        ServingConfig c = ServingConfig.from(Settings.ofMap(Map.of(
                "reelfm.serving.variants", "a:fm-als:1,b:fm-als:1,c:fm-sgd:2", "reelfm.serving.cluster-model", "none",
                "reelfm.serving.rating-model", "none")));
        assertThat(c.modelNames()).isEqualTo(List.of("fm-als", "fm-sgd"));
        assertThat(c.loadedModelNames()).isEqualTo(List.of("fm-als", "fm-sgd"));
    }

    @Test
    void theRatingModelIsLoadedBesideARankingOnlyExperiment() {
        ServingConfig c = ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.variants", "r:ranking:1")));
        assertThat(c.modelNames()).isEqualTo(List.of("ranking"));
        assertThat(c.loadedModelNames()).isEqualTo(List.of("ranking", "fm-mcmc", "content-kmeans"));
    }

    @Test
    void theRecordCacheIsASixteenthOfTheHeapBetweenKafkasDefaultAnd256MiB() {
        assertThat(ServingConfig.defaultStateCacheBytes(1L << 30)).isEqualTo(64L << 20);
        assertThat(ServingConfig.defaultStateCacheBytes(64L << 20)).isEqualTo(10L << 20);
        assertThat(ServingConfig.defaultStateCacheBytes(16L << 30)).isEqualTo(256L << 20);
        assertThat(ServingConfig.from(Settings.ofMap(Map.of())).stateCacheBytes())
                .isEqualTo(ServingConfig.defaultStateCacheBytes(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void theRecordCacheSizeReachesKafkaStreamsAndCanBeSet() {
        ServingConfig c = ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.state-cache-bytes", "123456")));
        assertThat(StreamsSettings.of(c, 8080).get(org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG))
                .isEqualTo(123456L);
        assertThatThrownBy(() -> ServingConfig.from(Settings.ofMap(Map.of("reelfm.serving.state-cache-bytes", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.serving.state-cache-bytes");
    }
}
