package io.reelfm.datasets.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.format.DatasetFormat;

/** The published MovieLens 100K, read through {@link Dataset#open}; skipped when no copy is available. */
class MovieLens100kRealCopyTest {

    @Test
    void hasThePublishedCountsAndNoBadLines() {
        Dataset dataset = DatasetFormat.open(Ml100kCopy.locateOrSkip());
        LineErrors errors = new LineErrors();
        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        Set<Float> values = new HashSet<>();

        long ratings = dataset.ratings(r -> {
            users.add(r.userId());
            items.add(r.itemId());
            values.add(r.rating());
        }, errors);
        long movies = dataset.movies(m -> { }, errors);
        long profiles = dataset.users(u -> { }, errors);

        assertThat(dataset.name()).isEqualTo("ml-100k");
        assertThat(ratings).isEqualTo(100_000);
        assertThat(movies).isEqualTo(1_682);
        assertThat(profiles).isEqualTo(943);
        assertThat(users).hasSize(943);
        assertThat(items).hasSize(1_682);
        assertThat(values).containsExactlyInAnyOrder(1f, 2f, 3f, 4f, 5f);
        assertThat(errors.count()).isZero();
    }

    @Test
    void ratingCountHintIsWithinTwoPercent() {
        Dataset dataset = DatasetFormat.open(Ml100kCopy.locateOrSkip());

        assertThat(dataset.ratingCountHint().getAsLong()).isBetween(98_000L, 102_000L);
    }

    @Test
    void publishedSplitsPartitionTheRatings() {
        MovieLens100kDataset dataset = (MovieLens100kDataset) DatasetFormat.open(Ml100kCopy.locateOrSkip());
        LineErrors errors = new LineErrors();

        long base = dataset.splitRatings("u1.base", r -> { }, errors);
        long test = dataset.splitRatings("u1.test", r -> { }, errors);

        assertThat(base).isEqualTo(80_000);
        assertThat(test).isEqualTo(20_000);
        assertThat(errors.count()).isZero();
    }
}
