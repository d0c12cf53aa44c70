package io.reelfm.bench.cluster;

import io.reelfm.core.knn.AllItemNeighbours;
import io.reelfm.core.knn.ItemSimilarity;
import io.reelfm.core.knn.ItemVectors;
import io.reelfm.core.topk.ScoredItems;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Item kNN: the all-items table (blocked GEMM against one plain-Java scan per item) and the
 * single "similar movies" query (plain Java against an ND4J GEMV of the same size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ItemKnnBenchmark {

    @Param({"1682", "10000"})
    int n;

    @Param({"64"})
    int d;

    private ItemVectors vectors;
    private ItemSimilarity similarity;
    private INDArray matrix;
    private INDArray query;
    private int item;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        float[] flat = new float[n * d];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (random.nextDouble() * 2 - 1);
        }
        vectors = ItemVectors.of(flat, n, d);
        similarity = new ItemSimilarity(vectors);
        matrix = Nd4j.create(flat, new long[] {n, d}, DataType.FLOAT);
        float[] q = new float[d];
        System.arraycopy(flat, 0, q, 0, d);
        query = Nd4j.create(q, new long[] {d, 1}, DataType.FLOAT);
        item = n / 2;
    }

    @Benchmark
    public ScoredItems[] allItemsGemmBlocked() {
        return AllItemNeighbours.compute(vectors, 10, AllItemNeighbours.DEFAULT_BLOCK);
    }

    @Benchmark
    public void allItemsJavaScan(Blackhole bh) {
        for (int i = 0; i < n; i++) {
            bh.consume(similarity.mostSimilar(i, 10));
        }
    }

    @Benchmark
    public ScoredItems singleQueryJava() {
        return similarity.mostSimilar(item, 10);
    }

    @Benchmark
    public INDArray singleQueryNd4jGemv() {
        return matrix.mmul(query);
    }
}
