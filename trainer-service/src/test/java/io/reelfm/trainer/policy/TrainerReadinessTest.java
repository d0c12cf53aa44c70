package io.reelfm.trainer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.reelfm.service.http.Readiness;
import io.reelfm.trainer.config.ModelSpec;

class TrainerReadinessTest {

    private static final long MAX_LAG = 1_000;
    private static final int MIN_RATINGS = 1_000;

    private final AtomicReference<LoopStatus> status = new AtomicReference<>(new LoopStatus(-1, 0, 0, null, null));
    private final AtomicLong ratings = new AtomicLong();
    private final ModelSlot mcmc = new ModelSlot(ModelSpec.als("fm-mcmc", 8, 5, 2));
    private final ModelSlot ranking = new ModelSlot(ModelSpec.als("ranking", 8, 5, 2));
    private final TrainerReadiness readiness = new TrainerReadiness(MAX_LAG, MIN_RATINGS, status::get, List.of(mcmc, ranking),
            ratings::get);

    private void polled(long lag, long ratingsRead) {
        status.set(new LoopStatus(lag, ratingsRead, 0, null, null));
        ratings.set(ratingsRead);
    }

    @Test
    void isNotReadyBeforeTheConsumerKnowsHowFarBehindItIs() {
        Readiness.Status s = readiness.check();

        assertThat(s.ready()).isFalse();
        assertThat(s.detail()).startsWith("catching up: records behind not known yet");
    }

    @Test
    void isNotReadyWhileMoreRecordsThanTheBoundAreBehindAndSaysHowMany() {
        polled(52_310, 40_000);

        Readiness.Status s = readiness.check();

        assertThat(s.ready()).isFalse();
        assertThat(s.detail()).isEqualTo("catching up: 52,310 records behind (bound 1,000)");
    }

    @Test
    void onEmptyTopicsItIsReadyAsSoonAsTheLagIsKnown() {
        polled(0, 0);

        assertThat(readiness.check()).isEqualTo(Readiness.Status.up());
    }

    @Test
    void withFewerRatingsThanAFitNeedsThereIsNothingToWaitFor() {
        polled(0, MIN_RATINGS - 1);

        assertThat(readiness.check().ready()).isTrue();
    }

    @Test
    void recordsStillBehindCountTowardsTheRatingsAFitNeeds() {
        polled(200, MIN_RATINGS - 100);

        Readiness.Status s = readiness.check();

        assertThat(s.ready()).isFalse();
        assertThat(s.detail()).isEqualTo("waiting for the first fit of fm-mcmc, ranking (900 ratings read)");
    }

    @Test
    void caughtUpWithDataItWaitsForEveryModelsFirstFitAndNamesThoseStillWaiting() {
        polled(0, 5_000);
        assertThat(readiness.check().detail()).isEqualTo("waiting for the first fit of fm-mcmc, ranking (5,000 ratings read)");

        mcmc.fitDone();
        Readiness.Status oneLeft = readiness.check();
        assertThat(oneLeft.ready()).isFalse();
        assertThat(oneLeft.detail()).isEqualTo("waiting for the first fit of ranking (5,000 ratings read)");

        ranking.fitDone();
        assertThat(readiness.check().ready()).isTrue();
    }

    @Test
    void aModelThatAdoptedItsActiveVersionAtStartNeedsNoFit() {
        polled(0, 5_000);
        mcmc.resumeFrom(0, 0);
        ranking.resumeFrom(120, 1_000_000);

        assertThat(readiness.check().ready()).isTrue();
    }

    @Test
    void fittedModelsDoNotMakeItReadyWhileItIsStillCatchingUp() {
        mcmc.fitDone();
        ranking.fitDone();
        polled(MAX_LAG + 1, 5_000);

        assertThat(readiness.check().detail()).isEqualTo("catching up: 1,001 records behind (bound 1,000)");
    }

    @Test
    void onceReadyItStaysReadyWhenANewBacklogArrives() {
        polled(0, 0);
        assertThat(readiness.check().ready()).isTrue();

        polled(250_000, 0);

        assertThat(readiness.check()).isEqualTo(Readiness.Status.up());
    }

    @Test
    void aStoppedLoopIsDownEvenAfterItWasReady() {
        polled(0, 0);
        assertThat(readiness.check().ready()).isTrue();

        status.set(new LoopStatus(0, 0, 0, null, "IllegalStateException: disk full"));

        assertThat(readiness.check()).isEqualTo(Readiness.Status.down("training loop stopped: IllegalStateException: disk full"));
    }
}
