package io.reelfm.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Resolves the writer schema of a single-object-encoded record from its fingerprint.
 *
 * <p>Every schema version ever written to a topic stays known here: the current generated
 * schemas and the historical versions kept as resources under {@code io/reelfm/schemas/history}.
 * A reader built against the newest schema can therefore decode records written by any older
 * producer, with Avro schema resolution filling defaults for fields the writer did not have.
 */
public final class ReelSchemaStore implements SchemaStore {

    private static final List<String> HISTORY = List.of("RatingEvent-v1.avsc", "Movie-v1.avsc");
    private static final ReelSchemaStore INSTANCE = createDefault();

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

    public static ReelSchemaStore instance() {
        return INSTANCE;
    }

    private static ReelSchemaStore createDefault() {
        ReelSchemaStore store = new ReelSchemaStore();
        store.add(RatingEvent.getClassSchema());
        store.add(Movie.getClassSchema());
        store.add(UserProfile.getClassSchema());
        store.add(ModelManifest.getClassSchema());
        store.add(ModelChunk.getClassSchema());
        store.add(Impression.getClassSchema());
        for (String resource : HISTORY) {
            store.add(loadHistorical(resource));
        }
        return store;
    }

    static Schema loadHistorical(String resource) {
        try (InputStream in = ReelSchemaStore.class.getResourceAsStream("history/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing historical schema resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read historical schema " + resource, e);
        }
    }

    /** Registers a schema so records written with it can be decoded. */
    public void add(Schema schema) {
        byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }
}
