package io.reelfm.datasets.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

class MovieLens1mTest {

    @TempDir
    Path dir;

    private MovieLens1m dataset;

    @BeforeEach
    void writeFixture() throws Exception {
        Files.write(dir.resolve("ratings.dat"), ("1::1193::5::978300760\n"
                + "1::661::x::978302109\n"
                + "2::3408\n"
                + "\n"
                + "2::1357::9::978298709\n"
                + "6040::1097::4::956715518\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("movies.dat"), ("1::Toy Story (1995)::Animation|Children's|Comedy\n"
                + "2::Jumanji (1995)\n"
                + "53::Lamerica (1994)::Drama\n"
                + "3::Caf\u00e9 au lait (1993)::Comedy\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("users.dat"), ("1::F::1::10::48067\n"
                + "2::M::56::16::70072\n"
                + "3::M::30::15::55117\n"
                + "4::X::45::7::02460\n"
                + "5::M::25::21::55455\n"
                + "6::F::50::9::55117\n").getBytes(StandardCharsets.ISO_8859_1));
        dataset = new MovieLens1m(dir);
    }

    @Test
    void ratingsStreamGoodRowsAndReportBadLinesByNumber() {
        Parsed<RatingRow> read = Parsed.of(dataset::ratings);

        assertThat(read.good()).isEqualTo(2);
        assertThat(read.rows()).containsExactly(new RatingRow("1", "1193", 5f, 978300760000L),
                new RatingRow("6040", "1097", 4f, 956715518000L));
        assertThat(read.lineNumbers()).containsExactly(2L, 3L, 5L);
        assertThat(read.reasons()).satisfiesExactly(r -> assertThat(r).contains("Rating is not a number"),
                        r -> assertThat(r).contains("expected 4"),
                        r -> assertThat(r).contains("Rating out of range"));
    }

    @Test
    void moviesTakeTheYearFromTheTitleAndSplitGenresOnPipes() {
        Parsed<MovieRow> read = Parsed.of(dataset::movies);

        assertThat(read.rows()).extracting(MovieRow::itemId).containsExactly("1", "53", "3");
        assertThat(read.rows().get(0).year()).isEqualTo(1995);
        assertThat(read.rows().get(0).genres()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(read.rows().get(2).title()).isEqualTo("Caf\u00e9 au lait (1993)");
        assertThat(read.errors()).singleElement().satisfies(b -> {
            assertThat(b.lineNumber()).isEqualTo(2);
            assertThat(b.reason()).contains("expected 3");
        });
    }

    @Test
    void usersDecodeAgeAndOccupationCodes() {
        Parsed<UserRow> read = Parsed.of(dataset::users);

        assertThat(read.good()).isEqualTo(3);
        assertThat(read.rows()).containsExactly(new UserRow("1", 1, "F", "K-12 student"),
                new UserRow("2", 56, "M", "self-employed"),
                new UserRow("6", 50, "F", "homemaker"));
        assertThat(read.lineNumbers()).containsExactly(3L, 4L, 5L);
        assertThat(read.reasons()).satisfiesExactly(r -> assertThat(r).contains("Age is not a known age code"),
                        r -> assertThat(r).contains("Gender"),
                        r -> assertThat(r).contains("Occupation code out of range"));
    }
}
