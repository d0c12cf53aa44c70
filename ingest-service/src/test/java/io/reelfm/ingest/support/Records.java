package io.reelfm.ingest.support;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.reelfm.schemas.Topic;
import io.reelfm.testkit.TopicReader;

/** Committed records of a topic whose id is among the given ones, in the order of those ids. */
public final class Records {

    private Records() {
    }

    public static <V> List<ConsumerRecord<String, V>> withIds(String bootstrapServers, Topic<String, V> topic,
                                                              Function<V, String> idOf, Collection<String> ids) {
        List<ConsumerRecord<String, V>> all = TopicReader.readAll(bootstrapServers, topic).stream()
                .filter(r -> r.value() != null && ids.contains(idOf.apply(r.value()))).toList();
        return ids.stream().flatMap(id -> all.stream().filter(r -> idOf.apply(r.value()).equals(id))).toList();
    }
}
