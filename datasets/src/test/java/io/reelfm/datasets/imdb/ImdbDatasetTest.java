package io.reelfm.datasets.imdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;

class ImdbDatasetTest {

    static final String BASICS = "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n"
            + "tt0000001\tshort\tCarmencita\tCarmencita\t0\t1894\t\\N\t1\tDocumentary,Short\n"
            + "tt0111161\tmovie\tThe Shawshank Redemption\tThe Shawshank Redemption\t0\t1994\t\\N\t142\tDrama\n"
            + "tt0211915\tmovie\tAmelie\tLe fabuleux destin d'Am\u00e9lie Poulain\t0\t2001\t\\N\t122\tComedy,Romance\n"
            + "tt0000009\tmovie\tAdult Film\tAdult Film\t1\t1999\t\\N\t90\tDrama\n"
            + "tt9999999\tmovie\tNo Data\tNo Data\t0\t\\N\t\\N\t\\N\t\\N\n"
            + "tt0000010\tmovie\tBroken\tBroken\t0\tnineteen\t\\N\t90\tDrama\n"
            + "tt0000011\tmovie\ttoo few fields\n";

    static final String AKAS = "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n"
            + "tt0111161\t1\tThe Shawshank Redemption\t\\N\t\\N\toriginal\t\\N\t1\n"
            + "tt0111161\t2\tDie Verurteilten\tDE\tde\timdbDisplay\t\\N\t0\n"
            + "tt0111161\t4\tThe Shawshank Redemption\tUS\t\\N\timdbDisplay\t\\N\t0\n"
            + "tt0111161\t3\tThe Shawshank Redemption\tGB\ten\timdbDisplay\t\\N\t0\n"
            + "tt0211915\t1\tLe fabuleux destin d'Am\u00e9lie Poulain\t\\N\tfr\toriginal\t\\N\t1\n"
            + "tt0211915\t5\tAmelie\tUS\ten\timdbDisplay\t\\N\t0\n"
            + "tt0211915\t6\tLe fabuleux destin d'Am\u00e9lie Poulain\tFR\t\\N\timdbDisplay\t\\N\t0\n"
            + "tt0000001\t1\tCarmencita\tUS\ten\t\\N\t\\N\t0\n"
            + "tt0211915\tseven\tAmelie\tCA\ten\t\\N\t\\N\t0\n"
            + "tt0211915\t8\tAmelie\tCA\n";

    static final String RATINGS = "tconst\taverageRating\tnumVotes\n"
            + "tt0000001\t5.7\t2090\n"
            + "tt0111161\t9.3\t2900000\n"
            + "tt0211915\tgood\t800000\n"
            + "tt9999999\t6.0\t12\n";

    @TempDir
    Path dir;

    static void writeFixture(Path dir, boolean gzip) throws Exception {
        write(dir.resolve("title.basics.tsv" + (gzip ? ".gz" : "")), BASICS, gzip);
        write(dir.resolve("title.akas.tsv" + (gzip ? ".gz" : "")), AKAS, gzip);
        write(dir.resolve("title.ratings.tsv" + (gzip ? ".gz" : "")), RATINGS, gzip);
    }

    private static void write(Path file, String content, boolean gzip) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (!gzip) {
            Files.write(file, bytes);
            return;
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }

    private Map<String, MovieRow> movies(LineErrors errors) {
        List<MovieRow> rows = new ArrayList<>();
        new ImdbDataset(dir).movies(rows::add, errors);
        return rows.stream().collect(Collectors.toMap(MovieRow::itemId, Function.identity()));
    }

    @Test
    void keepsOnlyNonAdultMoviesWithNullsForMissingFields() throws Exception {
        writeFixture(dir, false);

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
        writeFixture(dir, false);

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
        writeFixture(dir, false);
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
        writeFixture(dir, false);
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
        writeFixture(dir, false);
        Map<String, MovieRow> plain = movies(new LineErrors());
        Path gz = Files.createDirectory(dir.resolve("gz"));
        writeFixture(gz, true);
        List<MovieRow> rows = new ArrayList<>();

        new ImdbDataset(gz).movies(rows::add, new LineErrors());

        assertThat(rows).containsExactlyInAnyOrderElementsOf(plain.values());
    }

    @Test
    void hasNoUsersAndNoIndividualRatings() throws Exception {
        writeFixture(dir, false);
        ImdbDataset dataset = new ImdbDataset(dir);

        assertThat(dataset.users(u -> { }, new LineErrors())).isZero();
        assertThat(dataset.ratings(r -> { }, new LineErrors())).isZero();
    }
}
