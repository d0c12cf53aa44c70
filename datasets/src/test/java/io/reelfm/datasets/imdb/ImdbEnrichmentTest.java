package io.reelfm.datasets.imdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

class ImdbEnrichmentTest {

    /** A catalogue in MovieLens' style, held in memory. */
    private record Catalogue(List<MovieRow> rows) implements Dataset {
        @Override
        public String name() {
            return "fixture";
        }

        @Override
        public long movies(Consumer<MovieRow> sink, Consumer<BadLine> errors) {
            rows.forEach(sink);
            return rows.size();
        }

        @Override
        public long users(Consumer<UserRow> sink, Consumer<BadLine> errors) {
            return 0;
        }

        @Override
        public long ratings(Consumer<RatingRow> sink, Consumer<BadLine> errors) {
            return 0;
        }
    }

    private static MovieRow row(String id, String title, Integer year, String imdbId, Integer runtime) {
        return new MovieRow(id, title, year, List.of("Drama"), imdbId, runtime, null, null);
    }

    @Test
    void completesTheCatalogueByIdAndByTitleAndYearKeepingWhatItAlreadyHas(@TempDir Path dir) throws Exception {
        ImdbFixture.write(dir, true);
        Map<String, MovieRow> imdb = new HashMap<>();
        new ImdbDataset(dir).movies(m -> imdb.put(m.imdbId(), m), e -> { });
        ImdbEnrichment enriched = ImdbEnrichment.of(new Catalogue(List.of(
                row("1", "Shawshank Redemption, The (1994)", 1994, null, null),
                row("2", "Amelie (2000)", 2000, null, 95),
                row("3", "A Film Known By Id", 1994, "tt0111161", null),
                row("4", "Unknown Film (1990)", 1990, null, null),
                row("5", "Shawshank Redemption, The (1980)", 1980, null, null))), dir);

        List<MovieRow> out = new ArrayList<>();
        long count = enriched.movies(out::add, e -> { });

        assertThat(count).isEqualTo(5);
        MovieRow shawshank = out.get(0);
        assertThat(shawshank.imdbId()).isEqualTo("tt0111161");
        assertThat(shawshank.runtime()).isEqualTo(142);
        assertThat(shawshank.language()).isEqualTo(imdb.get("tt0111161").language());
        assertThat(shawshank.region()).isEqualTo(imdb.get("tt0111161").region()).isNotNull();
        assertThat(shawshank.title()).isEqualTo("Shawshank Redemption, The (1994)");
        assertThat(shawshank.imdbRating()).isEqualTo(9.3);
        assertThat(shawshank.imdbVotes()).isEqualTo(2_900_000L);
        MovieRow amelie = out.get(1);
        assertThat(amelie.imdbId()).as("a year off still matches").isEqualTo("tt0211915");
        assertThat(amelie.runtime()).as("the catalogue's own runtime wins").isEqualTo(95);
        assertThat(amelie.language()).isEqualTo(imdb.get("tt0211915").language()).isNotNull();
        assertThat(amelie.imdbRating()).as("its title.ratings line is unreadable").isNull();
        assertThat(out.get(2).runtime()).isEqualTo(142);
        assertThat(out.get(3)).isEqualTo(row("4", "Unknown Film (1990)", 1990, null, null));
        assertThat(out.get(4).imdbId()).as("fourteen years off is another film").isNull();
        assertThat(enriched.lastMatches()).isEqualTo(new ImdbEnrichment.Matches(1, 2, 2));
    }

    @Test
    void titleKeysUndoMovieLensStyleArticlesAlternativesAndAccents() {
        assertThat(TitleKeys.of("Usual Suspects, The (1995)")).containsExactly("theusualsuspects");
        assertThat(TitleKeys.of("Seven (Se7en) (1995)")).containsExactly("sevense7en", "seven", "se7en");
        assertThat(TitleKeys.of("Cité des enfants perdus, La")).containsExactly("lacitedesenfantsperdus");
        assertThat(TitleKeys.of("The Usual Suspects")).containsExactly("theusualsuspects");
    }
}
