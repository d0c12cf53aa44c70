package io.reelfm.serving.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

import io.reelfm.schemas.Movie;
import io.reelfm.serving.state.ServingStores;

/** Catalogue lookups over the global movies store, present in full on every instance. */
public final class Catalog {

    private final ServingStores stores;

    public Catalog(ServingStores stores) {
        this.stores = stores;
    }

    public Optional<MovieView> find(String itemId) {
        Movie m = stores.movies().get(itemId);
        return m == null ? Optional.empty() : Optional.of(MovieView.of(m));
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
