package io.reelfm.serving.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TitleSearchTest {

    private static final List<MovieView> MOVIES = List.of(
            new MovieView("1", "Amélie", 2001, List.of("Comedy")),
            new MovieView("2", "Godfather, The", 1972, List.of("Crime")),
            new MovieView("3", "Godfather: Part II, The", 1974, List.of("Crime")),
            new MovieView("4", "Star Wars", 1977, List.of("Sci-Fi")),
            new MovieView("5", "Return of the Jedi", 1983, List.of("Sci-Fi")));

    private static List<String> ids(String q) {
        return TitleSearch.search(MOVIES, q, 10).stream().map(h -> h.movie().itemId()).toList();
    }

    @Test
    void ignoresCaseAndAccents() {
        assertThat(ids("AMELIE")).containsExactly("1");
        assertThat(ids("amélie")).containsExactly("1");
    }

    @Test
    void titlePrefixRanksBeforeWordPrefixAndShorterTitleFirst() {
        assertThat(ids("godf")).containsExactly("2", "3");
        assertThat(ids("jedi")).containsExactly("5");
        assertThat(ids("star")).containsExactly("4");
    }

    @Test
    void toleratesTyposIncludingTranspositions() {
        assertThat(ids("godfathr")).containsExactly("2", "3");
        assertThat(ids("amelei")).containsExactly("1");
    }

    @Test
    void wordsOfThreeLettersOrFewerMustMatchExactlyAndBlankQueryFindsNothing() {
        assertThat(ids("stz")).isEmpty();
        assertThat(ids("stat")).containsExactly("4");
        assertThat(ids("  ")).isEmpty();
        assertThat(ids("xyzzy")).isEmpty();
    }

    @Test
    void limitCapsTheHits() {
        assertThat(TitleSearch.search(MOVIES, "godfather", 1)).hasSize(1);
    }
}
