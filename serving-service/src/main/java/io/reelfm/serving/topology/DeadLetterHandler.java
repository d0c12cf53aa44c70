package io.reelfm.serving.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.Topics;

/**
 * Keeps the stream running past a record it cannot decode: the raw bytes go to the dead-letter
 * topic (inside the same transaction under exactly-once) with headers naming the source topic,
 * partition, offset and the reason, and processing resumes with the next record. A poison
 * record is thus visible and replayable instead of either stopping the service or vanishing.
 *
 * <p>The topic comes from {@value #TOPIC_CONFIG} in the Streams configuration.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    public static final String TOPIC_CONFIG = "reelfm.serving.dead-letter-topic";
    public static final String HEADER_REASON = "reelfm.dlq.reason";
    public static final String HEADER_EXCEPTION = "reelfm.dlq.exception";
    public static final String HEADER_TOPIC = "reelfm.dlq.topic";
    public static final String HEADER_PARTITION = "reelfm.dlq.partition";
    public static final String HEADER_OFFSET = "reelfm.dlq.offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic = Topics.DEAD_LETTERS.name();

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(TOPIC_CONFIG);
        if (t != null && !t.toString().isBlank()) {
            topic = t.toString();
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        log.warn("Undecodable record at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), topic, reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_TOPIC, utf8(record.topic()));
        headers.add(HEADER_PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(HEADER_OFFSET, utf8(String.valueOf(record.offset())));
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return Response.resume(List.of(new ProducerRecord<>(topic, null, timestamp, record.key(), record.value(), headers)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
