package io.reelfm.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

class ApiKeysTest {

    @Test
    void noKeysConfiguredRequiresNone() {
        ApiKeys keys = ApiKeys.fromSettings(Settings.ofMap(Map.of()));

        assertThat(keys.required()).isFalse();
        assertThat(keys.writer("anything")).isEmpty();
    }

    @Test
    void namedAndBareKeysAreRecognisedByName() {
        ApiKeys keys = ApiKeys.of("producer:s3cret-one, s3cret-two");

        assertThat(keys.required()).isTrue();
        assertThat(keys.writer("s3cret-one")).contains("producer");
        assertThat(keys.writer("s3cret-two")).contains("key2");
        assertThat(keys.writer("s3cret")).isEmpty();
        assertThat(keys.writer(null)).isEmpty();
    }

    @Test
    void adminKeysDefaultToTheApiKeysAndCanBeSeparate() {
        ApiKeys same = ApiKeys.fromSettings(Settings.ofMap(Map.of(ApiKeys.API_KEYS, "w:write-key")));
        ApiKeys split = ApiKeys.fromSettings(Settings.ofMap(Map.of(ApiKeys.API_KEYS, "w:write-key",
                ApiKeys.ADMIN_KEYS, "ops:admin-key")));

        assertThat(same.administrator("write-key")).contains("w");
        assertThat(split.administrator("write-key")).isEmpty();
        assertThat(split.administrator("admin-key")).contains("ops");
        assertThat(split.writer("write-key")).contains("w");
    }

    @Test
    void emptyKeyIsAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> ApiKeys.of("producer:"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.api-keys").hasMessageContaining("producer");
    }

    @Test
    void keysAreKeptOnlyAsDigests() {
        ApiKeys keys = ApiKeys.of("producer:visible-secret");

        assertThat(keys.toString()).doesNotContain("visible-secret");
    }
}
