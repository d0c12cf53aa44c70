package io.reelfm.trainer.it;

import static io.reelfm.trainer.it.TrainerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;
import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.TrainerService;
import io.reelfm.trainer.store.TrainingState;
import io.reelfm.trainer.testdata.GeneratedRatings;

class RestartResumeIT {

    @Test
    void restartResumesFromCommittedOffsetsAndCountsNoRatingTwice(@TempDir Path dir) throws Exception {
        String model = unique("restart-als");
        String group = unique("restart-group");
        List<RatingEvent> first = GeneratedRatings.generate(unique("rs"), 100, 80, 20, 51);
        produce(first);
        Map<String, String> settings = Map.of("reelfm.trainer.group-id", group,
                "reelfm.trainer.checkpoint-dir", dir.toString(),
                "reelfm.trainer.min-ratings", "100000000");
        TrainerConfig config = config(model, settings);

        long afterFirst = ratingsInTopic();
        try (TrainerService trainer = TrainerService.start(config)) {
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(trainer.port(), "/status").get("recordsRead").asLong() >= afterFirst);
        }
        assertThat(committedTotal(group)).isEqualTo(afterFirst);

        List<RatingEvent> second = new ArrayList<>(GeneratedRatings.generate(unique("rs2"), 50, 80, 20, 52));
        second.addAll(first.subList(0, 300));
        RatingEvent rerated = first.get(0);
        second.add(RatingEvent.newBuilder(rerated).setEventId(rerated.getEventId() + "-again")
                .setRating(rerated.getRating() >= 3 ? 1f : 5f)
                .setTimestamp(Instant.ofEpochMilli(rerated.getTimestamp().toEpochMilli() + 86_400_000L)).build());
        produce(second);
        long total = ratingsInTopic();
        TrainingState expected = offlineState();

        try (TrainerService restarted = TrainerService.start(config)) {
            JsonNode status = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(restarted.port(), "/status"), s -> s.get("recordsRead").asLong() >= second.size());
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(restarted.port(), "/status").get("lag").asLong() == 0);
            status = get(restarted.port(), "/status");
            assertThat(status.get("recordsRead").asLong()).isEqualTo(total - afterFirst);
            assertThat(status.get("data").get("ratings").asLong()).isEqualTo(expected.counts().ratings());
            assertThat(status.get("data").get("accepted").asLong()).isEqualTo(expected.counts().accepted());
            assertThat(status.get("data").get("duplicates").asLong()).isGreaterThanOrEqualTo(300);
        }
        assertThat(committedTotal(group)).isEqualTo(total);

        Map<String, String> cold = new HashMap<>(settings);
        cold.put("reelfm.trainer.group-id", unique("cold-group"));
        cold.remove("reelfm.trainer.checkpoint-dir");
        try (TrainerService rebuilt = TrainerService.start(config(model, cold))) {
            JsonNode status = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(rebuilt.port(), "/status"), s -> s.get("recordsRead").asLong() >= total);
            assertThat(status.get("data").get("ratings").asLong()).isEqualTo(expected.counts().ratings());
        }
    }

    private static long committedTotal(String group) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            offsets.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            var begin = admin.listOffsets(earliest).all().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.RATINGS.name()))
                    .mapToLong(e -> e.getValue().offset() - begin.get(e.getKey()).offset()).sum();
        }
    }
}
