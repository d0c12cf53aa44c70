package io.reelfm.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    @Test
    void environmentVariablesBecomeDottedClientSettingsAndOverridesWin() {
        Settings s = Settings.of(Map.of("REELFM_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                        "REELFM_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN", "REELFM_KAFKA_BOOTSTRAP_SERVERS", "b:9092"),
                null, Map.of("reelfm.kafka.client.sasl.mechanism", "SCRAM-SHA-512"));

        KafkaClientProperties p = KafkaClientProperties.fromSettings(s);

        assertThat(p.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
        Properties client = p.applyTo(new Properties());
        assertThat(client.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    }

    @Test
    void settingsTheServiceOwnsCannotBePassedThrough() {
        assertThatThrownBy(() -> KafkaClientProperties.fromSettings(Settings.ofMap(Map.of(
                "reelfm.kafka.client.bootstrap.servers", "elsewhere:9092"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.kafka.client.bootstrap.servers");
    }

    @Test
    void toStringNamesSettingsButNeverValues() {
        KafkaClientProperties p = new KafkaClientProperties(Map.of("sasl.jaas.config", "password=\"hunter2\""));

        assertThat(p.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }
}
