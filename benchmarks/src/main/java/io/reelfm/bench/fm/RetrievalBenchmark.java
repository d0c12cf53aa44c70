package io.reelfm.bench.fm;

import io.reelfm.core.retrieval.BruteForceTopK;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.retrieval.ScanKernel;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
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
 * Whole-catalogue FM retrieval: score 62k or 1M items x 64 factors and keep the top 10 (or 100,
 * a calibrated list's candidates). {@link #copyMatrixBytes} copies an array of the matrix's size to
 * put the figures in proportion to memory bandwidth; the blocked {@link ItemMatrix} is compared
 * across its {@link ScanKernel}s (SIMD, portable, and the one-factor-per-pass loop it replaced),
 * with a row-major Java loop and with ND4J's BLAS gemv. {@link #blockedTop10} takes the 8-bit first
 * pass and exact re-scoring; {@link #exactTop10} is the float scan of every item it replaces. The
 * {@code shape} parameter gives every item vector the same spread ({@code iid}) or one falling with
 * popularity rank ({@code popularity}, norms {@code 3 / (1 + rank)^0.3}, as trained catalogues have),
 * since how many items the first pass leaves depends on it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.fm.RetrievalBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules=jdk.incubator.vector"})
public class RetrievalBenchmark {

    @Param({"62000", "1000000"})
    public int items;

    @Param({"64"})
    public int k;

    @Param({"iid", "popularity"})
    public String shape;

    private float[] rows;
    private float[] bias;
    private float[] query;
    private float[] scores;
    private ItemMatrix matrix;
    private ItemMatrix portable;
    private ItemMatrix onePass;
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
            double norm = "popularity".equals(shape) ? 3.0 / Math.pow(1 + i / k, 0.3) : 1.0;
            rows[i] = (float) (r.nextGaussian() * norm);
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
        portable = new ItemMatrix(rows, bias, k, ScanKernel.scalar());
        onePass = new ItemMatrix(rows, bias, k, new OneFactorPerPass());
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

    /** Every item scored with the float vectors, then a top-10 heap (topK before the 8-bit pass). */
    @Benchmark
    public ScoredItems exactTop10() {
        matrix.scoreAll(query, 0f, scores);
        return TopK.select(scores, 10);
    }

    /** The served list's depth when it is calibrated: the top 100. */
    @Benchmark
    public ScoredItems blockedTop100() {
        return matrix.topK(query, 0f, 100, null);
    }

    /** The blocked layout with this JVM's best kernel (SIMD), scores only (no heap). */
    @Benchmark
    public float[] blockedScoreAll() {
        matrix.scoreAll(query, 0f, scores);
        return scores;
    }

    /** The portable kernel (four factors per pass, auto-vectorised), scores only. */
    @Benchmark
    public float[] portableScoreAll() {
        portable.scoreAll(query, 0f, scores);
        return scores;
    }

    /** The kernel before the SIMD one: one factor per pass over the block's scores. */
    @Benchmark
    public float[] onePassPerFactorScoreAll() {
        onePass.scoreAll(query, 0f, scores);
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

    /** The previous inner loop, kept here as the baseline the kernels are measured against. */
    private static final class OneFactorPerPass implements ScanKernel {
        @Override
        public void accumulateCodes(byte[] codes, int base, int k, float[] query, float[] dst, int o) {
            ScanKernel.scalar().accumulateCodes(codes, base, k, query, dst, o);
        }

        @Override
        public void accumulate(float[] blocks, int base, int k, float[] query, float[] dst, int o) {
            for (int f = 0; f < k; f++) {
                float pf = query[f];
                int col = base + f * ItemMatrix.BLOCK;
                for (int i = 0; i < ItemMatrix.BLOCK; i++) {
                    dst[o + i] += blocks[col + i] * pf;
                }
            }
        }

        @Override
        public String describe() {
            return "one factor per pass";
        }
    }
}
