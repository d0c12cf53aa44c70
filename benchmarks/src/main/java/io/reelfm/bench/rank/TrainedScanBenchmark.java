package io.reelfm.bench.rank;

import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.reelfm.bench.scale.GeneratedScaleSet;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * A top-n list out of a trained catalogue, as serving asks it: the attribute model fitted on a
 * generated set (Zipf popularity, 62,000 items) at the settings the trainer's validation searches
 * choose on it ({@code settings=tuned}), at the defaults ({@code default}, where the model collapses
 * toward popularity) or at the wider ones the trainer chose on the scale run's replayed set
 * ({@code wide}: attribute strength 64, half the regularisation), 512 sampled users folded in from their history,
 * each list with the items they rated left out. {@code firstPass} is {@link ItemMatrix#topK} as
 * served (the 8-bit pass in falling order of norm, stopping where no further item can reach the
 * list); {@code firstPassWhole} is the same pass over every block ({@code -Dreelfm.scan.prune=false}),
 * as it was before the early stop; {@code exact} scores every item with the float vectors. Each
 * call serves the next sampled user, so the figure is the mean over users.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.rank.TrainedScanBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules=jdk.incubator.vector"})
public class TrainedScanBenchmark {

    private static final int SAMPLE = 512;

    @Param({"20000"})
    public int users;

    @Param({"62000"})
    public int items;

    @Param({"1000000"})
    public long ratings;

    /** {@link FoldedUsers.Settings}: tuned, default or wide. */
    @Param({"tuned", "default", "wide"})
    public String settings;

    /** The list's length: 10, or 100 for a calibrated list's candidates. */
    @Param({"10", "100"})
    public int n;

    private ItemMatrix matrix;
    private float[][] queries;
    private BitSet[] rated;
    private float[] scores;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        FoldedUsers folded = FoldedUsers.of(GeneratedScaleSet.generate(users, items, ratings),
                FoldedUsers.Settings.of(settings), SAMPLE, 11);
        matrix = folded.scorer().matrix();
        scores = new float[matrix.items()];
        queries = new float[SAMPLE][];
        for (int s = 0; s < SAMPLE; s++) {
            queries[s] = folded.users()[s].query();
        }
        rated = folded.seen();
        System.out.printf(Locale.ROOT, "%nshare of the catalogue whose Cauchy-Schwarz bound reaches the exact %d-th best"
                + " (the least a pass in norm order can read): %.4f%n", n, boundFloor());
    }

    /** The mean share of the items with {@code bias + |q| |v|} at least the list's exact n-th best score, over the sample. */
    private double boundFloor() {
        double[] norms = new double[matrix.items()];
        for (int i = 0; i < norms.length; i++) {
            double sq = 0;
            for (float x : matrix.vector(i)) {
                sq += (double) x * x;
            }
            norms[i] = Math.sqrt(sq);
        }
        double share = 0;
        for (int s = 0; s < SAMPLE; s++) {
            matrix.scoreAll(queries[s], 0f, scores);
            float nth = TopK.select(scores, n, rated[s]).score(n - 1);
            double sq = 0;
            for (float x : queries[s]) {
                sq += (double) x * x;
            }
            double queryNorm = Math.sqrt(sq);
            int reaching = 0;
            for (int i = 0; i < norms.length; i++) {
                if (matrix.bias(i) + queryNorm * norms[i] >= nth) {
                    reaching++;
                }
            }
            share += reaching / (double) norms.length;
        }
        return share / SAMPLE;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf(Locale.ROOT, "%nshare of the catalogue the first pass read per list: %.4f%n", matrix.firstPassShare());
    }

    private int user() {
        next = (next + 1) % SAMPLE;
        return next;
    }

    @Benchmark
    public ScoredItems firstPass() {
        int u = user();
        return matrix.topK(queries[u], 0f, n, rated[u]);
    }

    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules=jdk.incubator.vector", "-Dreelfm.scan.prune=false"})
    public ScoredItems firstPassWhole() {
        int u = user();
        return matrix.topK(queries[u], 0f, n, rated[u]);
    }

    @Benchmark
    public ScoredItems exact() {
        int u = user();
        matrix.scoreAll(queries[u], 0f, scores);
        return TopK.select(scores, n, rated[u]);
    }
}
