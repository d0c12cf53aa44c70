package io.reelfm.trainer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticGenerator;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.RatingScale;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.config.Settings;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.config.TrainerConfig;

/**
 * The trainer's default models (unless {@code reelfm.trainer.models} is given as a system
 * property) on a generated set of any shape, MovieLens 25M's by default (162,000 users, 62,000
 * items, 25M half-star ratings, seed 25, a timeline ending by 2025-01-01 so no rating lies in the
 * future), through the embedded broker: the catalogue and profiles first, then the ratings; from
 * the last acknowledged rating, the time until each model's manifest is on {@code model-active},
 * its payload bytes, and the heap pools' peak. Then 1 % more ratings, with
 * {@code refit-after-events} at that count, and the time until each model's next version.
 *
 * <p>Run (see docs/benchmarks.md, "Trainer"):
 * {@code java -Xmx8g -cp "$CP" io.reelfm.trainer.bench.ScaleReplayBenchmark [users items ratings]}
 */
public final class ScaleReplayBenchmark {

    private static final long TIMELINE_END = 1_735_689_600_000L;

    private ScaleReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 162_000, args.length > 1 ? Integer.parseInt(args[1]) : 62_000,
                    args.length > 2 ? Long.parseLong(args[2]) : 25_000_000L);
        } finally {
            System.exit(0);
        }
    }

    private static void run(int users, int items, long ratings) throws Exception {
        long extra = Math.max(1, ratings / 100);
        SyntheticGenerator generator = new SyntheticGenerator(SyntheticConfig.defaults().withSize(users, items, ratings + extra)
                .withScale(RatingScale.HALF_STARS).withSeed(25).withTimelineEndingBy(TIMELINE_END));
        GeneratedEvents events = GeneratedEvents.of(generator, ratings);
        System.out.printf("generated %,d + %,d ratings; %,d distinct pairs in the first %,d%n", ratings, extra,
                events.distinctPairsBefore(), ratings);
        String bootstrap = SharedKafka.bootstrapServers();
        TopicCreator.ensure(bootstrap, Topics.ingestTopics(), (short) 1, Duration.ofSeconds(30));
        TopicCreator.ensure(bootstrap, Topics.modelTopics(), (short) 1, Duration.ofSeconds(30));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        Map<String, String> settings = new HashMap<>();
        settings.put("reelfm.kafka.bootstrap-servers", bootstrap);
        settings.put("reelfm.trainer.port", "0");
        settings.put("reelfm.trainer.group-id", "scale-" + tag);
        // the cold fit waits for every distinct pair of the first part; the refit comes after the 1 % more
        settings.put("reelfm.trainer.min-ratings", String.valueOf(events.distinctPairsBefore()));
        settings.put("reelfm.trainer.refit-after-events", String.valueOf(extra));
        settings.put("reelfm.trainer.refit-after", "6h");
        String models = System.getProperty("reelfm.trainer.models");
        if (models != null) {
            settings.put("reelfm.trainer.models", models);
        }
        TrainerConfig config = TrainerConfig.from(Settings.ofMap(settings));
        List<String> names = config.models().stream().map(m -> m.name()).toList();
        try (var producer = new KafkaProducer<>(p, Topics.RATINGS.keySerde().serializer(),
                Topics.RATINGS.valueSerde().serializer());
             var movies = new KafkaProducer<>(p, Topics.MOVIES.keySerde().serializer(), Topics.MOVIES.valueSerde().serializer());
             var profiles = new KafkaProducer<>(p, Topics.USERS.keySerde().serializer(), Topics.USERS.valueSerde().serializer())) {
            generator.movies(m -> movies.send(new ProducerRecord<>(Topics.MOVIES.name(), m.itemId(),
                    Movie.newBuilder().setItemId(m.itemId()).setTitle(m.title()).setYear(m.year()).setGenres(m.genres()).build())));
            generator.users(u -> profiles.send(new ProducerRecord<>(Topics.USERS.name(), u.userId(),
                    UserProfile.newBuilder().setUserId(u.userId()).setAge(u.age()).setGender(u.gender())
                            .setOccupation(u.occupation()).build())));
            movies.flush();
            profiles.flush();
            try (TrainerService trainer = TrainerService.start(config)) {
                long t0 = System.nanoTime();
                send(producer, events, tag, 0, (int) ratings);
                long lastAck = System.nanoTime();
                System.out.printf("produced %,d ratings in %.1f s (%,.0f/s, the trainer consuming alongside)%n", ratings,
                        (lastAck - t0) / 1e9, ratings / ((lastAck - t0) / 1e9));
                resetPeaks();
                Map<String, ModelManifest> first = awaitVersions(bootstrap, names, Map.of(), lastAck, "first fit");
                System.out.printf("peak heap from the last event to the last first-fit snapshot: %.2f GB (broker, producer and"
                        + " trainer in one JVM)%n", peakHeap() / 1e9);
                resetPeaks();
                long t1 = System.nanoTime();
                send(producer, events, tag, (int) ratings, events.size());
                long extraAck = System.nanoTime();
                System.out.printf("produced %,d more ratings in %.1f s%n", events.size() - ratings, (extraAck - t1) / 1e9);
                awaitVersions(bootstrap, names, first, extraAck, "refit after 1 % more");
                System.out.printf("peak heap during the refit: %.2f GB%n", peakHeap() / 1e9);
            }
        }
    }

    private static void send(KafkaProducer<String, RatingEvent> producer, GeneratedEvents events, String tag, int from,
                             int to) {
        RatingEvent.Builder b = RatingEvent.newBuilder().setSource("bench");
        for (int n = from; n < to; n++) {
            RatingEvent e = b.setEventId(tag + "-" + n).setUserId(Integer.toString(events.user(n) + 1))
                    .setItemId(Integer.toString(events.item(n) + 1)).setRating(events.rating(n))
                    .setTimestamp(Instant.ofEpochMilli(events.millis(n))).build();
            producer.send(new ProducerRecord<>(Topics.RATINGS.name(), e.getUserId(), e));
        }
        producer.flush();
    }

    /** Waits until every model has a version other than its {@code previous} one; prints each as it appears. */
    private static Map<String, ModelManifest> awaitVersions(String bootstrap, List<String> names,
                                                            Map<String, ModelManifest> previous, long since, String what) {
        Map<String, ModelManifest> seen = new LinkedHashMap<>();
        // Polls the active-model topic once a second for up to 90 minutes; the timeout names the models waited for.
        org.awaitility.Awaitility.await(what + ": " + names).atMost(Duration.ofMinutes(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
            for (var r : TopicReader.readAll(bootstrap, Topics.MODEL_ACTIVE)) {
                ModelManifest m = r.value();
                String name = r.key();
                if (m == null || !names.contains(name) || seen.containsKey(name)) {
                    continue;
                }
                ModelManifest old = previous.get(name);
                if (old != null && old.getVersion() == m.getVersion()) {
                    continue;
                }
                seen.put(name, m);
                System.out.printf("%s: %s: %.1f s from the last event to the snapshot; %,d bytes in %d chunks; learner %s,"
                                + " hyperparameters %s, metrics %s%n", what, name, (System.nanoTime() - since) / 1e9,
                        m.getPayloadBytes(), m.getChunkCount(), m.getLearner(), m.getHyperparameters(), m.getMetrics());
            }
            return seen.size() == names.size();
        });
        return seen;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The generated ratings held in primitive arrays, so they can be sent in two parts. */
    private record GeneratedEvents(int[] users, int[] items, float[] ratings, long[] millis, long distinctPairsBefore) {

        static GeneratedEvents of(SyntheticGenerator generator, long before) {
            int n = (int) generator.config().ratings();
            int[] u = new int[n];
            int[] i = new int[n];
            float[] r = new float[n];
            long[] t = new long[n];
            int[] at = {0};
            generator.ratings((user, item, rating, time) -> {
                int row = at[0]++;
                u[row] = user;
                i[row] = item;
                r[row] = rating;
                t[row] = time;
            });
            long[] keys = new long[(int) before];
            for (int row = 0; row < before; row++) {
                keys[row] = ((long) u[row] << 32) | i[row];
            }
            Arrays.sort(keys);
            long distinct = keys.length == 0 ? 0 : 1;
            for (int row = 1; row < keys.length; row++) {
                if (keys[row] != keys[row - 1]) {
                    distinct++;
                }
            }
            return new GeneratedEvents(u, i, r, t, distinct);
        }

        int size() {
            return users.length;
        }

        int user(int n) {
            return users[n];
        }

        int item(int n) {
            return items[n];
        }

        float rating(int n) {
            return ratings[n];
        }

        long millis(int n) {
            return millis[n];
        }
    }
}
