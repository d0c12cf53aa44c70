package io.reelfm.serving.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.serving.topology.UserHistory;

class UserVectorCacheTest {

    private final byte[] payload = TestModels.randomPayload(50, 4, "m", 3);
    private final FactorModel v1 = FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload);
    private final FactorModel v2 = FactorModel.fromPayload(TestModels.manifest("fm", 2, payload, 1), payload);
    private final AtomicInteger foldIns = new AtomicInteger();

    private UserVectorCache cache(int capacity) {
        return new UserVectorCache(capacity, nanos -> foldIns.incrementAndGet());
    }

    private static UserHistory history(UserHistory.Entry... entries) {
        UserHistory h = UserHistory.empty();
        for (UserHistory.Entry e : entries) {
            h = h.with(e.itemId(), e.rating(), e.timestamp(), 100);
        }
        return h;
    }

    /** User {@code i}'s own history: one rating of an item chosen by i. */
    private static UserHistory historyOf(int i) {
        return history(new UserHistory.Entry("m" + (i % 50), 1f + i % 5, i));
    }

    private static void assertSameVector(UserVector actual, UserVector expected) {
        assertThat(actual.query()).containsExactly(expected.query());
        assertThat(actual.constant()).isEqualTo(expected.constant());
        assertThat(actual.ratingsUsed()).isEqualTo(expected.ratingsUsed());
    }

    @Test
    void anUnchangedUserIsFoldedInOnceAndGetsTheSameVector() {
        UserVectorCache cache = cache(10);
        UserVector first = cache.vector("u", v1, history(new UserHistory.Entry("m1", 4f, 1L)), null);
        UserVector again = cache.vector("u", v1, history(new UserHistory.Entry("m1", 4f, 1L)), null);
        assertThat(foldIns).hasValue(1);
        assertSameVector(again, first);
        assertSameVector(again, v1.foldIn(null, history(new UserHistory.Entry("m1", 4f, 1L)).entries()));
    }

    @Test
    void aNewRatingOrANewModelVersionFoldsTheUserInAgain() {
        UserVectorCache cache = cache(10);
        UserHistory one = history(new UserHistory.Entry("m1", 4f, 1L));
        UserVector first = cache.vector("u", v1, one, null);
        UserVector rated = cache.vector("u", v1, one.with("m2", 2f, 2L, 100), null);
        assertThat(foldIns).hasValue(2);
        assertThat(rated.ratingsUsed()).isEqualTo(2);
        assertThat(rated.query()).isNotEqualTo(first.query());
        cache.vector("u", v2, one.with("m2", 2f, 2L, 100), null);
        assertThat(foldIns).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void everyCachedUserKeepsTheirOwnVectorWhileTheArraysGrow() {
        UserVectorCache cache = cache(10_000);
        UserVector[] expected = new UserVector[3000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = cache.vector("user-" + i, v1, historyOf(i), null);
        }
        assertThat(cache.slots("fm")).isGreaterThan(3000).isLessThanOrEqualTo(10_000);
        int before = foldIns.get();
        for (int i = expected.length - 1; i >= 0; i--) {
            assertSameVector(cache.vector("user-" + i, v1, historyOf(i), null), expected[i]);
        }
        // arrays that grew with the users keep every one of them: no second fold-in
        assertThat(foldIns.get() - before).isZero();
        assertThat(cache.size()).isEqualTo(3000);
    }

    @Test
    void moreUsersThanTheCapacityStayWithinItAndStillGetTheirOwnVectors() {
        UserVectorCache cache = cache(64);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1000; i++) {
                assertSameVector(cache.vector("user-" + i, v1, historyOf(i), null), v1.foldIn(null, historyOf(i).entries()));
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(64);
        assertThat(cache.slots("fm")).isLessThanOrEqualTo(64);
    }

    @Test
    void theRecentlyUsedUserOfASetStaysWhenANewOneArrives() {
        UserVectorCache cache = cache(UserVectorCache.WAYS);
        for (int i = 0; i < UserVectorCache.WAYS; i++) {
            cache.vector("user-" + i, v1, historyOf(i), null);
        }
        cache.vector("user-0", v1, historyOf(0), null);
        cache.vector("newcomer", v1, historyOf(99), null);
        int before = foldIns.get();
        cache.vector("user-0", v1, historyOf(0), null);
        assertThat(foldIns.get() - before).as("user-0 was used last, user-1 least recently").isZero();
        cache.vector("user-1", v1, historyOf(1), null);
        assertThat(foldIns.get() - before).isEqualTo(1);
    }

    @Test
    void anEqualProfileIsAHitAndAChangedOneFoldsTheUserInAgain() {
        UserVectorCache cache = cache(10);
        UserHistory h = historyOf(3);
        cache.vector("u", v1, h, profile(34, "F", "writer"));
        cache.vector("u", v1, h, profile(34, "F", "writer"));
        assertThat(foldIns).as("an equal profile read anew").hasValue(1);
        cache.vector("u", v1, h, profile(35, "F", "writer"));
        cache.vector("u", v1, h, profile(35, "F", "artist"));
        cache.vector("u", v1, h, profile(35, null, "artist"));
        cache.vector("u", v1, h, null);
        assertThat(foldIns).as("age, occupation, gender, then no profile at all").hasValue(5);
    }

    @Test
    void profileFingerprintsTellFieldsApart() {
        assertThat(UserVectorCache.fingerprint(null)).isZero();
        assertThat(UserVectorCache.fingerprint(profile(null, null, null))).isNotZero();
        // the same characters in different fields, or split differently, are different profiles
        assertThat(UserVectorCache.fingerprint(profile(null, "ab", "c")))
                .isNotEqualTo(UserVectorCache.fingerprint(profile(null, "a", "bc")))
                .isNotEqualTo(UserVectorCache.fingerprint(profile(null, "c", "ab")));
        assertThat(UserVectorCache.fingerprint(profile(0, null, null))).isNotEqualTo(UserVectorCache.fingerprint(profile(null, null, null)));
        assertThat(UserVectorCache.fingerprint(profile(null, "", null))).isNotEqualTo(UserVectorCache.fingerprint(profile(null, null, null)));
    }

    private static io.reelfm.schemas.UserProfile profile(Integer age, String gender, String occupation) {
        return io.reelfm.schemas.UserProfile.newBuilder().setUserId("u").setAge(age).setGender(gender)
                .setOccupation(occupation).build();
    }

    @Test
    void capacityZeroFoldsInEveryTime() {
        UserVectorCache cache = cache(0);
        cache.vector("u", v1, historyOf(1), null);
        cache.vector("u", v1, historyOf(1), null);
        assertThat(foldIns).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
