package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.Topics;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.schemas.snapshot.SnapshotAssembler;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.testdata.GeneratedRatings;

class ContentClustersIT {

    private static final List<List<String>> GENRES = List.of(List.of("Comedy", "Romance"), List.of("Horror", "Thriller"),
            List.of("Documentary"));
    private static final int[] YEARS = {1995, 1978, 2012};

    @Test
    void contentJobPublishesCentroidsAssignmentsAndDescriptionsOfTheCatalogue() {
        String model = unique("content-kmeans");
        String prefix = unique("cc");
        produce(GeneratedRatings.generate(prefix, 100, 90, 20, 71));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (var producer = new KafkaProducer<>(p, Topics.MOVIES.keySerde().serializer(), Topics.MOVIES.valueSerde().serializer())) {
            for (int i = 0; i < 90; i++) {
                String id = prefix + "-i" + i;
                producer.send(new ProducerRecord<>(Topics.MOVIES.name(), id, Movie.newBuilder().setItemId(id)
                        .setTitle("Movie " + i).setGenres(GENRES.get(i % 3)).setYear(YEARS[i % 3] + i % 4).build()));
            }
        }
        Map<String, String> settings = Map.of("reelfm.trainer.min-ratings", String.valueOf(storedRatings()),
                "reelfm.trainer.model." + model + ".clusters", "3");
        try (TrainerService trainer = TrainerService.start(config(model, settings))) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> active(model) != null);
            assertThat(model(trainer.port(), model).get("kind").asText()).isEqualTo("kmeans");
        }
        ModelManifest manifest = active(model);
        assertThat(manifest.getKind()).isEqualTo("kmeans");
        SnapshotAssembler.Assembly assembled = assembleActive(model);
        assertThat(assembled.complete()).isTrue();
        ClusterSnapshot clusters = ClusterSnapshot.fromBytes(assembled.payload());
        assertThat(clusters.centroids().length).isEqualTo(3);

        Map<String, Integer> clusterOf = new HashMap<>();
        for (int j = 0; j < clusters.itemIds().length; j++) {
            clusterOf.put(clusters.itemIds()[j], clusters.assignments()[j]);
        }
        for (int i = 0; i < 90; i++) {
            assertThat(clusterOf.get(prefix + "-i" + i)).isEqualTo(clusterOf.get(prefix + "-i" + (i % 3)));
        }
        ClusterSnapshot.Cluster horror = clusters.clusters().get(clusterOf.get(prefix + "-i1"));
        assertThat(horror.topGenres()).containsExactlyInAnyOrder("Horror", "Thriller");
        assertThat(horror.label()).contains("1970s");
        assertThat(horror.size()).isGreaterThanOrEqualTo(30);
        assertThat(manifest.getMetrics()).containsKeys("inertia", "clusters", "items");
    }
}
