package io.reelfm.datasets.imdb;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IMDb dumps with every case the join handles, including bad lines. */
public final class ImdbFixture {

    private ImdbFixture() {
    }

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

    /** Writes the three dumps into {@code dir}, gzipped (with .gz names) or plain. */
    public static void write(Path dir, boolean gzip) throws Exception {
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
}
