package io.reelfm.trainer.policy;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.reelfm.service.http.Readiness;

/**
 * Whether the trainer is ready: caught up with its input, with a model for every configured one
 * that has data to fit. A trainer that is alive but still replaying a backlog has published
 * nothing from it yet, and whatever waits for it (a container health check, the next step of a
 * deployment) must not take it for one at work.
 *
 * <p>Checked in this order:
 * <ol>
 *   <li>the training loop runs: a stopped or failed loop is down, always;
 *   <li>the consumer knows how far behind the end of its input topics it is, and that is at most
 *       {@code ready-max-lag} records (before its first polls it does not know, and is not ready);
 *   <li>every configured model has a model since start: it adopted its active version after a
 *       restart, or its first full fit is done, whatever became of it (published, unchanged,
 *       rejected by the gate or failed: the next try waits for the refit schedule, which may be far
 *       away, and the outcome is in {@code GET /status}). Unless there is nothing to fit: fewer than
 *       {@code min-ratings} ratings, counting every record still behind as one, is below the
 *       threshold at which {@link RefitSchedule} fits a model at all, so a trainer started on empty
 *       topics is ready at once and nothing that waits for it waits for data.
 * </ol>
 *
 * Once ready it stays ready while the loop runs: a burst of new ratings is the work of a trainer
 * in service, not a reason to take it out. The training thread checks after each of its steps too,
 * so the latch does not depend on a probe arriving at the right moment.
 */
public final class TrainerReadiness implements Readiness {

    private final long maxLag;
    private final int minRatings;
    private final Supplier<LoopStatus> status;
    private final List<ModelSlot> slots;
    private final LongSupplier ratings;
    private volatile boolean reached;

    /**
     * @param maxLag     records behind the end of the input at most ({@code ready-max-lag})
     * @param minRatings ratings before a model is fitted at all ({@code min-ratings})
     * @param status     what the training loop last reported
     * @param slots      the configured models
     * @param ratings    ratings in the training set, as last published to other threads
     */
    public TrainerReadiness(long maxLag, int minRatings, Supplier<LoopStatus> status, List<ModelSlot> slots,
                            LongSupplier ratings) {
        this.maxLag = maxLag;
        this.minRatings = minRatings;
        this.status = status;
        this.slots = List.copyOf(slots);
        this.ratings = ratings;
    }

    @Override
    public Status check() {
        LoopStatus s = status.get();
        if (s.failure() != null) {
            return Status.down("training loop stopped: " + s.failure());
        }
        if (reached) {
            return Status.up();
        }
        String reason = notReadyBecause(s);
        if (reason != null) {
            return Status.down(reason);
        }
        reached = true;
        return Status.up();
    }

    /** Why the trainer is not ready yet, in one line, or null when it is. */
    private String notReadyBecause(LoopStatus s) {
        if (s.lag() < 0) {
            return "catching up: records behind not known yet (the consumer has not reached every input partition)";
        }
        if (s.lag() > maxLag) {
            return String.format(Locale.ROOT, "catching up: %,d records behind (bound %,d)", s.lag(), maxLag);
        }
        long read = ratings.getAsLong();
        if (read + s.lag() < minRatings) {
            return null;
        }
        List<String> waiting = slots.stream().filter(m -> !m.fitted()).map(ModelSlot::name).toList();
        if (waiting.isEmpty()) {
            return null;
        }
        return String.format(Locale.ROOT, "waiting for the first fit of %s (%,d ratings read)", String.join(", ", waiting), read);
    }
}
