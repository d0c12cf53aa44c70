package io.reelfm.datasets.imdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;

class ImdbDatasetTest {

    @TempDir
    Path dir;

    private Map<String, MovieRow> movies(LineErrors errors) {
        List<MovieRow> rows = new ArrayList<>();
        new ImdbDataset(dir).movies(rows::add, errors);
        return rows.stream().collect(Collectors.toMap(MovieRow::itemId, Function.identity()));
    }

    @Test
    void keepsOnlyNonAdultMoviesWithNullsForMissingFields() throws Exception {
        ImdbFixture.write(dir, false);

        Map<String, MovieRow> movies = movies(new LineErrors());

        assertThat(movies).containsOnlyKeys("tt0111161", "tt0211915", "tt9999999");
        MovieRow shawshank = movies.get("tt0111161");
        assertThat(shawshank.title()).isEqualTo("The Shawshank Redemption");
        assertThat(shawshank.imdbId()).isEqualTo("tt0111161");
        assertThat(shawshank.year()).isEqualTo(1994);
        assertThat(shawshank.runtime()).isEqualTo(142);
        assertThat(movies.get("tt0211915").genres()).containsExactly("Comedy", "Romance");
        MovieRow empty = movies.get("tt9999999");
        assertThat(empty.year()).isNull();
        assertThat(empty.runtime()).isNull();
        assertThat(empty.genres()).isEmpty();
        assertThat(empty.language()).isNull();
        assertThat(empty.region()).isNull();
    }

    @Test
    void languageComesFromTheOriginalTitleRowAndRegionFromTheHomeReleaseRow() throws Exception {
        ImdbFixture.write(dir, false);

        Map<String, MovieRow> movies = movies(new LineErrors());

        // Shawshank: the original-title row has no language, so the lowest-ordering row titled
        // like the original with a language (GB, en) supplies it; region likewise picks GB (3) over US (4).
        assertThat(movies.get("tt0111161").language()).isEqualTo("en");
        assertThat(movies.get("tt0111161").region()).isEqualTo("GB");
        // Amelie: isOriginalTitle=1 gives fr; the US "Amelie" row is a translation and is ignored.
        assertThat(movies.get("tt0211915").language()).isEqualTo("fr");
        assertThat(movies.get("tt0211915").region()).isEqualTo("FR");
    }

    @Test
    void badLinesAreReportedWithFileAndLineNumber() throws Exception {
        ImdbFixture.write(dir, false);
        LineErrors errors = new LineErrors();

        movies(errors);

        assertThat(errors.first()).extracting(b -> b.file().getFileName() + ":" + b.lineNumber())
                .containsExactly("title.akas.tsv:10", "title.akas.tsv:11", "title.basics.tsv:7", "title.basics.tsv:8");
        assertThat(errors.first()).extracting(BadLine::reason).satisfiesExactly(
                r -> assertThat(r).contains("ordering is not a number"),
                r -> assertThat(r).contains("expected 8"),
                r -> assertThat(r).contains("startYear is not a number"),
                r -> assertThat(r).contains("expected 9"));
    }

    @Test
    void titleRatingsAreStreamedForKeptMoviesOnly() throws Exception {
        ImdbFixture.write(dir, false);
        List<ImdbTitleRating> ratings = new ArrayList<>();
        LineErrors errors = new LineErrors();

        long good = new ImdbDataset(dir).titleRatings(ratings::add, errors);

        assertThat(good).isEqualTo(2);
        assertThat(ratings).containsExactly(new ImdbTitleRating("tt0111161", 9.3, 2_900_000),
                new ImdbTitleRating("tt9999999", 6.0, 12));
        assertThat(errors.first()).singleElement().satisfies(b -> assertThat(b.lineNumber()).isEqualTo(4));
    }

    @Test
    void gzippedDumpsGiveTheSameRows() throws Exception {
        ImdbFixture.write(dir, false);
        Map<String, MovieRow> plain = movies(new LineErrors());
        Path gz = Files.createDirectory(dir.resolve("gz"));
        ImdbFixture.write(gz, true);
        List<MovieRow> rows = new ArrayList<>();

        new ImdbDataset(gz).movies(rows::add, new LineErrors());

        assertThat(rows).containsExactlyInAnyOrderElementsOf(plain.values());
    }

    @Test
    void hasNoUsersAndNoIndividualRatings() throws Exception {
        ImdbFixture.write(dir, false);
        ImdbDataset dataset = new ImdbDataset(dir);

        assertThat(dataset.users(u -> { }, new LineErrors())).isZero();
        assertThat(dataset.ratings(r -> { }, new LineErrors())).isZero();
    }
}
