package io.reelfm.serving.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void poisonRecordIsCopiedToConfiguredTopicWithSourceAndReasonAndProcessingResumes() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.TOPIC_CONFIG, "my-dlq"));
        byte[] key = "u1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {1, 2, 3};
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("ratings", 4, 17L, key, value);

        DeserializationExceptionHandler.Response response =
                handler.handleError(null, record, new SerializationException("Cannot decode RatingEvent: bad header"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("my-dlq");
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(header(dead, DeadLetterHandler.HEADER_REASON)).isEqualTo("Cannot decode RatingEvent: bad header");
        assertThat(header(dead, DeadLetterHandler.HEADER_TOPIC)).isEqualTo("ratings");
        assertThat(header(dead, DeadLetterHandler.HEADER_PARTITION)).isEqualTo("4");
        assertThat(header(dead, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("17");
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
