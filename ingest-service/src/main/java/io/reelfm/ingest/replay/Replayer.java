package io.reelfm.ingest.replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;
import io.reelfm.ingest.validate.RecordRules;
import io.reelfm.ingest.validate.Validated;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topic;
import io.reelfm.schemas.TopicCreator;
import io.reelfm.service.validation.Problem;

/**
 * Publishes a data set into Kafka the way live traffic would have arrived: the catalogue, then
 * the users, then every rating in timestamp order, paced as configured. One idempotent producer
 * with {@code acks=all} writes all three topics, so retries neither duplicate nor reorder, and
 * ratings keyed by user land on each partition in time order.
 *
 * <p>Replay is the second writer of the input topics beside the HTTP API, and accepts exactly
 * what the API accepts: every row goes through the configured {@link RecordRules} (the rating
 * scale, id and text limits, timestamps) and one they reject is skipped and counted as a bad
 * line of the summary, like a line the data set's reader could not parse. Only the transport
 * differs: a fast idempotent producer of its own instead of HTTP and transactions.
 */
public final class Replayer {

    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    private static final int PROGRESS_CHUNK = 1_000;

    private final ReplayConfig config;
    private final ReplayProgress progress;

    public Replayer(ReplayConfig config, ReplayProgress progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @throws ReplayException when Kafka rejects a record (the first failure, with its cause)
     * @throws InterruptedException when the thread is interrupted; what was sent so far stays sent
     */
    public ReplaySummary replay(Dataset source) throws InterruptedException {
        long started = System.nanoTime();
        if (config.createTopics()) {
            TopicCreator.ensure(config.bootstrapServers(), List.of(config.ratings(), config.movies(), config.users()),
                    config.replicationFactor(), Duration.ofSeconds(30));
        }
        TopicCreator.awaitWritable(config.bootstrapServers(),
                List.of(config.ratings().name(), config.movies().name(), config.users().name()), Duration.ofSeconds(30));
        LineErrors errors = new LineErrors();
        Sender sender = new Sender(producerProperties());
        try (sender) {
            long movies = publishCatalogue(source, sender, errors);
            long users = publishUsers(source, sender, errors);
            RatingTimeline timeline = readRatings(source, errors);
            long ratingsStarted = System.nanoTime();
            long ratings = publishRatings(source.name(), timeline, sender);
            sender.flush();
            long finished = System.nanoTime();
            ReplaySummary summary = new ReplaySummary(source.name(), movies, users, ratings, errors.count(),
                    errors.first(), Duration.ofNanos(finished - started), Duration.ofNanos(finished - ratingsStarted));
            log.info("Replay of {} done: {} events in {} ms", source.name(), summary.events(),
                    TimeUnit.NANOSECONDS.toMillis(finished - started));
            return summary;
        } catch (InterruptedException e) {
            sender.abort();
            throw e;
        } catch (InterruptException e) {
            sender.abort();
            throw (InterruptedException) new InterruptedException("replay interrupted").initCause(e);
        }
    }

    private long publishCatalogue(Dataset source, Sender sender, LineErrors errors) {
        return publishEach(source.name(), "movies", source.movieCountHint().orElse(-1), config.movies(),
                rows -> source.movies(rows, errors), MovieRow::itemId, row -> Events.movie(config.rules(), row), sender, errors);
    }

    private long publishUsers(Dataset source, Sender sender, LineErrors errors) {
        return publishEach(source.name(), "users", source.userCountHint().orElse(-1), config.users(),
                rows -> source.users(rows, errors), UserRow::userId, row -> Events.user(config.rules(), row), sender, errors);
    }

    /**
     * Sends one event per row that {@code read} delivers and the record rules accept, keyed by
     * {@code key}; a rejected row goes to {@code errors}. @return how many were sent
     */
    private <R, V> long publishEach(String dataset, String phaseName, long expected, Topic<String, V> topic,
                                    Consumer<Consumer<R>> read, Function<R, String> key, Function<R, Validated<V>> event,
                                    Sender sender, LineErrors errors) {
        try (ReplayProgress.Phase phase = progress.begin(phaseName, expected)) {
            AtomicLong count = new AtomicLong();
            AtomicLong position = new AtomicLong();
            read.accept(row -> {
                long at = position.incrementAndGet();
                phase.stepBy(1);
                Validated<V> value = event.apply(row);
                if (!value.ok()) {
                    errors.accept(Events.rejected(dataset, phaseName, at, value.problems(), row));
                    return;
                }
                sender.send(topic.name(), topic.encodeKey(key.apply(row)), topic.encodeValue(value.value()));
                count.incrementAndGet();
            });
            return count.get();
        }
    }

    /** Reads every rating into the timeline, checking each against the record rules as it comes. */
    private RatingTimeline readRatings(Dataset source, LineErrors errors) {
        RatingTimeline timeline = new RatingTimeline();
        RecordRules rules = config.rules();
        String dataset = source.name();
        try (ReplayProgress.Phase phase = progress.begin("reading ratings", source.ratingCountHint().orElse(-1))) {
            long[] pending = new long[1];
            long[] position = new long[1];
            source.ratings(row -> {
                position[0]++;
                List<Problem> problems = Events.ratingProblems(rules, dataset, row.userId(), row.itemId(), row.rating(),
                        row.timestampMillis());
                if (problems.isEmpty()) {
                    timeline.add(row);
                } else {
                    errors.accept(Events.rejected(dataset, "ratings", position[0], problems, row));
                }
                if (++pending[0] == PROGRESS_CHUNK) {
                    phase.stepBy(pending[0]);
                    pending[0] = 0;
                }
            }, errors);
            phase.stepBy(pending[0]);
        }
        return timeline.sortByTime();
    }

    private long publishRatings(String dataset, RatingTimeline timeline, Sender sender) throws InterruptedException {
        int size = timeline.size();
        if (size == 0) {
            return 0;
        }
        Topic<String, RatingEvent> topic = config.ratings();
        Pacer pacer = Pacer.realTime(config.pacing(timeline.timestampMillis(0)));
        try (ReplayProgress.Phase phase = progress.begin("ratings (" + config.pacingDescription() + ")", size)) {
            int pending = 0;
            for (int i = 0; i < size; i++) {
                long ts = timeline.timestampMillis(i);
                pacer.awaitTurn(i, ts);
                String user = timeline.userId(i);
                sender.send(topic.name(), topic.encodeKey(user),
                        topic.encodeValue(Events.rating(dataset, user, timeline.itemId(i), timeline.rating(i), ts)));
                if (++pending == PROGRESS_CHUNK) {
                    phase.stepBy(pending);
                    pending = 0;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("replay interrupted after " + i + " ratings");
                    }
                }
            }
            phase.stepBy(pending);
        }
        return size;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, config.batchBytes());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "reelfm-replay");
        return p;
    }

    /** One byte-level producer for all topics; remembers the first failed send and rethrows it. */
    private static final class Sender implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Callback callback = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };

        Sender(Properties props) {
            this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        void send(String topic, byte[] key, byte[] value) {
            checkFailure();
            producer.send(new ProducerRecord<>(topic, key, value), callback);
        }

        void flush() {
            producer.flush();
            checkFailure();
        }

        private void checkFailure() {
            Exception e = failure.get();
            if (e != null) {
                throw new ReplayException("Kafka rejected a replayed record: " + e.getMessage(), e);
            }
        }

        private volatile boolean aborted;

        /** The next close drops unsent records instead of waiting for them: the replay was stopped. */
        void abort() {
            aborted = true;
        }

        @Override
        public void close() {
            producer.close(aborted ? Duration.ZERO : Duration.ofSeconds(30));
        }
    }
}
