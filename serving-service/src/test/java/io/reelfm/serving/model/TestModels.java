package io.reelfm.serving.model;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.ModelChunk;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.SnapshotChunker;

/** Builds model versions in the published payload formats for tests. */
public final class TestModels {

    private TestModels() {
    }

    /**
     * An RFM2 payload of an id-only FM (item-id features only): item i gets bias {@code bias[i]}
     * and retrieval vector {@code factors[i*k..]}; users are folded in under a zero-mean ridge
     * {@code lambda} on their weight and factors.
     */
    public static byte[] payload(int k, float mu, float lambda, String[] ids, float[] bias, float[] factors) {
        return FmSnapshotCodec.encode(snapshot(k, mu, lambda, ids, bias, factors));
    }

    public static FmSnapshot snapshot(int k, float mu, float lambda, String[] ids, float[] bias, float[] factors) {
        FeatureSpace space = new FeatureSpace();
        IdIndex items = new IdIndex();
        for (String id : ids) {
            space.indexOf(FeatureGroup.ITEM, id);
            items.indexOf(id);
        }
        FmModel model = new FmModel(FmTask.REGRESSION, k, mu, bias, factors, space, 0.5f, 5f,
                FoldInPrior.ridge(lambda, lambda, k));
        return FmSnapshot.export(model, new FmEncoder(space, null, Set.of()), items);
    }

    /** A random model over items {@code prefix0..prefix(n-1)} with a fixed seed. */
    public static byte[] randomPayload(int n, int k, String prefix, long seed) {
        Random rnd = new Random(seed);
        String[] ids = new String[n];
        float[] bias = new float[n];
        float[] factors = new float[n * k];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + i;
            bias[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        for (int j = 0; j < factors.length; j++) {
            factors[j] = (float) (rnd.nextGaussian() * 0.5);
        }
        return payload(k, 3.5f, 0.1f, ids, bias, factors);
    }

    /** A cluster model putting item {@code prefix + i} in cluster {@code i % clusters}. */
    /**
     * A RANKING snapshot of {@code n} items ({@code prefix0..}) from implicit ALS over seeded
     * random interactions: users of two halves mostly pick items of matching parity.
     */
    public static byte[] rankingPayload(int n, int k, String prefix, long seed) {
        return rankingPayload(n, k, prefix, seed, 0);
    }

    /** The same, published with a calibration strength for served lists. */
    public static byte[] rankingPayload(int n, int k, String prefix, long seed, double calibration) {
        io.reelfm.core.eval.IdIndex users = new io.reelfm.core.eval.IdIndex();
        io.reelfm.core.eval.IdIndex items = new io.reelfm.core.eval.IdIndex();
        for (int i = 0; i < n; i++) {
            items.indexOf(prefix + i);
        }
        io.reelfm.core.eval.RatingSetBuilder b = new io.reelfm.core.eval.RatingSetBuilder(users, items);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int u = 0; u < 60; u++) {
            for (int j = 0; j < 10; j++) {
                int item = (random.nextInt(n / 2) * 2 + u % 2) % n;
                b.add("x" + u, prefix + item, 1 + random.nextInt(5), j);
            }
        }
        io.reelfm.core.eval.RatingSet data = b.build(users.size(), items.size());
        io.reelfm.core.rank.ImplicitAlsConfig config = io.reelfm.core.rank.ImplicitAlsConfig.defaults().withFactors(k)
                .withIterations(5).withWeight(io.reelfm.core.rank.InteractionWeight.of(data, 1f));
        io.reelfm.core.rank.ImplicitAlsModel model = new io.reelfm.core.rank.ImplicitAls(config)
                .train(io.reelfm.core.rank.Interactions.of(data, config.weight()));
        // even items are genre 0, odd ones genre 1 (the tests' Drama and Comedy)
        io.reelfm.core.eval.metrics.GenreSource parity = new io.reelfm.core.eval.metrics.GenreSource() {
            @Override
            public int count() {
                return 2;
            }

            @Override
            public int[] of(int item) {
                return new int[] {Integer.parseInt(items.id(item).substring(prefix.length())) % 2};
            }
        };
        return FmSnapshotCodec.encode(FmSnapshot.ranking(model, items, calibration, parity));
    }

    public static byte[] clusterPayload(int n, int clusters, String prefix) {
        String[] ids = new String[n];
        int[] assignments = new int[n];
        int[] sizes = new int[clusters];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + i;
            assignments[i] = i % clusters;
            sizes[i % clusters]++;
        }
        float[][] centroids = new float[clusters][1];
        List<io.reelfm.schemas.snapshot.ClusterSnapshot.Cluster> described = new java.util.ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            centroids[c][0] = c;
            described.add(new io.reelfm.schemas.snapshot.ClusterSnapshot.Cluster(sizes[c], "cluster " + c, List.of("Drama"), 3.5f));
        }
        float[][] coordinates = new float[n][];
        for (int i = 0; i < n; i++) {
            coordinates[i] = new float[] {i};
        }
        return new io.reelfm.schemas.snapshot.ClusterSnapshot(List.of("f0"), centroids, described, ids, assignments, coordinates).toBytes();
    }

    public static ModelManifest manifest(String model, long version, byte[] payload, int chunkCount) {
        return manifest(model, "fm", version, payload, chunkCount);
    }

    public static ModelManifest manifest(String model, String kind, long version, byte[] payload, int chunkCount) {
        return ModelManifest.newBuilder().setModelName(model).setVersion(version).setKind(kind).setLearner("als")
                .setChunkCount(chunkCount).setPayloadBytes(payload.length)
                .setChecksum(SnapshotChunker.checksum(payload)).setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setMetrics(new java.util.HashMap<>(java.util.Map.of("rmse", 0.93))).build();
    }

    public static List<ModelChunk> chunks(String model, long version, byte[] payload, int chunkBytes) {
        return SnapshotChunker.split(model, version, payload, chunkBytes);
    }
}
