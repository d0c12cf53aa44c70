package io.reelfm.trainer.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.FmSnapshotCodec;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.SnapshotChunker;
import io.reelfm.service.config.Settings;
import io.reelfm.testkit.SharedKafka;
import io.reelfm.testkit.TopicReader;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.snapshot.PublishFault;
import io.reelfm.trainer.snapshot.PublishedModels;
import io.reelfm.trainer.snapshot.SnapshotPublisher;
import io.reelfm.trainer.snapshot.VersionDraft;
import io.reelfm.trainer.store.TrainingState;

/**
 * Trainer benchmarks on the embedded broker; see docs/benchmarks.md ("Trainer") for commands.
 *
 * <ul>
 *   <li>{@code replay <u.data path>}: produce MovieLens ratings, then time from the last acknowledged
 *       event to the published snapshot (consume, holdout split, ALS fit, evaluation, publish).
 *   <li>{@code publish <items> <k> <runs>}: snapshot publish time and bytes for a random catalogue.
 *   <li>{@code store <ratings>}: heap held by the training state after loading that many ratings.
 * </ul>
 */
public final class TrainerBenchmark {

    private TrainerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0);
        }
    }

    private static void run(String[] args) throws Exception {
        switch (args[0]) {
            case "replay" -> replay(Path.of(args[1]));
            case "replay-generated" -> replayGenerated(Integer.parseInt(args[1]));
            case "publish" -> publish(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "store" -> store(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static String bootstrap() {
        String b = SharedKafka.bootstrapServers();
        List<io.reelfm.schemas.Topic<?, ?>> topics = new ArrayList<>(Topics.ingestTopics());
        topics.addAll(Topics.modelTopics());
        TopicCreator.ensure(b, topics, (short) 1, Duration.ofSeconds(30));
        return b;
    }

    /** One run per JVM, so each run starts from an empty broker and trains on exactly the replayed set. */
    private static void replay(Path uData) throws Exception {
        List<String> lines = Files.readAllLines(uData);
        replay(lines.size(), (tag, n) -> {
            String[] f = lines.get(n).split("\t");
            return RatingEvent.newBuilder().setEventId(tag + "-" + n).setUserId(tag + "-u" + f[0])
                    .setItemId("ml-" + f[1]).setRating(Float.parseFloat(f[2]))
                    .setTimestamp(Instant.ofEpochSecond(Long.parseLong(f[3]))).setSource("bench").build();
        });
    }

    /** A seeded synthetic set: n/100 users, 20,000 items with a popularity skew, distinct pairs. */
    private static void replayGenerated(int ratings) throws Exception {
        int users = Math.max(1, ratings / 100);
        int items = 20_000;
        Random rnd = new Random(42);
        replay(ratings, (tag, n) -> {
            int u = n / 100;
            int i = (int) ((n % 100) * 200L + (long) (Math.pow(rnd.nextDouble(), 2) * 200)) % items;
            float r = 1 + (float) Math.floor(Math.min(4.999, Math.max(0, 2.5 + rnd.nextGaussian())));
            return RatingEvent.newBuilder().setEventId(tag + "-" + n).setUserId(tag + "-u" + (u % users))
                    .setItemId("g-" + i).setRating(r).setTimestamp(Instant.ofEpochSecond(1_000_000_000L + n))
                    .setSource("bench").build();
        });
    }

    interface EventSource {
        RatingEvent event(String tag, int n);
    }

    private static void replay(int count, EventSource source) throws Exception {
        String bootstrap = bootstrap();
        int runs = 1;
        long[] latencies = new long[runs];
        for (int run = 0; run < runs; run++) {
            String tag = "b" + run + "-" + UUID.randomUUID().toString().substring(0, 6);
            String model = "bench-als-" + tag;
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            Map<String, String> settings = new HashMap<>();
            settings.put("reelfm.kafka.bootstrap-servers", bootstrap);
            settings.put("reelfm.trainer.port", "0");
            settings.put("reelfm.trainer.group-id", "bench-" + tag);
            settings.put("reelfm.trainer.models", model);
            settings.put("reelfm.trainer.min-ratings", String.valueOf(count));
            settings.put("reelfm.trainer.refit-after", "1h");
            try (TrainerService trainer = TrainerService.start(TrainerConfig.from(Settings.ofMap(settings)));
                 var producer = new KafkaProducer<>(p, Topics.RATINGS.keySerde().serializer(), Topics.RATINGS.valueSerde().serializer())) {
                for (int n = 0; n < count; n++) {
                    RatingEvent e = source.event(tag, n);
                    producer.send(new ProducerRecord<>(Topics.RATINGS.name(), e.getUserId(), e));
                }
                producer.flush();
                long lastAck = System.nanoTime();
                ModelManifest m = awaitActive(bootstrap, model, Duration.ofMinutes(45));
                latencies[run] = (System.nanoTime() - lastAck) / 1_000_000;
                System.out.printf("run %d: %d ms from last event to snapshot; %d bytes, %d chunks, rmse %.4f, counts %s%n",
                        run, latencies[run], m.getPayloadBytes(), m.getChunkCount(), m.getMetrics().get("rmse"), m.getCounts());
                System.gc();
                System.out.printf("heap used after GC with the trainer running (broker in the same JVM): %d MB%n", usedHeapMb());
            }
        }
        System.out.println("replay latencies ms: " + Arrays.toString(latencies) + " median " + median(latencies));
    }

    private static ModelManifest awaitActive(String bootstrap, String model, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (var r : TopicReader.readAll(bootstrap, Topics.MODEL_ACTIVE)) {
                if (model.equals(r.key()) && r.value() != null) {
                    return r.value();
                }
            }
        }
        throw new IllegalStateException("no snapshot of " + model + " within " + timeout);
    }

    private static void publish(int items, int k, int runs) {
        String bootstrap = bootstrap();
        Random rnd = new Random(42);
        FeatureSpace space = new FeatureSpace();
        IdIndex ids = new IdIndex();
        for (int i = 0; i < items; i++) {
            ids.indexOf("item-" + i);
            space.indexOf(FeatureGroup.ITEM, "item-" + i);
        }
        float[] w = new float[items];
        float[] v = new float[items * k];
        for (int i = 0; i < items; i++) {
            w[i] = (float) rnd.nextGaussian();
        }
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) rnd.nextGaussian();
        }
        FmModel fm = new FmModel(FmTask.REGRESSION, k, 3.5f, w, v, space, 1f, 5f, FoldInPrior.ridge(5f, 5f, k));
        FmSnapshot snapshot = FmSnapshot.export(fm, new FmEncoder(space, null, Set.of()), ids);
        String model = "bench-publish-" + UUID.randomUUID().toString().substring(0, 6);
        long[] times = new long[runs];
        try (SnapshotPublisher publisher = new SnapshotPublisher(bootstrap, new PublishedModels(),
                SnapshotChunker.MAX_CHUNK_BYTES, 2, PublishFault.NONE)) {
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                byte[] payload = FmSnapshotCodec.encode(snapshot);
                ModelManifest m = publisher.publish(new VersionDraft(model, "fm", "bench", payload, Map.of(), Map.of(),
                        Map.of(), Map.of("items", (long) items)));
                times[run] = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("run %d: %d ms (serialize + publish), %d bytes in %d chunks%n", run, times[run],
                        m.getPayloadBytes(), m.getChunkCount());
            }
        }
        System.out.println("publish ms: " + Arrays.toString(times) + " median " + median(times));
    }

    private static void store(int ratings) {
        Random rnd = new Random(42);
        int users = Math.max(1, ratings / 150);
        int items = Math.max(1, Math.min(60_000, ratings / 400));
        System.gc();
        long before = usedHeapMb();
        TrainingState state = new TrainingState(2_000_000);
        long t0 = System.nanoTime();
        RatingEvent.Builder b = RatingEvent.newBuilder().setSource("bench");
        for (int n = 0; n < ratings; n++) {
            RatingEvent e = b.setEventId("e" + n).setUserId("u" + rnd.nextInt(users)).setItemId("i" + rnd.nextInt(items))
                    .setRating(1 + rnd.nextInt(5)).setTimestamp(Instant.ofEpochSecond(1_000_000_000L + n)).build();
            state.applyRating(e, "ratings", 0, n);
        }
        state.publishCounts();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        System.gc();
        System.out.printf("%d events -> %d stored ratings (%d users, %d items) in %d s; heap used %d MB (before %d MB), "
                        + "rating arrays+index %d MB, max heap %d MB%n",
                ratings, state.counts().ratings(), state.counts().users(), state.counts().items(), seconds,
                usedHeapMb(), before, state.ratings().heapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

}
