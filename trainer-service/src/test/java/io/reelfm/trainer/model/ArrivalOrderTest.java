package io.reelfm.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.trainer.config.ModelSpec;
import io.reelfm.trainer.eval.HoldoutSplit;
import io.reelfm.trainer.store.TrainingState;

/**
 * The same ratings read in another order (partitions interleave differently on every replay) give
 * the same holdout, the same fit input and the same model.
 */
class ArrivalOrderTest {

    /** Taste-group ratings, three to a second, so the holdout's choice among same-second ratings matters. */
    private static List<RatingEvent> events() {
        List<RatingEvent> out = new ArrayList<>();
        int n = 0;
        for (RatingEvent e : TasteGroups.events(120, 90, 25, 5)) {
            out.add(RatingEvent.newBuilder(e).setTimestamp(Instant.ofEpochSecond(1_700_000_000L + n++ / 3)).build());
        }
        return out;
    }

    private static TrainingState shuffled(List<RatingEvent> events, long seed) {
        List<RatingEvent> copy = new ArrayList<>(events);
        Collections.shuffle(copy, new Random(seed));
        return TasteGroups.load(copy);
    }

    private static HoldoutSplit split(TrainingState s) {
        return HoldoutSplit.of(s.ratings(), s.users(), s.items(), 2, 5, 40, 3);
    }

    private static Set<String> held(TrainingState s, HoldoutSplit split) {
        Set<String> pairs = new TreeSet<>();
        for (int r : split.holdout()) {
            pairs.add(s.users().id(s.ratings().user(r)) + "/" + s.items().id(s.ratings().item(r)));
        }
        return pairs;
    }

    private static List<String> rows(FmInputs in) {
        List<String> rows = new ArrayList<>();
        for (int j = 0; j < in.ratings().size(); j++) {
            rows.add(in.users().id(in.ratings().user(j)) + "/" + in.items().id(in.ratings().item(j)) + "="
                    + in.ratings().value(j) + "@" + in.ratings().time(j));
        }
        return rows;
    }

    @Test
    void twoArrivalOrdersHoldOutTheSameRatings() {
        List<RatingEvent> events = events();
        TrainingState a = TasteGroups.load(events);
        TrainingState b = shuffled(events, 1);
        Set<String> heldA = held(a, split(a));
        assertThat(heldA).hasSize(80);
        assertThat(held(b, split(b))).isEqualTo(heldA);
    }

    @Test
    void theCanonicalFitInputListsUsersItemsAndRowsByIdWhateverTheArrivalOrder() {
        List<RatingEvent> events = events();
        TrainingState a = TasteGroups.load(events);
        TrainingState b = shuffled(events, 2);
        FmInputs inA = FmInputs.canonical(a, split(a).train());
        FmInputs inB = FmInputs.canonical(b, split(b).train());
        assertThat(rows(inB)).isEqualTo(rows(inA)).hasSize(events.size() - 80);
        for (int j = 1; j < inA.ratings().size(); j++) {
            String u0 = inA.users().id(inA.ratings().user(j - 1));
            String u1 = inA.users().id(inA.ratings().user(j));
            int order = u0.equals(u1) ? inA.items().id(inA.ratings().item(j - 1)).compareTo(inA.items().id(inA.ratings().item(j)))
                    : u0.compareTo(u1);
            assertThat(order).as("row %d after row %d", j, j - 1).isNegative();
        }
        assertThat(FmInputs.of(b, split(b).train()).users().id(0)).as("the dictionary order is the arrival order")
                .isEqualTo(b.users().id(0));
    }

    @Test
    void twoArrivalOrdersFitTheSameRankingModel() {
        List<RatingEvent> events = events();
        TrainingState a = TasteGroups.load(events);
        TrainingState b = shuffled(events, 3);
        ModelSpec spec = new ModelSpec("ranking", "ials", 8, 0.01, 4, 0.01, 42, 20, Set.of(), false);
        byte[] fitA = FmSnapshotCodec.encode(spec.newFitter(new RankingConfig(10, 4f)).fit(FmInputs.canonical(a, split(a).train())));
        byte[] fitB = FmSnapshotCodec.encode(spec.newFitter(new RankingConfig(10, 4f)).fit(FmInputs.canonical(b, split(b).train())));
        assertThat(fitB).isEqualTo(fitA);
        byte[] arrival = FmSnapshotCodec.encode(spec.newFitter(new RankingConfig(10, 4f)).fit(FmInputs.of(b, split(b).train())));
        assertThat(arrival).as("in arrival order the model differs, which is what the canonical order removes")
                .isNotEqualTo(fitA);
    }
}
