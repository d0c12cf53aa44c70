package io.reelfm.bench.fm;

import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.SgdFmTrainer;
import io.reelfm.core.fm.SparseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * SGD throughput in examples per second on one core: one pass in order over 100,000 user+item
 * examples (MovieLens 100K's shape: 943 users, 1682 items, two non-zeros per row).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.fm.SgdBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SgdBenchmark {

    private static final int ROWS = 100_000;

    @Param({"32"})
    public int k;

    private FmData data;
    private SgdFmTrainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(3);
        FmData.Builder b = new FmData.Builder();
        for (int i = 0; i < ROWS; i++) {
            int u = r.nextInt(943);
            int item = 943 + r.nextInt(1682);
            b.add(new SparseVector(new int[]{u, item}, new float[]{1f, 1f}), 1 + r.nextInt(5));
        }
        data = b.build();
        trainer = new SgdFmTrainer(FmConfig.defaults().withLearner(FmLearner.SGD).withK(k).withIterations(1));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public FmModel onePass() {
        return trainer.trainOnePass(data, null, null);
    }
}
