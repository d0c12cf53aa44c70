package io.reelfm.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.ingest.config.IngestConfig;

/**
 * Writes each request's records in one Kafka transaction, so a request is all-or-nothing at
 * the Kafka level too: if the broker fails half-way through a batch the transaction is
 * aborted and read_committed consumers (trainer, serving) never see any of its records.
 * {@link #publish} returns only after the commit was acknowledged (idempotent producer,
 * {@code acks=all}).
 *
 * <p>A transactional producer runs one transaction at a time, so the publisher keeps a small
 * pool; a request waits at most {@code max.block.ms} for a free producer. Producers are
 * created lazily, so the service starts even while Kafka is down, and a producer that hit a
 * fatal error (fenced, or unable to abort) is closed and replaced on next use. Every wait is
 * bounded by {@code max.block.ms} / {@code delivery.timeout.ms}; failures surface as
 * {@link PublishException}, never as a silent drop or an unchecked exception.
 *
 * <p>Broker outages: a commit that times out is retried within the delivery timeout; if it
 * still has not been confirmed, the producer is replaced (its successor's
 * {@code initTransactions} settles the open transaction) and the request fails as unavailable.
 * Such a request may or may not have been committed; retrying it with the same event ids is
 * safe because every consumer drops repeated event ids. A producer whose abort fails is
 * replaced the same way, so no producer is ever left in a state where every later request fails.
 */
public final class TransactionalPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalPublisher.class);

    /** Between commit retries, so a commit that fails at once is not retried in a busy loop. */
    private static final long COMMIT_RETRY_PAUSE_MS = 100;

    private final IngestConfig config;
    private final BlockingQueue<ProducerSlot> idle;
    private volatile boolean closed;

    public TransactionalPublisher(IngestConfig config) {
        this.config = config;
        this.idle = new ArrayBlockingQueue<>(config.producers());
        for (int i = 0; i < config.producers(); i++) {
            idle.add(new ProducerSlot(i, config));
        }
    }

    /** Writes all records atomically and waits for the commit. */
    public void publish(List<ProducerRecord<byte[], byte[]>> records) throws PublishException {
        if (closed) {
            throw new PublishException("publisher is closed", null);
        }
        ProducerSlot slot;
        try {
            slot = idle.poll(config.maxBlock().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for a Kafka producer", e);
        }
        if (slot == null) {
            throw new PublishException("all " + config.producers() + " Kafka producers stayed busy for " + config.maxBlock(), null);
        }
        try {
            inTransaction(slot, records);
        } catch (RuntimeException e) {
            // Anything the client library throws that the cases above did not foresee still
            // leaves the request unwritten or unknown: answer it as unavailable, start afresh.
            slot.discard();
            throw new PublishException("Kafka producer failed: " + e, e);
        } finally {
            if (closed) {
                slot.discard();
            }
            idle.add(slot);
        }
    }

    private void inTransaction(ProducerSlot slot, List<ProducerRecord<byte[], byte[]>> records) throws PublishException {
        KafkaProducer<byte[], byte[]> producer = slot.producer();
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> r : records) {
                Future<RecordMetadata> f = producer.send(r);
                sent.add(f);
                if (f.isDone()) {
                    failFast(f);
                }
            }
            commit(producer);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException | InvalidProducerEpochException e) {
            slot.discard();
            throw new PublishException("Kafka producer failed fatally: " + e.getMessage(), e);
        } catch (CommitOutcomeUnknown e) {
            // The commit may still complete on the broker; only a new producer with the same
            // transactional id settles it, so this one is replaced rather than reused.
            slot.discard();
            throw new PublishException("Kafka did not confirm the commit in time: " + e.getCause().getMessage(), e.getCause());
        } catch (KafkaException | IllegalStateException e) {
            slot.abort();
            throw new PublishException("Kafka did not acknowledge the write: " + e.getMessage(), e);
        }
    }

    /**
     * Commits, calling {@code commitTransaction} again after a timeout (Kafka's documented way
     * to finish a timed-out commit) until the delivery timeout has passed since the first call.
     */
    private void commit(KafkaProducer<byte[], byte[]> producer) {
        long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw new CommitOutcomeUnknown(e);
                }
                log.debug("Commit timed out; retrying: {}", e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(COMMIT_RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while retrying a commit", e);
        }
    }

    /** A commit that timed out for good: whether the broker committed is not known here. */
    private static final class CommitOutcomeUnknown extends RuntimeException {
        CommitOutcomeUnknown(TimeoutException cause) {
            super(cause);
        }
    }

    /** A send whose future is already complete has usually failed fast (no metadata): stop sending more. */
    private static void failFast(Future<RecordMetadata> f) {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof KafkaException ke) {
                throw ke;
            }
            throw new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    /** Closes every producer; a request still publishing finishes or fails within its bounds. Idempotent. */
    @Override
    public void close() {
        closed = true;
        List<ProducerSlot> drained = new ArrayList<>();
        idle.drainTo(drained);
        for (ProducerSlot slot : drained) {
            slot.close(config.maxBlock());
            idle.add(slot);
        }
    }
}
