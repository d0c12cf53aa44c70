package io.reelfm.serving.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ForwardSignatureTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void instanceWithTheSameSecretVerifiesTheMarkerForThatRequest() {
        String marker = new ForwardSignature("shared", NOW).sign("host-a:8080", "/users/7/recommendations?k=5");

        assertThat(new ForwardSignature("shared", NOW).verify(marker, "/users/7/recommendations?k=5")).isTrue();
    }

    @Test
    void clientMadeOrAlteredMarkersDoNotVerify() {
        ForwardSignature s = new ForwardSignature("shared", NOW);
        String marker = s.sign("host-a:8080", "/users/7/recommendations");

        assertThat(s.verify("host-a:8080", "/users/7/recommendations")).isFalse();
        assertThat(s.verify(null, "/users/7/recommendations")).isFalse();
        assertThat(s.verify(marker, "/users/8/recommendations")).isFalse();
        assertThat(new ForwardSignature("other", NOW).verify(marker, "/users/7/recommendations")).isFalse();
        assertThat(s.verify(marker.replace("host-a", "host-b"), "/users/7/recommendations")).isFalse();
    }

    @Test
    void oldMarkersAreNotHonoured() {
        String marker = new ForwardSignature("shared", NOW).sign("host-a:8080", "/users/7/history");
        Clock later = Clock.offset(NOW, java.time.Duration.ofSeconds(ForwardSignature.MAX_AGE_SECONDS + 1));

        assertThat(new ForwardSignature("shared", later).verify(marker, "/users/7/history")).isFalse();
    }
}
