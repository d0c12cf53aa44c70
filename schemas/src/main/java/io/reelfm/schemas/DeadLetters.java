package io.reelfm.schemas;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one shape of a dead-letter record, whichever service could not decode the original: the
 * original key and value bytes untouched, the original headers, plus headers naming the reason,
 * the exception, the source topic, partition and offset, and the service that gave up on it. A
 * dead letter can thus be inspected and replayed to its source topic as it was.
 */
public final class DeadLetters {

    public static final String HEADER_REASON = "reelfm.dlq.reason";
    public static final String HEADER_EXCEPTION = "reelfm.dlq.exception";
    public static final String HEADER_TOPIC = "reelfm.dlq.topic";
    public static final String HEADER_PARTITION = "reelfm.dlq.partition";
    public static final String HEADER_OFFSET = "reelfm.dlq.offset";
    public static final String HEADER_SERVICE = "reelfm.dlq.service";

    private DeadLetters() {
    }

    /**
     * @param topic   the dead-letter topic
     * @param service which service dead-lettered it (serving, trainer)
     */
    public static ProducerRecord<byte[], byte[]> of(String topic, String service, ConsumerRecord<byte[], byte[]> record,
                                                    Exception exception) {
        String reason = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_TOPIC, utf8(record.topic()));
        headers.add(HEADER_PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(HEADER_OFFSET, utf8(String.valueOf(record.offset())));
        headers.add(HEADER_SERVICE, utf8(service));
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(topic, null, timestamp, record.key(), record.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
