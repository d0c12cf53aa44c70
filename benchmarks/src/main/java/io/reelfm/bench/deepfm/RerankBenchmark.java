package io.reelfm.bench.deepfm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.deepfm.DeepFmFeatures;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.deepfm.RerankExamples;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.trainer.deepfm.DeepFmGraph;
import io.reelfm.trainer.deepfm.DeepFmTraining;

/**
 * What a DeepFM list costs serving over the ranking model's own list, on a MovieLens-100K-sized
 * catalogue (1,682 items, retrieval k = 64, a user with 50 ratings and a profile; the trainer's
 * default network: k = 16, hidden 64 and 32, 200 candidates). {@code top10Retrieval} is the
 * baseline; {@code top10Reranked} retrieves 200 and re-ranks them with the hand-written forward
 * pass serving runs; {@code foldIn*} add the per-rating fold-in (which for the re-ranked model also
 * computes the user's share of the network). {@code dl4jForward200} scores the same 200 candidates
 * with the DL4J graph the weights came from, the alternative the hand-written pass replaces.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'io.reelfm.bench.deepfm.RerankBenchmark'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class RerankBenchmark {

    private static final int ITEMS = 1682;

    private FmItemScorer retrieval;
    private FmItemScorer reranked;
    private UserVector plainUser;
    private UserVector rerankUser;
    private BitSet rated;
    private String[] history;
    private float[] ratings;
    private UserAttributes profile;
    private ComputationGraph graph;
    private INDArray[] graphInputs;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        SideInfo side = SideInfo.empty();
        for (int i = 0; i < ITEMS; i++) {
            items.indexOf("m" + i);
            side.putItem("m" + i, new ItemAttributes(1930 + random.nextInt(70),
                    List.of("g" + random.nextInt(18), "g" + random.nextInt(18))));
        }
        RatingSetBuilder b = new RatingSetBuilder(users, items);
        for (int u = 0; u < 943; u++) {
            side.putUser("u" + u, new UserAttributes(15 + random.nextInt(50), random.nextBoolean() ? "F" : "M", "job" + random.nextInt(21)));
            for (int j = 0; j < 100; j++) {
                b.add("u" + u, "m" + random.nextInt(ITEMS), 1 + random.nextInt(5), j);
            }
        }
        RatingSet data = b.build(users.size(), items.size());
        ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withIterations(3).withWeight(InteractionWeight.of(data, 1f));
        FmSnapshot plain = FmSnapshot.ranking(new ImplicitAls(config).train(Interactions.of(data, config.weight())), items, 0,
                null);
        DeepFmConfig d = DeepFmConfig.defaults().withEpochs(1);
        DeepFmFeatures features = DeepFmFeatures.of(items, side, users, data, d.maxHistory());
        graph = DeepFmGraph.build(features, d);
        DeepFmNet net = DeepFmGraph.export(graph, features, d);
        retrieval = new FmItemScorer(plain);
        reranked = new FmItemScorer(plain.withReranker(net));
        history = new String[50];
        ratings = new float[50];
        rated = new BitSet(ITEMS);
        int[] rows = new int[50];
        for (int j = 0; j < 50; j++) {
            rows[j] = random.nextInt(ITEMS);
            history[j] = "m" + rows[j];
            ratings[j] = 1 + random.nextInt(5);
            rated.set(rows[j]);
        }
        profile = side.user("u1");
        plainUser = retrieval.foldIn(profile, history, ratings);
        rerankUser = reranked.foldIn(profile, history, ratings);

        // the DL4J graph's inputs for the same user's 200 best candidates
        ScoredItems candidates = retrieval.topK(plainUser, d.candidates(), rated);
        int m = candidates.size();
        float[][] inputs = DeepFmFeatures.retrievalInputs(candidates, d.candidates());
        int[] user = new int[m];
        List<DeepFmFeatures.UserFields> one = new ArrayList<>(List.of(features.user(profile, rows)));
        MultiDataSet batch = DeepFmTraining.batchOf(features, RerankExamples.of(one, user, candidates.indices(), inputs[0], inputs[1],
                new float[m]));
        graphInputs = batch.getFeatures();
    }

    @Benchmark
    public ScoredItems top10Retrieval() {
        return retrieval.topK(plainUser, 10, rated);
    }

    @Benchmark
    public ScoredItems top10Reranked() {
        return reranked.topK(rerankUser, 10, rated);
    }

    @Benchmark
    public ScoredItems foldInAndTop10Retrieval() {
        return retrieval.topK(retrieval.foldIn(profile, history, ratings), 10, rated);
    }

    @Benchmark
    public ScoredItems foldInAndTop10Reranked() {
        return reranked.topK(reranked.foldIn(profile, history, ratings), 10, rated);
    }

    @Benchmark
    public INDArray dl4jForward200() {
        return graph.outputSingle(false, graphInputs);
    }
}
