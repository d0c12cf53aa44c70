package io.reelfm.serving.unavailable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

import io.reelfm.service.http.ApiException;

class ServingUnavailableTest {

    @Test
    void statesAnInstanceLeavesByItselfAre503sLoggedQuietly() {
        ApiException noModel = ServingUnavailable.noModel("fm");
        assertThat(noModel.status()).isEqualTo(503);
        assertThat(noModel.getMessage()).isEqualTo("model fm is not loaded yet");
        assertThat(noModel.headers()).containsExactlyEntriesOf(java.util.Map.of("Retry-After", "1"));
        assertThat(noModel.expected()).isTrue();

        ApiException moving = ServingUnavailable.stateMoving(new InvalidStateStoreException("store x is migrating"));
        assertThat(moving.getMessage())
                .isEqualTo("state is not available on this instance right now (rebalancing or restoring): store x is migrating");
        assertThat(moving.headers()).containsEntry("Retry-After", "1");
        assertThat(moving.expected()).isTrue();

        ApiException clusters = ServingUnavailable.noClusterModel();
        assertThat(clusters.getMessage()).isEqualTo("no cluster model is loaded yet");
        assertThat(clusters.headers()).containsEntry("Retry-After", "5");
        assertThat(clusters.expected()).isTrue();
    }

    @Test
    void anOwnerThatDoesNotAnswerIsAFault() {
        RuntimeException cause = new IllegalStateException("instance h:1 owning this user did not answer", new IOException("refused"));
        ApiException e = ServingUnavailable.ownerUnreachable(cause);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("instance h:1 owning this user did not answer");
        assertThat(e.headers()).containsEntry("Retry-After", "1");
        assertThat(e.expected()).isFalse();
        assertThat(e.getCause()).isSameAs(cause);
    }
}
