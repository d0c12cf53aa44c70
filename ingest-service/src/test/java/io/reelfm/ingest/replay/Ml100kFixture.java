package io.reelfm.ingest.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.reelfm.datasets.movielens.MovieLens100k;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;

/**
 * Writes a small data set in MovieLens 100K file format from the seeded generator, with the
 * rating lines shuffled (as in the real {@code u.data}) and one broken line, so the always-run
 * replay tests go through file parsing, bad-line reporting and the time sort.
 */
final class Ml100kFixture {

    static final String BAD_LINE = "this line is not a rating";

    private Ml100kFixture() {
    }

    static List<RatingRow> write(Path dir, int users, int movies, int ratings, long seed) {
        SyntheticDataset data = new SyntheticDataset(SyntheticConfig.defaults().withSeed(seed).withSize(users, movies, ratings));
        List<RatingRow> rows = new ArrayList<>();
        data.ratings(rows::add, bad -> { });
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.userId() + "\t" + r.itemId() + "\t" + (int) r.rating() + "\t" + r.timestampMillis() / 1000));
        Collections.shuffle(lines, new Random(seed));
        lines.add(lines.size() / 2, BAD_LINE);
        List<String> items = new ArrayList<>();
        for (int m = 1; m <= movies; m++) {
            String flags = String.join("|", Collections.nCopies(MovieLens100k.GENRES.size(), "0"));
            items.add(m + "|Fixture Movie " + m + " (1999)|01-Jan-1999||http://example.org/" + m + "|" + flags.replaceFirst("0", "1"));
        }
        List<String> people = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            people.add(u + "|" + (18 + u % 50) + "|" + (u % 2 == 0 ? "F" : "M") + "|other|12345");
        }
        try {
            Files.write(dir.resolve("u.data"), lines, StandardCharsets.ISO_8859_1);
            Files.write(dir.resolve("u.item"), items, StandardCharsets.ISO_8859_1);
            Files.write(dir.resolve("u.user"), people, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream().map(r -> new RatingRow(r.userId(), r.itemId(), (int) r.rating(), r.timestampMillis() / 1000 * 1000))
                .toList();
    }
}
