package io.reelfm.core.eval.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.TestData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private final RatingSet all = TestData.ratings(40, 60, 20, 7);

    @Test
    void kFoldTestSidesAreDisjointAndCoverEveryRating() {
        List<Split> folds = Splits.kFold(all, 5, 42);
        Set<String> seen = new HashSet<>();
        for (Split split : folds) {
            assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
            Set<String> train = keys(split.train());
            for (String key : keys(split.test())) {
                assertThat(train).doesNotContain(key);
                assertThat(seen.add(key)).as("rating %s in two test folds", key).isTrue();
            }
        }
        assertThat(seen).isEqualTo(keys(all));
    }

    @Test
    void kFoldIsReproducibleForASeedAndDiffersAcrossSeeds() {
        assertThat(keys(Splits.kFold(all, 5, 1).get(0).test())).isEqualTo(keys(Splits.kFold(all, 5, 1).get(0).test()));
        assertThat(keys(Splits.kFold(all, 5, 1).get(0).test())).isNotEqualTo(keys(Splits.kFold(all, 5, 2).get(0).test()));
    }

    @Test
    void strongGeneralisationHoldsOutWholeUsersAndTestsOnTheirLatestRatings() {
        Split split = Splits.strongGeneralisation(all, 0.25, 0.2, 3);
        assertThat(split.strong()).isTrue();
        assertThat(split.train().size() + split.foldIn().size() + split.test().size()).isEqualTo(all.size());
        Set<Integer> trainUsers = new HashSet<>();
        for (int r = 0; r < split.train().size(); r++) {
            trainUsers.add(split.train().user(r));
        }
        Set<Integer> heldUsers = new HashSet<>();
        for (int r = 0; r < split.test().size(); r++) {
            heldUsers.add(split.test().user(r));
        }
        assertThat(heldUsers).hasSize(10).doesNotContainAnyElementsOf(trainUsers);
        long[] latestFoldIn = new long[all.numUsers()];
        for (int r = 0; r < split.foldIn().size(); r++) {
            assertThat(heldUsers).contains(split.foldIn().user(r));
            latestFoldIn[split.foldIn().user(r)] = Math.max(latestFoldIn[split.foldIn().user(r)], split.foldIn().time(r));
        }
        for (int r = 0; r < split.test().size(); r++) {
            assertThat(split.test().time(r)).isGreaterThanOrEqualTo(latestFoldIn[split.test().user(r)]);
        }
    }

    @Test
    void timeHoldoutPutsEachUsersLatestRatingsInTest() {
        Split split = Splits.timeHoldoutLastN(all, 2);
        assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
        int[][] trainByUser = split.train().rowsByUser();
        int[][] testByUser = split.test().rowsByUser();
        for (int u = 0; u < all.numUsers(); u++) {
            assertThat(testByUser[u]).hasSize(2);
            long latestTrain = Long.MIN_VALUE;
            for (int r : trainByUser[u]) {
                latestTrain = Math.max(latestTrain, split.train().time(r));
            }
            for (int r : testByUser[u]) {
                assertThat(split.test().time(r)).isGreaterThanOrEqualTo(latestTrain);
            }
        }
    }

    @Test
    void timeHoldoutByFractionKeepsATrainingRatingPerUser() {
        Split split = Splits.timeHoldoutFraction(all, 0.2);
        int[][] trainByUser = split.train().rowsByUser();
        for (int[] rows : trainByUser) {
            assertThat(rows).isNotEmpty();
        }
        assertThat(split.test().size()).isBetween(all.size() / 6, all.size() / 4);
    }

    @Test
    void coldItemsAreHeldOutWholeAndAreTheOnlyCandidates() {
        Split split = Splits.coldItems(all, 0.1, 5);
        java.util.BitSet cold = split.candidates();
        assertThat(cold).isNotNull();
        assertThat(cold.cardinality()).isEqualTo(6);
        assertThat(split.train().size() + split.test().size()).isEqualTo(all.size());
        for (int r = 0; r < split.train().size(); r++) {
            assertThat(cold.get(split.train().item(r))).as("training rating %d is of a cold item", r).isFalse();
        }
        for (int r = 0; r < split.test().size(); r++) {
            assertThat(cold.get(split.test().item(r))).as("test rating %d is of a warm item", r).isTrue();
        }
        assertThat(split.strong()).isFalse();
        assertThat(keys(Splits.coldItems(all, 0.1, 5).test())).isEqualTo(keys(split.test()));
        assertThat(Splits.coldItems(all, 0.1, 6).candidates()).isNotEqualTo(cold);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        assertThatThrownBy(() -> Splits.coldItems(all, 0, 0)).hasMessageContaining("item share");
        assertThatThrownBy(() -> Splits.kFold(all, 1, 0)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> Splits.timeHoldoutFraction(all, 1.5)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> Splits.timeHoldoutLastN(all, 0)).hasMessageContaining("lastN");
    }

    private static Set<String> keys(RatingSet set) {
        Set<String> keys = new HashSet<>();
        for (int r = 0; r < set.size(); r++) {
            keys.add(set.user(r) + ":" + set.item(r));
        }
        return keys;
    }
}
