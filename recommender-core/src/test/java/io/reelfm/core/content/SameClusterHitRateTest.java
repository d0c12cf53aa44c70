package io.reelfm.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

import io.reelfm.core.eval.RatingSet;

class SameClusterHitRateTest {

    /** Items 0–3 form cluster 0, items 4–7 cluster 1; item 8 is unclustered. */
    private static final int[] CLUSTERS = {0, 0, 0, 0, 1, 1, 1, 1, -1};

    private static RatingSet ratings(int[] users, int[] items, float[] values) {
        return new RatingSet(users, items, values, new long[users.length], 3, CLUSTERS.length);
    }

    @Test
    void averagesEachUsersSameClusterShareOfTrainingLikeTestLikePairs() {
        // user 0 liked 0 in training and 1, 4 in the test: half the pairs share a cluster;
        // user 1 liked 5 and 6, then 7: every pair does; user 2 disliked everything; item 8 has no cluster
        RatingSet train = ratings(new int[] {0, 1, 1, 2}, new int[] {0, 5, 6, 2}, new float[] {5, 4, 4.5f, 2});
        RatingSet test = ratings(new int[] {0, 0, 1, 2, 0}, new int[] {1, 4, 7, 3, 8}, new float[] {4, 5, 4, 1, 5});

        SameClusterHitRate r = SameClusterHitRate.measure(CLUSTERS, train, test, 4f);

        assertThat(r.users()).isEqualTo(2);
        assertThat(r.pairs()).isEqualTo(2 + 2);
        assertThat(r.hitRate()).isCloseTo((0.5 + 1.0) / 2, offset(1e-12));
        // two clusters of four: another item shares the first one's cluster with chance 3/7 on average
        assertThat(r.randomHitRate()).isBetween(0.2, 0.65);
        assertThat(r.lift()).isGreaterThan(1);
    }

    @Test
    void clustersThatFollowTasteLiftTheShareAboveShuffledOnes() {
        // user 0 likes only cluster 0's movies, user 1 only cluster 1's
        RatingSet train = ratings(new int[] {0, 0, 1, 1}, new int[] {0, 1, 4, 5}, new float[] {5, 5, 5, 5});
        RatingSet test = ratings(new int[] {0, 0, 1, 1}, new int[] {2, 3, 6, 7}, new float[] {5, 5, 5, 5});

        SameClusterHitRate r = SameClusterHitRate.measure(CLUSTERS, train, test, 4f);

        assertThat(r.hitRate()).isEqualTo(1.0);
        assertThat(r.lift()).isGreaterThan(1.5);
        assertThat(SameClusterHitRate.measure(CLUSTERS, train, test, 4f)).isEqualTo(r);
    }

    @Test
    void nothingToMeasureGivesNoUsersAndNoShare() {
        RatingSet none = ratings(new int[0], new int[0], new float[0]);

        SameClusterHitRate r = SameClusterHitRate.measure(CLUSTERS, none, none, 4f);

        assertThat(r.users()).isZero();
        assertThat(r.hitRate()).isZero();
        assertThat(r.lift()).isNaN();
    }
}
