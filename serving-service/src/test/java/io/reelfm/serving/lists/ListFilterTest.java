package io.reelfm.serving.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.reelfm.serving.catalog.MovieView;

class ListFilterTest {

    private static final MovieView DRAMA_1995 = new MovieView("m1", "One", 1995, List.of("Drama", "War"));
    private static final MovieView UNKNOWN = MovieView.unknown("m2");

    @Test
    void genreMatchesIgnoringCaseAndYearsAreInclusive() {
        assertThat(new ListFilter("drama", 1995, 1995, true).accepts(DRAMA_1995)).isTrue();
        assertThat(new ListFilter("comedy", null, null, true).accepts(DRAMA_1995)).isFalse();
        assertThat(new ListFilter(null, 1996, null, true).accepts(DRAMA_1995)).isFalse();
        assertThat(new ListFilter(null, null, 1994, true).accepts(DRAMA_1995)).isFalse();
    }

    @Test
    void anItemWithoutAYearPassesOnlyWhenNoRangeIsAskedFor() {
        assertThat(ListFilter.NONE.accepts(UNKNOWN)).isTrue();
        assertThat(new ListFilter(null, 1800, null, false).accepts(UNKNOWN)).isFalse();
    }

    @Test
    void onlyCatalogueFieldsNarrowAndAnEmptyRangeIsOutOfOrder() {
        assertThat(new ListFilter(null, null, null, true).narrows()).isFalse();
        assertThat(ListFilter.ofGenre(Optional.of("War")).narrows()).isTrue();
        assertThat(ListFilter.ofGenre(Optional.empty())).isEqualTo(ListFilter.NONE);
        assertThat(new ListFilter(null, 2000, 1999, false).yearsInOrder()).isFalse();
        assertThat(new ListFilter(null, 2000, 2000, false).yearsInOrder()).isTrue();
    }

    @Test
    void aNarrowingFilterScansDeeperThanTheListButNotBeyondTheCatalogue() {
        assertThat(ListFilter.NONE.scanDepth(10, 1000)).isEqualTo(10);
        assertThat(ListFilter.ofGenre(Optional.of("War")).scanDepth(5, 1000)).isEqualTo(ListFilter.MIN_SCAN);
        assertThat(ListFilter.ofGenre(Optional.of("War")).scanDepth(50, 10_000)).isEqualTo(50 * ListFilter.SCAN_PER_WANTED);
        assertThat(ListFilter.ofGenre(Optional.of("War")).scanDepth(50, 300)).isEqualTo(300);
    }
}
