package io.reelfm.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void envNameUpperCasesAndReplacesDotsAndDashes() {
        assertThat(Settings.envName("reelfm.kafka.bootstrap-servers")).isEqualTo("REELFM_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void overridesBeatEnvironmentWhichBeatsFileWhichBeatsDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reelfm.properties");
        Files.writeString(file, "a.b=file\nc.d=file\ne.f=file\n");
        Settings s = Settings.of(Map.of("A_B", "env", "C_D", "env"), file, Map.of("a.b", "override"));

        assertThat(s.string("a.b", "default")).isEqualTo("override");
        assertThat(s.string("c.d", "default")).isEqualTo("env");
        assertThat(s.string("e.f", "default")).isEqualTo("file");
        assertThat(s.string("g.h", "default")).isEqualTo("default");
    }

    @Test
    void blankValueFallsBackToTheDefault() {
        assertThat(Settings.ofMap(Map.of("x.y", "  ")).integer("x.y", 7)).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({"250ms, 250", "5s, 5000", "2m, 120000", "1h, 3600000", "PT1.5S, 1500", "pt2s, 2000"})
    void durationsAcceptUnitsAndIso(String text, long millis) {
        assertThat(Settings.ofMap(Map.of("t", text)).duration("t", Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void unparseableDurationNamesKeyAndOrigin() {
        assertThatThrownBy(() -> Settings.of(Map.of("REELFM_X_TIMEOUT", "soon"), null, Map.of()).duration("reelfm.x.timeout", Duration.ZERO))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("reelfm.x.timeout must be a duration")
                .hasMessageContaining("'soon' (from environment variable REELFM_X_TIMEOUT)");
    }

    @Test
    void booleansAcceptCommonSpellingsOnly() {
        assertThat(Settings.ofMap(Map.of("b", "Yes")).bool("b", false)).isTrue();
        assertThat(Settings.ofMap(Map.of("b", "0")).bool("b", true)).isFalse();
        assertThatThrownBy(() -> Settings.ofMap(Map.of("b", "maybe")).bool("b", true)).isInstanceOf(ConfigException.class);
    }

    @Test
    void nonFiniteDecimalIsRefused() {
        assertThatThrownBy(() -> Settings.ofMap(Map.of("d", "NaN")).decimal("d", 1)).hasMessageContaining("a finite number");
    }

    @Test
    void missingConfigFileIsRefusedNamingTheVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> Settings.of(Map.of(), dir.resolve("absent.properties"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("REELFM_CONFIG_FILE names");
    }

    @Test
    void withOverridesKeepsEarlierSources() {
        Settings s = Settings.of(Map.of("P_Q", "env"), null, Map.of()).withOverrides(Map.of("r.s", "o"));

        assertThat(s.string("p.q", null)).isEqualTo("env");
        assertThat(s.string("r.s", null)).isEqualTo("o");
    }
}
