package io.reelfm.bench.fm;

import io.reelfm.core.retrieval.BruteForceTopK;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Whole-catalogue FM retrieval: score 1M items x 64 factors and keep the top 10. The bound is
 * memory bandwidth (the matrix is read once per query), so {@link #copyMatrixBytes} measures a
 * plain copy of an array of the same size to put the figures in proportion; the blocked
 * {@link ItemMatrix} is compared with a row-major Java loop and with ND4J's BLAS gemv.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.fm.RetrievalBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class RetrievalBenchmark {

    @Param({"1000000"})
    public int items;

    @Param({"64"})
    public int k;

    private float[] rows;
    private float[] bias;
    private float[] query;
    private float[] scores;
    private ItemMatrix matrix;
    private float[] copySource;
    private float[] copyTarget;
    private INDArray ndMatrix;
    private INDArray ndQuery;
    private INDArray ndOut;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(1);
        rows = new float[items * k];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) r.nextGaussian();
        }
        bias = new float[items];
        for (int i = 0; i < items; i++) {
            bias[i] = (float) r.nextGaussian();
        }
        query = new float[k];
        for (int f = 0; f < k; f++) {
            query[f] = (float) r.nextGaussian();
        }
        scores = new float[items];
        matrix = new ItemMatrix(rows, bias, k);
        copySource = new float[items * k];
        copyTarget = new float[items * k];
        ndMatrix = Nd4j.create(rows, new long[]{items, k}, 'c');
        ndQuery = Nd4j.create(query, new long[]{k, 1}, 'c');
        ndOut = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, items, 1);
    }

    /** The blocked layout: scores every item, then a top-10 heap. */
    @Benchmark
    public ScoredItems blockedTop10() {
        return matrix.topK(query, 0f, 10, null);
    }

    /** The blocked layout, scores only (no heap). */
    @Benchmark
    public float[] blockedScoreAll() {
        matrix.scoreAll(query, 0f, scores);
        return scores;
    }

    /** One row-major dot product per item (the textbook loop). */
    @Benchmark
    public ScoredItems rowMajorTop10() {
        return BruteForceTopK.topK(rows, bias, k, query, 0f, 10, null);
    }

    /** ND4J BLAS gemv into a preallocated vector (scores only). */
    @Benchmark
    public INDArray nd4jGemv() {
        Nd4j.getBlasWrapper().level2().gemv('c', 'N', 1.0, ndMatrix, ndQuery, 0.0, ndOut);
        return ndOut;
    }

    /** Copy of an array the size of the matrix: reads and writes items*k*4 bytes each. */
    @Benchmark
    public float[] copyMatrixBytes() {
        System.arraycopy(copySource, 0, copyTarget, 0, copySource.length);
        return copyTarget;
    }
}
