package io.reelfm.serving.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.config.Settings;
import io.reelfm.serving.ServingConfig;
import io.reelfm.serving.state.ServingStores;
import io.reelfm.serving.topology.ItemStats;
import io.reelfm.serving.topology.ServingTopology;
import io.reelfm.serving.topology.StoreNames;
import io.reelfm.serving.StreamsSettings;
import io.reelfm.serving.topology.UserHistory;

class CatalogTest {

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Movie> movies;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void start() {
        ServingConfig config = ServingConfig.from(Settings.ofMap(java.util.Map.of(
                "reelfm.serving.state-dir", stateDir.toString(), "reelfm.serving.application-id", "catalog-test")));
        Properties props = StreamsSettings.of(config, 8080);
        driver = new TopologyTestDriver(ServingTopology.build("stats", 3, ServingTopology.DEFAULT_DEDUPE_CAPACITY,
                changes::incrementAndGet), props);
        movies = driver.createInputTopic(Topics.MOVIES.name(), new StringSerializer(), Topics.MOVIES.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Movie movie(String id, String title) {
        return Movie.newBuilder().setItemId(id).setTitle(title).setYear(1995).setGenres(List.of("Animation")).build();
    }

    /** The topology's movies store, counting reads, optionally running something in the middle of each. */
    private ServingStores stores(Runnable duringRead) {
        ReadOnlyKeyValueStore<String, Movie> store = driver.getKeyValueStore(StoreNames.MOVIES);
        ReadOnlyKeyValueStore<String, Movie> counted = new ReadOnlyKeyValueStore<>() {
            @Override
            public Movie get(String key) {
                reads.incrementAndGet();
                Movie m = store.get(key);
                duringRead.run();
                return m;
            }

            @Override
            public KeyValueIterator<String, Movie> range(String from, String to) {
                return store.range(from, to);
            }

            @Override
            public KeyValueIterator<String, Movie> all() {
                return store.all();
            }

            @Override
            public long approximateNumEntries() {
                return store.approximateNumEntries();
            }
        };
        return new ServingStores() {
            @Override
            public ReadOnlyKeyValueStore<String, Movie> movies() {
                return counted;
            }

            @Override
            public ReadOnlyKeyValueStore<String, ItemStats> itemStats() {
                throw new UnsupportedOperationException();
            }

            @Override
            public UserHistory userHistory(String userId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public UserProfile userProfile(String userId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aViewReadOnceIsKeptUntilTheCatalogueChanges() {
        movies.pipeInput("1", movie("1", "Toy Story"));
        Catalog catalog = new Catalog(stores(() -> { }), changes::get);

        assertThat(catalog.view("1").title()).isEqualTo("Toy Story");
        assertThat(catalog.view("1").title()).isEqualTo("Toy Story");
        assertThat(reads).as("the second lookup is answered from the kept view").hasValue(1);

        movies.pipeInput("1", movie("1", "Toy Story (1995)"));
        assertThat(changes).as("the store's writes are counted").hasValue(2);
        assertThat(catalog.view("1").title()).isEqualTo("Toy Story (1995)");
        movies.pipeInput("1", null);
        assertThat(catalog.find("1")).as("a deleted entry").isEmpty();
    }

    @Test
    void aViewReadWhileTheCatalogueChangedIsNotServedAfterTheChange() {
        movies.pipeInput("1", movie("1", "Toy Story"));
        AtomicInteger writesDuringReads = new AtomicInteger();
        // the first read returns the old record while a write lands behind it
        Catalog catalog = new Catalog(stores(() -> {
            if (writesDuringReads.getAndIncrement() == 0) {
                movies.pipeInput("1", movie("1", "Toy Story 2"));
            }
        }), changes::get);

        assertThat(catalog.view("1").title()).as("what the racing read saw").isEqualTo("Toy Story");
        assertThat(catalog.view("1").title()).as("the next lookup reads again").isEqualTo("Toy Story 2");
        assertThat(catalog.view("1").title()).isEqualTo("Toy Story 2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutACountOfChangesEveryLookupReadsTheStore() {
        movies.pipeInput("1", movie("1", "Toy Story"));
        Catalog catalog = new Catalog(stores(() -> { }));
        catalog.view("1");
        catalog.view("1");
        assertThat(reads).hasValue(2);
        assertThat(catalog.view("2")).isEqualTo(MovieView.unknown("2"));
    }

    @Test
    void keptViewsAreTheSameAsFreshOnes() {
        movies.pipeInput("1", movie("1", "Toy Story"));
        Catalog kept = new Catalog(stores(() -> { }), changes::get);
        Catalog fresh = new Catalog(stores(() -> { }));
        kept.view("1");
        assertThat(kept.view("1")).isEqualTo(fresh.view("1"))
                .isEqualTo(new MovieView("1", "Toy Story", 1995, List.of("Animation")));
    }
}
