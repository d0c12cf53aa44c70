package io.reelfm.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.reelfm.service.http.ApiException;

class LoadShedderTest {

    @Test
    void aRequestBeyondTheLimitIsTurnedAwayWith503AndRetryAfterWithoutRunning() throws Exception {
        LoadShedder shedder = new LoadShedder(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> shedder.call(() -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] ran = {false};
        assertThatThrownBy(() -> shedder.call(() -> ran[0] = true))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                    assertThat(e.getMessage()).contains("1 recommendation lists");
                });
        assertThat(ran[0]).isFalse();
        assertThat(shedder.shedRequests()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(shedder.call(() -> "after")).isEqualTo("after");
        assertThat(shedder.shedRequests()).isEqualTo(1);
    }

    @Test
    void aFailingRequestGivesItsSlotBack() {
        LoadShedder shedder = new LoadShedder(1);
        assertThatThrownBy(() -> shedder.call(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(shedder.call(() -> "next")).isEqualTo("next");
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new LoadShedder(0)).hasMessageContaining("maxInFlight");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
