package io.reelfm.trainer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.UserProfile;

class StateCheckpointTest {

    private static RatingEvent rating(String id, String user, String item, float r, long ts) {
        return RatingEvent.newBuilder().setEventId(id).setUserId(user).setItemId(item).setRating(r)
                .setTimestamp(Instant.ofEpochMilli(ts)).build();
    }

    @Test
    void restoredStateHasSameRatingsOffsetsAndRemembersEventIds(@TempDir Path dir) {
        TrainingState state = new TrainingState(1000);
        assertThat(state.applyRating(rating("a", "u1", "i1", 4f, 1000), "ratings", 0, 0)).isTrue();
        assertThat(state.applyRating(rating("b", "u1", "i2", 2f, 2000), "ratings", 0, 1)).isTrue();
        assertThat(state.applyRating(rating("a", "u1", "i1", 4f, 1000), "ratings", 1, 7)).isFalse();
        state.applyMovie("i1", Movie.newBuilder().setItemId("i1").setTitle("One").build(), "movies", 2, 3);
        state.applyProfile("u1", UserProfile.newBuilder().setUserId("u1").setAge(31).setOccupation("writer").build(),
                "users", 0, 0);
        state.publishCounts();

        StateCheckpoint checkpoint = new StateCheckpoint(dir);
        assertThat(checkpoint.load()).isEmpty();
        checkpoint.save(state);
        TrainingState restored = checkpoint.load().orElseThrow();

        assertThat(restored.offsets()).containsEntry("ratings-0", 2L).containsEntry("ratings-1", 8L).containsEntry("movies-2", 4L);
        assertThat(restored.counts()).isEqualTo(state.counts());
        assertThat(restored.ratings().rating(restored.ratings().row(restored.users().find("u1"), restored.items().find("i2")))).isEqualTo(2f);
        assertThat(restored.movies().get("i1").getTitle()).isEqualTo("One");
        assertThat(restored.profiles().get("u1").getOccupation()).isEqualTo("writer");
        assertThat(restored.applyRating(rating("b", "u1", "i2", 2f, 2000), "ratings", 0, 2)).isFalse();
    }
}
