package io.reelfm.bench.rank;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.topk.ScoredItems;
import java.util.BitSet;
import java.util.SplittableRandom;
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

/**
 * What serving does for a user of the ranking variant after each new rating: fold the user in
 * from their whole history under the implicit loss (k = 64, the served default) and rank the
 * catalogue for a top 10. Sample-time mode, so the report carries p99. {@code foldIn} alone is the
 * per-event cost; {@code foldInAndTop10} is the list a request returns; {@code top10Only} is the
 * retrieval part alone, the baseline the fold-in adds to.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.rank.RankingFoldInBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class RankingFoldInBenchmark {

    @Param({"1682", "62000"})
    public int items;

    @Param({"20", "300"})
    public int history;

    private FmItemScorer scorer;
    private String[] ids;
    private float[] ratings;
    private BitSet rated;
    private UserVector folded;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        IdIndex users = new IdIndex();
        IdIndex itemIndex = new IdIndex();
        for (int i = 0; i < items; i++) {
            itemIndex.indexOf("m" + i);
        }
        RatingSetBuilder b = new RatingSetBuilder(users, itemIndex);
        for (int u = 0; u < 2000; u++) {
            for (int j = 0; j < 30; j++) {
                b.add("u" + u, "m" + random.nextInt(items), 1 + random.nextInt(5), j);
            }
        }
        RatingSet data = b.build(users.size(), itemIndex.size());
        ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withIterations(2)
                .withWeight(InteractionWeight.of(data, 1f));
        FmSnapshot snapshot = FmSnapshot.ranking(new ImplicitAls(config).train(Interactions.of(data, config.weight())),
                itemIndex, 0.2, null);
        scorer = new FmItemScorer(FmSnapshotCodec.decode(FmSnapshotCodec.encode(snapshot)));
        ids = new String[history];
        ratings = new float[history];
        rated = new BitSet(items);
        for (int j = 0; j < history; j++) {
            int item = random.nextInt(items);
            ids[j] = "m" + item;
            ratings[j] = 1 + random.nextInt(5);
            rated.set(item);
        }
        folded = scorer.foldIn(null, ids, ratings);
    }

    @Benchmark
    public UserVector foldIn() {
        return scorer.foldIn(null, ids, ratings);
    }

    @Benchmark
    public ScoredItems foldInAndTop10() {
        return scorer.topK(scorer.foldIn(null, ids, ratings), 10, rated);
    }

    @Benchmark
    public ScoredItems top10Only() {
        return scorer.topK(folded, 10, rated);
    }
}
