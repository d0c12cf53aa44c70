package io.reelfm.serving.model;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.serving.topology.UserHistory;

class UserVectorCacheTest {

    private final byte[] payload = TestModels.randomPayload(50, 4, "m", 3);
    private final FactorModel v1 = FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload);
    private final FactorModel v2 = FactorModel.fromPayload(TestModels.manifest("fm", 2, payload, 1), payload);

    private static UserHistory history(UserHistory.Entry... entries) {
        UserHistory h = UserHistory.empty();
        for (UserHistory.Entry e : entries) {
            h = h.with(e.itemId(), e.rating(), e.timestamp(), 100);
        }
        return h;
    }

    @Test
    void anUnchangedUserIsFoldedInOnce() {
        UserVectorCache cache = new UserVectorCache(10);
        UserVector first = cache.vector("u", v1, history(new UserHistory.Entry("m1", 4f, 1L)), null);
        UserVector again = cache.vector("u", v1, history(new UserHistory.Entry("m1", 4f, 1L)), null);
        assertThat(again).isSameAs(first);
    }

    @Test
    void aNewRatingOrANewModelVersionFoldsTheUserInAgain() {
        UserVectorCache cache = new UserVectorCache(10);
        UserHistory one = history(new UserHistory.Entry("m1", 4f, 1L));
        UserVector first = cache.vector("u", v1, one, null);
        UserVector rated = cache.vector("u", v1, one.with("m2", 2f, 2L, 100), null);
        assertThat(rated).isNotSameAs(first);
        assertThat(rated.ratingsUsed()).isEqualTo(2);
        assertThat(cache.vector("u", v2, one.with("m2", 2f, 2L, 100), null)).isNotSameAs(rated);
        assertThat(cache.size()).isEqualTo(1);
    }
}
