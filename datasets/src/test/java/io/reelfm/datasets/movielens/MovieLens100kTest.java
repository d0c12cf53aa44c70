package io.reelfm.datasets.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.UserRow;

class MovieLens100kTest {

    @TempDir
    Path dir;

    @Test
    void ratingsReaderReportsBadLinesWithNumbersAndKeepsGoing() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "196\t242\t3\t881250949\n"
                + "186\t302\tthree\t891717742\n"
                + "22\t377\n"
                + "\n"
                + "244\t51\t2\t880606923\n");
        List<RatingRow> rows = new ArrayList<>();
        LineErrors errors = new LineErrors();

        long good = MovieLens100k.readRatings(file, rows::add, errors);

        assertThat(good).isEqualTo(2);
        assertThat(rows).containsExactly(new RatingRow("196", "242", 3f, 881250949000L),
                new RatingRow("244", "51", 2f, 880606923000L));
        assertThat(errors.count()).isEqualTo(2);
        assertThat(errors.first()).extracting(BadLine::lineNumber).containsExactly(2L, 3L);
        assertThat(errors.first().get(1).reason()).contains("expected 4");
    }

    @Test
    void itemReaderDecodesGenreFlagsAndYear() throws Exception {
        Path file = dir.resolve("u.item");
        String flags = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        Files.write(file, ("1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)" + flags + "\n"
                + "267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                + "5|Broken|01-Jan-1995||url|0|2|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                + "6|Caf\u00e9 (1996)|01-Jan-1996||url" + flags + "\n").getBytes(StandardCharsets.ISO_8859_1));
        List<MovieRow> rows = new ArrayList<>();
        LineErrors errors = new LineErrors();

        MovieLens100k.readMovies(file, rows::add, errors);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).title()).isEqualTo("Toy Story (1995)");
        assertThat(rows.get(0).year()).isEqualTo(1995);
        assertThat(rows.get(0).genres()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(rows.get(1).year()).isNull();
        assertThat(rows.get(1).genres()).containsExactly("unknown");
        assertThat(rows.get(2).title()).isEqualTo("Caf\u00e9 (1996)");
        assertThat(errors.first()).singleElement().satisfies(b -> {
            assertThat(b.lineNumber()).isEqualTo(3);
            assertThat(b.reason()).contains("Action");
        });
    }

    @Test
    void userReaderReadsProfileFields() throws Exception {
        Path file = dir.resolve("u.user");
        Files.writeString(file, "1|24|M|technician|85711\n2|x|F|other|94043\n");
        List<UserRow> rows = new ArrayList<>();
        LineErrors errors = new LineErrors();

        MovieLens100k.readUsers(file, rows::add, errors);

        assertThat(rows).containsExactly(new UserRow("1", 24, "M", "technician"));
        assertThat(errors.count()).isEqualTo(1);
    }
}
