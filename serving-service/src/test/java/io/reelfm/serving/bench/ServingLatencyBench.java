package io.reelfm.serving.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.RatingRow;
import io.reelfm.datasets.model.Ml100k;
import io.reelfm.datasets.movielens.MovieLens100k;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.service.config.Settings;
import io.reelfm.service.http.Json;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.ServingService;
import io.reelfm.serving.it.KafkaFixtures;
import io.reelfm.serving.model.TestModels;
import io.reelfm.testkit.SharedKafka;

/**
 * Open-loop latency of {@code GET /users/{id}/recommendations?k=10} over HTTP with MovieLens 100K
 * loaded, and freshness (rating produced to Kafka until that user's recommendations change).
 * Requests are sent on a fixed schedule whatever the responses do ({@link KeepAliveLoad}), and latency is measured from
 * each request's intended send time, so a stall is not hidden (no coordinated omission).
 *
 * <p>Arguments: {@code [ml100k dir] [rate req/s] [seconds] [freshness samples]}. Rate 0 only serves,
 * for {@code seconds}, so that {@link KeepAliveLoad#main} can drive the load from its own process. The model is a
 * seeded random 64-factor model over the catalogue: latency does not depend on model quality.
 *
 * <p>The broker is the in-process one unless {@code -Dbootstrap=host:port} names another
 * ({@code reelfm broker} runs one in its own process, as a deployment would). Any
 * {@code -Dreelfm.serving.*} system property overrides the serving setting of that name.
 */
public final class ServingLatencyBench {

    private ServingLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/movielens/ml-100k");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int freshnessSamples = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        if (!MovieLens100k.isPresent(dir)) {
            throw new IllegalArgumentException("MovieLens 100K not found at " + dir.toAbsolutePath());
        }
        String external = System.getProperty("bootstrap");
        String bootstrap = external != null ? external : SharedKafka.bootstrapServers();
        List<String> itemIds = new ArrayList<>();
        long ratings;
        Map<String, Integer> perUser = new HashMap<>();
        try (KafkaFixtures kafka = new KafkaFixtures(bootstrap)) {
            Map<String, List<String>> genres = new HashMap<>();
            MovieLens100k.readMovies(dir.resolve("u.item"), (MovieRow m) -> {
                itemIds.add(m.itemId());
                genres.put(m.itemId(), m.genres());
                kafka.sendAsync(Topics.MOVIES, m.itemId(), Movie.newBuilder().setItemId(m.itemId()).setTitle(m.title())
                        .setYear(m.year()).setGenres(m.genres()).build());
            }, bad -> { });
            AtomicLong n = new AtomicLong();
            io.reelfm.core.eval.IdIndex userIndex = new io.reelfm.core.eval.IdIndex();
            io.reelfm.core.eval.IdIndex itemIndex = new io.reelfm.core.eval.IdIndex();
            itemIds.forEach(itemIndex::indexOf);
            io.reelfm.core.eval.RatingSetBuilder all = new io.reelfm.core.eval.RatingSetBuilder(userIndex, itemIndex);
            MovieLens100k.readRatings(dir.resolve("u.data"), (RatingRow r) -> {
                all.add(r.userId(), r.itemId(), r.rating(), r.timestampMillis());
                perUser.merge(r.userId(), 1, Integer::sum);
                kafka.sendAsync(Topics.RATINGS, r.userId(), RatingEvent.newBuilder().setEventId("ml-" + n.incrementAndGet())
                        .setUserId(r.userId()).setItemId(r.itemId()).setRating(r.rating())
                        .setTimestamp(Instant.ofEpochMilli(r.timestampMillis())).setSource("replay").build());
            }, bad -> { });
            ratings = n.get();
            kafka.flush();
            kafka.publishModel("bench-fm", 1, randomModel(itemIds, 64));
            if (RANKING || DEEPFM) {
                kafka.publishModel("bench-rank", 1, rankingModel(all.build(userIndex.size(), itemIndex.size()), userIndex,
                        itemIndex, Ml100k.sideInfo(dir), io.reelfm.core.eval.metrics.ItemGenres.of(itemIndex, genres::get)));
            }
            if (DEEPFM) {
                kafka.publishModel("bench-deepfm", 1, rerankedModel(all.build(userIndex.size(), itemIndex.size()), userIndex,
                        itemIndex, Ml100k.sideInfo(dir)));
            }
        }
        Path state = Files.createTempDirectory("serving-bench");
        Map<String, String> settings = new HashMap<>(Map.of(
                "reelfm.kafka.bootstrap-servers", bootstrap, "reelfm.serving.port", "0",
                "reelfm.serving.application-id", "serving-bench", "reelfm.serving.state-dir", state.toString(),
                "reelfm.serving.standby-replicas", "0",
                "reelfm.serving.variants", DEEPFM ? "ranking:bench-rank:50,deepfm:bench-deepfm:50"
                        : RANKING ? "main:bench-rank:1" : "main:bench-fm:1",
                "reelfm.serving.rating-model", RANKING || DEEPFM ? "bench-fm" : "none", "reelfm.serving.cluster-model", "none"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("reelfm."))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        try (ServingService serving = ServingService.start(ServingConfig.from(Settings.ofMap(settings)))) {
            int port = serving.port();
            java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(4);
            HttpClient http = HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1).build();
            long loadStart = System.nanoTime();
            while (status(http, port, "/health/ready") != 200) {
                LockSupport.parkNanos(50_000_000L);
            }
            // every partition's share of the replay processed, so the load meets a settled instance
            for (Map.Entry<String, Integer> user : perUser.entrySet()) {
                while (historyCount(http, port, user.getKey()) < user.getValue()) {
                    LockSupport.parkNanos(50_000_000L);
                }
            }
            System.out.printf("ml-100k: %d items, %d ratings materialised in %.1f s after start%n", itemIds.size(), ratings,
                    (System.nanoTime() - loadStart) / 1e9);
            if (rate == 0) {
                System.out.printf("serving on port %d for %d s; run the load from another process:%n"
                        + "  java -cp ... io.reelfm.serving.bench.KeepAliveLoad %d <req/s> <seconds>%n", port, seconds, port);
                System.out.flush();
                LockSupport.parkNanos(seconds * 1_000_000_000L);
                System.exit(0);
            }
            KeepAliveLoad load = new KeepAliveLoad(port, KeepAliveLoad.CONNECTIONS);
            load.warmUp(rate);
            Histogram latency = new Histogram(60_000_000_000L, 3);
            long errors = load.run(rate, seconds, KeepAliveLoad.USERS, latency);
            print("GET /users/{id}/recommendations?k=10 at " + rate + " req/s for " + seconds + " s (" + errors + " errors)", latency);
            print("freshness: rating produced -> recommendations changed (" + freshnessSamples + " samples)",
                    freshness(http, port, bootstrap, freshnessSamples));
            pool.shutdownNow();
        }
        // The shared broker and Kafka client threads are not daemons; a benchmark run ends here.
        System.exit(0);
    }

    /**
     * {@code -Dmodel=ranking} serves what the default experiment's ranking variant serves: the attribute
     * model (implicit ALS with genre, decade and profile embeddings) at k = 64 trained on the replayed
     * ratings ({@code -Dattributes=false}: plain iALS, the previous default), lists calibrated at strength 0.2, predicted ratings from a
     * 64-factor rating model (so each list folds the user into both).
     */
    private static final boolean RANKING = "ranking".equals(System.getProperty("model"));

    /**
     * {@code -Dmodel=deepfm} serves the {@code ranking-vs-deepfm} experiment: half the users get the ranking
     * model above, half its uncalibrated lists re-ranked by a DeepFM network over the 200 best candidates
     * (k = 16, hidden 64 and 32, the trainer's defaults; seeded random weights: the cost does not depend on them).
     */
    private static final boolean DEEPFM = "deepfm".equals(System.getProperty("model"));

    private static byte[] rerankedModel(io.reelfm.core.eval.RatingSet ratings, io.reelfm.core.eval.IdIndex users,
                                        io.reelfm.core.eval.IdIndex items, io.reelfm.core.data.SideInfo side) {
        io.reelfm.core.rank.ImplicitAlsConfig config = io.reelfm.core.rank.ImplicitAlsConfig.defaults()
                .withWeight(io.reelfm.core.rank.InteractionWeight.of(ratings, 1f));
        io.reelfm.core.rank.ImplicitAlsModel model = new io.reelfm.core.rank.ImplicitAls(config)
                .train(io.reelfm.core.rank.Interactions.of(ratings, config.weight()));
        io.reelfm.core.deepfm.DeepFmConfig d = io.reelfm.core.deepfm.DeepFmConfig.defaults();
        io.reelfm.core.deepfm.DeepFmFeatures features = io.reelfm.core.deepfm.DeepFmFeatures.of(items, side, users, ratings,
                d.maxHistory());
        Random rnd = new Random(7);
        io.reelfm.core.deepfm.Field[] fields = io.reelfm.core.deepfm.Field.values();
        float[][] emb = new float[fields.length][];
        float[][] lin = new float[fields.length][];
        for (io.reelfm.core.deepfm.Field f : fields) {
            emb[f.ordinal()] = gaussian(rnd, features.size(f) * d.k(), 0.05);
            lin[f.ordinal()] = gaussian(rnd, features.size(f), 0.05);
        }
        int[] widths = {fields.length * d.k(), d.hidden()[0], d.hidden()[1], 1};
        float[][] w = new float[3][];
        float[][] b = new float[3][];
        for (int l = 0; l < 3; l++) {
            w[l] = gaussian(rnd, widths[l] * widths[l + 1], Math.sqrt(2.0 / widths[l]));
            b[l] = gaussian(rnd, widths[l + 1], 0.01);
        }
        io.reelfm.core.deepfm.DeepFmNet net = new io.reelfm.core.deepfm.DeepFmNet(features, d.k(), d.candidates(), emb, lin,
                w, b);
        return io.reelfm.core.fm.snapshot.FmSnapshotCodec.encode(
                io.reelfm.core.fm.snapshot.FmSnapshot.ranking(model, items, 0, null).withReranker(net));
    }

    private static float[] gaussian(Random rnd, int n, double sd) {
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) (rnd.nextGaussian() * sd);
        }
        return out;
    }

    private static byte[] rankingModel(io.reelfm.core.eval.RatingSet ratings, io.reelfm.core.eval.IdIndex users,
                                       io.reelfm.core.eval.IdIndex items, io.reelfm.core.data.SideInfo side,
                                       io.reelfm.core.eval.metrics.GenreSource genres) {
        io.reelfm.core.rank.ImplicitAlsConfig config = io.reelfm.core.rank.ImplicitAlsConfig.defaults()
                .withWeight(io.reelfm.core.rank.InteractionWeight.of(ratings, 1f));
        io.reelfm.core.rank.Interactions interactions = io.reelfm.core.rank.Interactions.of(ratings, config.weight());
        if ("false".equals(System.getProperty("attributes"))) {
            // the previous default, plain iALS: the baseline of the attribute model's cost
            return io.reelfm.core.fm.snapshot.FmSnapshotCodec.encode(io.reelfm.core.fm.snapshot.FmSnapshot.ranking(
                    new io.reelfm.core.rank.ImplicitAls(config).train(interactions), items, 0.2, genres));
        }
        io.reelfm.core.rank.AttributeAlsModel model = new io.reelfm.core.rank.AttributeAls(config, 64).train(interactions,
                io.reelfm.core.rank.SideAttributes.users(side, users), io.reelfm.core.rank.SideAttributes.items(side, items));
        return io.reelfm.core.fm.snapshot.FmSnapshotCodec.encode(
                io.reelfm.core.fm.snapshot.FmSnapshot.ranking(model, items, 0.2, genres));
    }

    private static byte[] randomModel(List<String> ids, int k) {
        Random rnd = new Random(42);
        float[] bias = new float[ids.size()];
        float[] factors = new float[ids.size() * k];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        for (int j = 0; j < factors.length; j++) {
            factors[j] = (float) (rnd.nextGaussian() * 0.1);
        }
        return TestModels.payload(k, 3.53f, 0.1f, ids.toArray(String[]::new), bias, factors);
    }

    private static Histogram freshness(HttpClient http, int port, String bootstrap, int samples) throws Exception {
        Histogram h = new Histogram(60_000_000_000L, 3);
        Random rnd = new Random(11);
        try (KafkaFixtures kafka = new KafkaFixtures(bootstrap)) {
            for (int s = 0; s < samples; s++) {
                String user = String.valueOf(1 + rnd.nextInt(KeepAliveLoad.USERS));
                String path = "/users/" + user + "/recommendations?k=10";
                String before = items(http, port, path);
                String top = Json.mapper().readTree(before).get(0).get("itemId").asText();
                long t0 = System.nanoTime();
                kafka.send(Topics.RATINGS, user, RatingEvent.newBuilder().setEventId("fresh-" + s).setUserId(user)
                        .setItemId(top).setRating(1f).setTimestamp(Instant.now()).setSource("bench").build());
                kafka.flush();
                long deadline = t0 + 30_000_000_000L;
                while (items(http, port, path).equals(before)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("recommendations of user " + user + " did not change within 30 s");
                    }
                    LockSupport.parkNanos(2_000_000L);
                }
                h.recordValue(System.nanoTime() - t0);
            }
        }
        return h;
    }

    private static String items(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("items").toString() : "status " + r.statusCode();
    }

    private static int status(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int historyCount(HttpClient http, int port, String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users/" + user + "/history"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Json.mapper().readTree(r.body()).get("count").asInt() : 0;
    }

    private static void print(String title, Histogram h) {
        System.out.printf("%s%n  n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  p99.9=%.2f ms  max=%.2f ms%n", title,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }
}
