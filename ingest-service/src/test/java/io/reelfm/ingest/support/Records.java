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
        // A topic the broker created moments ago may not show its end offsets to a new consumer at
        // once: read again until every id is there, for a bounded time, then return what was found.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (true) {
            List<ConsumerRecord<String, V>> all = TopicReader.readAll(bootstrapServers, topic).stream()
                    .filter(r -> r.value() != null && ids.contains(idOf.apply(r.value()))).toList();
            List<ConsumerRecord<String, V>> found = ids.stream()
                    .flatMap(id -> all.stream().filter(r -> idOf.apply(r.value()).equals(id))).toList();
            boolean complete = ids.stream().allMatch(id -> found.stream().anyMatch(r -> idOf.apply(r.value()).equals(id)));
            if (complete || ids.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}
