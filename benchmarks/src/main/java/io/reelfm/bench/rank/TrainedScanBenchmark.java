package io.reelfm.bench.rank;

import java.util.BitSet;
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
import org.openjdk.jmh.annotations.Warmup;

import io.reelfm.bench.scale.GeneratedScaleSet;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * A top-n list out of a trained catalogue, as serving asks it: the attribute model fitted on a
 * generated set (Zipf popularity, 62,000 items) at the settings the trainer's validation searches
 * choose on it ({@code settings=tuned}, what serving holds) or at the defaults ({@code default},
 * where the model collapses toward popularity), 512 sampled users folded in from their history,
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

    @Param({"tuned", "default"})
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
        FoldedUsers folded = FoldedUsers.of(GeneratedScaleSet.generate(users, items, ratings), "tuned".equals(settings),
                SAMPLE, 11);
        matrix = folded.scorer().matrix();
        scores = new float[matrix.items()];
        queries = new float[SAMPLE][];
        for (int s = 0; s < SAMPLE; s++) {
            queries[s] = folded.users()[s].query();
        }
        rated = folded.seen();
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
