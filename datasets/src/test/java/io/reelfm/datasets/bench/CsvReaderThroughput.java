package io.reelfm.datasets.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.schemas.RatingScale;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticGenerator;

/**
 * Measures how fast a MovieLens CSV {@code ratings.csv} is read through {@code Dataset.open}
 * (RFC 4180 parsing, validation, one {@code RatingRow} per line), on a file written here from
 * the synthetic generator in the ml-25m layout, so no download is needed.
 *
 * <p>Arguments: {@code [ratings] [runs] [dir]}; defaults 5,000,000 ratings, 5 measured runs
 * after 1 warm-up, a temporary directory deleted afterwards.
 */
public final class CsvReaderThroughput {

    private CsvReaderThroughput() {
    }

    public static void main(String[] args) throws IOException {
        long ratings = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("reelfm-csv-bench");
        Path dir = Files.createDirectories(root.resolve("ml-bench"));
        try {
            write(dir, ratings);
            System.out.printf("ratings.csv: %,d ratings, %,d bytes%n", ratings, Files.size(dir.resolve("ratings.csv")));
            Dataset dataset = DatasetFormat.open(dir);
            double[] rates = new double[runs];
            for (int run = -1; run < runs; run++) {
                LineErrors errors = new LineErrors();
                long[] sum = new long[1];
                long start = System.nanoTime();
                long read = dataset.ratings(r -> sum[0] += r.timestampMillis(), errors);
                double rate = read / ((System.nanoTime() - start) / 1e9);
                System.out.printf("%s: %,.0f ratings/s (%,d read, %d bad)%n", run < 0 ? "warm-up" : "run " + (run + 1),
                        rate, read, errors.count());
                if (run >= 0) {
                    rates[run] = rate;
                }
            }
            Arrays.sort(rates);
            System.out.printf("median: %,.0f ratings/s%n", rates[runs / 2]);
        } finally {
            if (args.length <= 2) {
                for (String f : new String[] {"ratings.csv", "movies.csv"}) {
                    Files.deleteIfExists(dir.resolve(f));
                }
                Files.deleteIfExists(dir);
                Files.deleteIfExists(root);
            }
        }
    }

    private static void write(Path dir, long ratings) throws IOException {
        SyntheticGenerator generator = new SyntheticGenerator(SyntheticConfig.defaults()
                .withSize(160_000, 60_000, ratings).withScale(RatingScale.HALF_STARS).withTime(1_000_000_000_000L, 30_000));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("ratings.csv"), StandardCharsets.UTF_8)) {
            out.write("userId,movieId,rating,timestamp\n");
            generator.ratings((u, i, r, t) -> {
                try {
                    out.write((u + 1) + "," + (i + 1) + "," + r + "," + (t / 1000) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\n1,\"Film, The (1995)\",Drama\n");
    }
}
