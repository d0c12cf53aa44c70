package io.reelfm.serving.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

import io.reelfm.schemas.Movie;
import io.reelfm.serving.state.ServingStores;

/**
 * Catalogue lookups over the global movies store, present in full on every instance.
 *
 * <p>Every title in a list is a lookup, and a store read decodes the Avro record anew (about a
 * sixth of a serving instance's allocation under load, and 7 % of its CPU). So, given a count of
 * the store's writes, the views read are kept until the next write: a lookup notes the count
 * first and uses (and fills) only the set kept under that count; a new count starts a new, empty
 * set. A view read while a write landed can only enter the set of the count before it, which no
 * lookup starting after the write consults, so a catalogue edit shows at once (it drops every kept
 * view, which is cheap: edits are rare). At most {@link #MAX_KEPT} views are kept; beyond that
 * lookups read the store as before.
 */
public final class Catalog {

    /** About 200 bytes each: 50 MB at most, whatever the catalogue's size. */
    static final int MAX_KEPT = 250_000;

    private final ServingStores stores;
    /** Writes to the movies store so far; null keeps no views. */
    private final LongSupplier changes;
    private volatile Kept kept;

    /** Reads the store on every lookup. */
    public Catalog(ServingStores stores) {
        this(stores, null);
    }

    /** @param changes how many writes the movies store has had (it must grow after every write) */
    public Catalog(ServingStores stores, LongSupplier changes) {
        this.stores = stores;
        this.changes = changes;
    }

    public Optional<MovieView> find(String itemId) {
        if (changes == null) {
            return read(itemId);
        }
        long count = changes.getAsLong();
        Kept current = kept;
        if (current == null || current.count() != count) {
            current = new Kept(count, new ConcurrentHashMap<>());
            kept = current;
        }
        MovieView view = current.views().get(itemId);
        if (view != null) {
            return Optional.of(view);
        }
        Optional<MovieView> read = read(itemId);
        if (read.isPresent() && current.views().size() < MAX_KEPT) {
            current.views().put(itemId, read.get());
        }
        return read;
    }

    private Optional<MovieView> read(String itemId) {
        Movie m = stores.movies().get(itemId);
        return m == null ? Optional.empty() : Optional.of(MovieView.of(m));
    }

    /** The views kept while the store's write count stood at {@code count}. */
    private record Kept(long count, ConcurrentHashMap<String, MovieView> views) {
    }

    /** The item's full catalogue record (runtime, origin, IMDb's rating), when the catalogue has it. */
    public Optional<Movie> record(String itemId) {
        return Optional.ofNullable(stores.movies().get(itemId));
    }

    /** The item's catalogue view, or a bare one when the catalogue lacks it. */
    public MovieView view(String itemId) {
        return find(itemId).orElseGet(() -> MovieView.unknown(itemId));
    }

    public List<MovieView> all() {
        List<MovieView> out = new ArrayList<>();
        try (KeyValueIterator<String, Movie> it = stores.movies().all()) {
            while (it.hasNext()) {
                KeyValue<String, Movie> kv = it.next();
                if (kv.value != null) {
                    out.add(MovieView.of(kv.value));
                }
            }
        }
        return out;
    }
}
