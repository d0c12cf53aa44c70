package io.reelfm.serving.experiment;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.reelfm.schemas.Impression;

/**
 * Forwards each (variant, item) pair of an impression only the first time this partition sees
 * it, keyed {@code variant/item}. Coverage needs only first sightings, and after warm-up almost
 * every recommended item has been seen, so this turns ten repartition writes and ten changelog
 * writes per served list into ten local reads. Different partitions may each forward the same
 * pair once; the repartitioned count downstream keeps coverage exact.
 */
final class FirstSeenItems implements Processor<String, Impression, String, String> {

    static final String STORE = "experiment-item-seen-local";

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Boolean> seen;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Impression> record) {
        Impression impression = record.value();
        for (String item : impression.getItems()) {
            String key = impression.getVariant() + "/" + item;
            if (seen.get(key) == null) {
                seen.put(key, Boolean.TRUE);
                context.forward(record.withKey(key).withValue(item));
            }
        }
    }
}
