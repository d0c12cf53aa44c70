package io.reelfm.serving.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.DeadLetters;
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
    public static final String HEADER_REASON = DeadLetters.HEADER_REASON;
    public static final String HEADER_TOPIC = DeadLetters.HEADER_TOPIC;
    public static final String HEADER_PARTITION = DeadLetters.HEADER_PARTITION;
    public static final String HEADER_OFFSET = DeadLetters.HEADER_OFFSET;

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
        log.warn("Undecodable record at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), topic,
                exception.getMessage());
        return Response.resume(List.of(DeadLetters.of(topic, "serving", record, exception)));
    }
}
