package io.reelfm.core.deepfm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.reelfm.core.topk.ScoredItems;

/**
 * What one user's candidate list can teach: the positions of liked targets (positives), of
 * targets the user rated low, and of everything else. Holds the negative-sampling rule in one
 * place: the user's own low-rated targets come first (the retrieval model cannot tell them from
 * liked ones), then hard negatives drawn at random from the rest of the list.
 */
final class CandidateLabels {

    private final List<Integer> positives = new ArrayList<>();
    private final List<Integer> chosenBadly = new ArrayList<>();
    private final List<Integer> others = new ArrayList<>();

    /** Sorts the list's positions by what the user did with the item. */
    CandidateLabels(ScoredItems list, BitSet wanted, BitSet disliked) {
        for (int j = 0; j < list.size(); j++) {
            (wanted.get(list.index(j)) ? positives : disliked.get(list.index(j)) ? chosenBadly : others).add(j);
        }
    }

    /** Positions of liked targets, best retrieval score first. */
    List<Integer> positives() {
        return positives;
    }

    /**
     * Up to {@code perPositive} negatives per positive: every low-rated target first, then the other
     * positions in an order drawn from {@code random}. Draws from {@code random} on every call.
     */
    List<Integer> negatives(int perPositive, Random random) {
        List<Integer> pool = new ArrayList<>(others);
        Collections.shuffle(pool, random);
        pool.addAll(0, chosenBadly);
        int negatives = Math.min(pool.size(), positives.size() * perPositive);
        return pool.subList(0, negatives);
    }
}
