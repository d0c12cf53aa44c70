package io.reelfm.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.reelfm.service.http.ApiException;

class LoadShedderTest {

    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRequestBeyondTheLimitIsTurnedAwayWith503AndRetryAfterWithoutRunning() throws Exception {
        LoadShedder shedder = new LoadShedder(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = holdingTheSlot(shedder, release);

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
    void aRequestWaitsForASlotThatFreesWithinTheWait() throws Exception {
        LoadShedder shedder = new LoadShedder(1, Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = holdingTheSlot(shedder, release);

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> shedder.call(() -> "second"), threads);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shedder.waitingRequests() == 1);
        assertThat(second).isNotDone();
        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(shedder.waitedRequests()).isEqualTo(1);
        assertThat(shedder.shedRequests()).isZero();
    }

    @Test
    void aRequestStillWaitingWhenTheWaitEndsIsTurnedAway() throws Exception {
        LoadShedder shedder = new LoadShedder(1, Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = holdingTheSlot(shedder, release);

        long start = System.nanoTime();
        assertThatThrownBy(() -> shedder.call(() -> "late")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(shedder.shedRequests()).isEqualTo(1);
        assertThat(shedder.waitedRequests()).isZero();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void onlyFourWaitersPerSlotWaitTheRestAreTurnedAwayAtOnce() throws Exception {
        LoadShedder shedder = new LoadShedder(1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<String> first = holdingTheSlot(shedder, release);
            List<java.util.concurrent.Future<String>> waiters = new ArrayList<>();
            for (int i = 0; i < LoadShedder.WAITERS_PER_SLOT; i++) {
                int n = i;
                waiters.add(threads.submit(() -> shedder.call(() -> "waiter " + n)));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shedder.waitingRequests() == LoadShedder.WAITERS_PER_SLOT);

            long start = System.nanoTime();
            assertThatThrownBy(() -> shedder.call(() -> "one too many")).isInstanceOf(ApiException.class);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(shedder.shedRequests()).isEqualTo(1);

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            for (java.util.concurrent.Future<String> w : waiters) {
                assertThat(w.get(10, TimeUnit.SECONDS)).startsWith("waiter");
            }
            assertThat(shedder.waitedRequests()).isEqualTo(LoadShedder.WAITERS_PER_SLOT);
        } finally {
            release.countDown();
        }
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
    void theLimitMustBePositiveAndTheWaitNotNegative() {
        assertThatThrownBy(() -> new LoadShedder(0)).hasMessageContaining("maxInFlight");
        assertThatThrownBy(() -> new LoadShedder(1, Duration.ofMillis(-1))).hasMessageContaining("maxWait");
    }

    /** Starts a list that holds the shedder's only slot until {@code release} opens; returns once it runs. */
    private CompletableFuture<String> holdingTheSlot(LoadShedder shedder, CountDownLatch release) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> shedder.call(() -> {
            started.countDown();
            await(release);
            return "first";
        }), threads);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
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
