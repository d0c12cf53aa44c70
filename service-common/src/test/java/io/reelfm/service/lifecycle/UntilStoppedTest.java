package io.reelfm.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class UntilStoppedTest {

    @Test
    void theShutdownHookClosesTheServiceAndReleasesTheWaitingThread() {
        List<String> events = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);

        UntilStopped.closing(() -> events.add("closed"), e -> events.add("failed"), stopped).run();

        assertThat(events).containsExactly("closed");
        assertThat(stopped.getCount()).isZero();
    }

    @Test
    void aFailureToCloseIsReportedAndStillReleasesTheWaitingThread() {
        List<Exception> failures = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("broker gone");

        UntilStopped.closing(() -> {
            throw boom;
        }, failures::add, stopped).run();

        assertThat(failures).containsExactly(boom);
        assertThat(stopped.getCount()).isZero();
    }
}
