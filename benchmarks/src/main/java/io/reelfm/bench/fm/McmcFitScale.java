package io.reelfm.bench.fm;

import io.reelfm.bench.scale.GeneratedScaleSet;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.McmcFmTrainer;
import io.reelfm.core.fm.McmcSamples;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Fit time and memory of the trainer's rating model ({@code fm-mcmc}: Bayesian FM by Gibbs
 * sampling, k = 8, the genre, decade and profile features) on a generated set, MovieLens 25M's
 * shape by default ({@link GeneratedScaleSet}). Encodes the rows as the trainer's fitter does,
 * then runs the chain, printing the time of every sample, and the peak heap.
 *
 * <p>Properties: {@code -Dsamples=N} (default the trainer's: 100, or fewer by {@link McmcSamples} on a large set),
 * {@code -Dk=N} (default 8),
 * {@code -Dlibfm=PATH} to write the encoded rows in libFM's text format instead of fitting, so
 * libFM can fit exactly the same rows.
 *
 * <p>Run: {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar io.reelfm.bench.fm.McmcFitScale [users items ratings]}
 */
public final class McmcFitScale {

    private McmcFitScale() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        GeneratedScaleSet set = GeneratedScaleSet.fromArgs(args);
        RatingSet data = set.ratings();
        System.out.printf("generated %,d ratings (%,d users, %,d items) in %.1f s%n", data.size(), data.numUsers(),
                data.numItems(), (System.nanoTime() - t0) / 1e9);
        int k = Integer.getInteger("k", 8);
        FmConfig config = FmConfig.defaults().withK(k).withSeed(42)
                .withGroups(EnumSet.of(FeatureGroup.GENRES, FeatureGroup.YEAR, FeatureGroup.PROFILE))
                .withTargetRangeOf(data);
        long t1 = System.nanoTime();
        FeatureSpace space = new FeatureSpace();
        FmData rows = new FmEncoder(space, set.side(), config.groups()).encode(data, set.users(), set.items(), data);
        System.out.printf("encoded %,d rows, %,d non-zeros, %,d features in %.1f s%n", rows.rows(), rows.nnz(),
                space.size(), (System.nanoTime() - t1) / 1e9);
        String libfm = System.getProperty("libfm");
        if (libfm != null) {
            write(rows, Path.of(libfm));
            System.out.printf("wrote %s in %.1f s%n", libfm, (System.nanoTime() - t1) / 1e9);
            return;
        }
        // the trainer's count: 100 samples, or fewer on a set too large for them (McmcSamples)
        int samples = Integer.getInteger("samples", McmcSamples.DEFAULT.forRows(100, rows.rows()));
        config = config.withIterations(samples);
        long t2 = System.nanoTime();
        long[] last = {t2};
        // one row to average predictions on: it makes the chain report every sample
        FmData probe = new FmData.Builder().add(rows.row(0), rows.target(0)).build();
        new McmcFmTrainer(config).run(rows, space, null, probe, (sample, averages) -> {
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "  sample %d: %.2f s (total %.1f s)%n", sample, (now - last[0]) / 1e9,
                    (now - t2) / 1e9);
            last[0] = now;
        });
        System.out.printf("fit (k=%d, %d samples): %.1f s; peak heap %.2f GB%n", k, samples, (System.nanoTime() - t2) / 1e9,
                GeneratedScaleSet.peakHeap() / 1e9);
    }

    private static void write(FmData rows, Path path) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            StringBuilder line = new StringBuilder(128);
            for (int r = 0; r < rows.rows(); r++) {
                line.setLength(0);
                line.append(rows.target(r));
                for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                    line.append(' ').append(rows.col(p)).append(':').append(rows.val(p));
                }
                out.append(line).append('\n');
            }
        }
    }
}
