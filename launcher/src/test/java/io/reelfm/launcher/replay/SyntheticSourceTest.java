package io.reelfm.launcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelfm.datasets.RatingRow;

class SyntheticSourceTest {

    private static List<RatingRow> ratings(SyntheticSource source) {
        List<RatingRow> rows = new ArrayList<>();
        source.ratings(rows::add, bad -> {
            throw new AssertionError(bad);
        });
        return rows;
    }

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedDifferentOnes() {
        assertThat(ratings(new SyntheticSource(3, 50, 80, 2000))).isEqualTo(ratings(new SyntheticSource(3, 50, 80, 2000)));
        assertThat(ratings(new SyntheticSource(4, 50, 80, 2000))).isNotEqualTo(ratings(new SyntheticSource(3, 50, 80, 2000)));
    }

    @Test
    void ratingsAreOnTheOneToFiveScaleWithKnownIdsAndUniqueEventIds() {
        SyntheticSource source = new SyntheticSource(11, 40, 60, 3000);
        List<RatingRow> rows = ratings(source);
        assertThat(rows).hasSize(3000);
        assertThat(rows).allMatch(r -> r.rating() >= 1 && r.rating() <= 5 && r.rating() == Math.rint(r.rating()));
        assertThat(rows).allMatch(r -> Integer.parseInt(r.userId()) >= 1 && Integer.parseInt(r.userId()) <= 40);
        assertThat(rows).allMatch(r -> Integer.parseInt(r.itemId()) >= 1 && Integer.parseInt(r.itemId()) <= 60);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(Events.eventId(source.name(), r.userId(), r.itemId(), r.timestampMillis())));
        assertThat(ids).hasSize(3000);
    }

    @Test
    void ratingsComeOutOfTimeOrderSoReplaysMustSort() {
        List<RatingRow> rows = ratings(SyntheticSource.small(1));
        boolean sorted = true;
        for (int i = 1; i < rows.size(); i++) {
            sorted &= rows.get(i - 1).timestampMillis() <= rows.get(i).timestampMillis();
        }
        assertThat(sorted).isFalse();
    }

    @Test
    void catalogueAndUsersHaveTheConfiguredSizes() {
        SyntheticSource source = new SyntheticSource(5, 30, 70, 10);
        List<String> movies = new ArrayList<>();
        List<String> users = new ArrayList<>();
        source.movies(m -> movies.add(m.itemId()), bad -> { });
        source.users(u -> users.add(u.userId()), bad -> { });
        assertThat(movies).hasSize(70).doesNotHaveDuplicates();
        assertThat(users).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void nonPositiveSizesAreRejectedNamingTheSize() {
        assertThatThrownBy(() -> new SyntheticSource(1, 0, 10, 10)).hasMessageContaining("synthetic users must be >= 1");
        assertThatThrownBy(() -> new SyntheticSource(1, 10, 10, -1)).hasMessageContaining("synthetic ratings must be >= 1");
    }
}
