package io.reelfm.datasets.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;

class MovieLensCsvTest {

    @TempDir
    Path root;

    private Path dir;

    @BeforeEach
    void writeFixture() throws Exception {
        dir = Files.createDirectories(root.resolve("ml-latest-small"));
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n"
                + "1,1,4.0,964982703\n"
                + "1,3,3.5,964981247\n"
                + "1,6,6.0,964982224\n"
                + "2,,4.0,964982224\n"
                + "2,50,4.5\n"
                + "610,170875,3.0,1493846415\n");
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\n"
                + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
                + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                + "1180,\"\"\"Great Performances\"\" Cats (1998)\",Musical\n"
                + "182727,A Christmas Story Live! (2017),(no genres listed)\n"
                + "7,Broken \"quote (1999),Drama\n"
                + "8,\"Two\nLine Title (2001)\",Drama\n"
                + "9,Too,Many,Fields\n");
        Files.writeString(dir.resolve("links.csv"), "movieId,imdbId,tmdbId\n"
                + "1,0114709,862\n"
                + "11,112346,9087\n"
                + "182727,,\n"
                + "x,1,2\n");
    }

    @Test
    void nameComesFromTheDirectoryAndThereAreNoUsers() {
        MovieLensCsv dataset = new MovieLensCsv(dir);

        assertThat(dataset.name()).isEqualTo("ml-latest-small");
        assertThat(dataset.users(u -> { }, new LineErrors())).isZero();
        assertThat(dataset.ratingCountHint()).hasValue(6);
    }

    @Test
    void ratingsKeepHalfStarsAndConvertSecondsToMillis() {
        Parsed<RatingRow> read = Parsed.of(new MovieLensCsv(dir)::ratings);

        assertThat(read.good()).isEqualTo(3);
        assertThat(read.rows()).containsExactly(new RatingRow("1", "1", 4f, 964982703000L),
                new RatingRow("1", "3", 3.5f, 964981247000L),
                new RatingRow("610", "170875", 3f, 1493846415000L));
        assertThat(read.lineNumbers()).containsExactly(4L, 5L, 6L);
        assertThat(read.reasons()).satisfiesExactly(r -> assertThat(r).contains("rating out of range"),
                        r -> assertThat(r).contains("empty movieId"),
                        r -> assertThat(r).contains("expected 4 fields"));
    }

    @Test
    void moviesParseQuotedTitlesAndLinkImdbIds() {
        Parsed<MovieRow> read = Parsed.of(new MovieLensCsv(dir)::movies);
        List<MovieRow> rows = read.rows();

        assertThat(rows).extracting(MovieRow::title).containsExactly("Toy Story (1995)",
                "American President, The (1995)", "\"Great Performances\" Cats (1998)",
                "A Christmas Story Live! (2017)", "Two\nLine Title (2001)");
        assertThat(rows).extracting(MovieRow::imdbId).containsExactly("tt0114709", "tt0112346", null, null, null);
        assertThat(rows).extracting(MovieRow::year).containsExactly(1995, 1995, 1998, 2017, 2001);
        assertThat(rows.get(0).genres()).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
        assertThat(rows.get(3).genres()).isEmpty();
        assertThat(read.errors()).extracting(b -> b.file().getFileName().toString() + ":" + b.lineNumber())
                .containsExactly("links.csv:5", "movies.csv:6", "movies.csv:9");
        assertThat(read.reasons().get(1)).contains("quote inside unquoted field");
        assertThat(read.reasons().get(2)).contains("expected 3 fields");
    }

    @Test
    void imdbNumbersArePaddedToSevenDigits() {
        assertThat(MovieLensCsv.imdbId(114709)).isEqualTo("tt0114709");
        assertThat(MovieLensCsv.imdbId(12345678)).isEqualTo("tt12345678");
    }
}
