package io.reelfm.service.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;

class RecordAttributesTest {

    @Test
    void aMissingProfileFieldStaysUnknown() {
        assertThat(RecordAttributes.user(null)).isNull();
        UserProfile p = UserProfile.newBuilder().setUserId("u").setGender("F").build();
        assertThat(RecordAttributes.user(p)).isEqualTo(new UserAttributes(null, "F", null));
    }

    @Test
    void aFullProfileKeepsAgeGenderAndOccupation() {
        UserProfile p = UserProfile.newBuilder().setUserId("u").setAge(31).setGender("M").setOccupation("writer").build();
        assertThat(RecordAttributes.user(p)).isEqualTo(new UserAttributes(31, "M", "writer"));
    }

    @Test
    void aMovieKeepsYearAndGenresInOrder() {
        Movie m = Movie.newBuilder().setItemId("m").setTitle("T").setYear(1995).setGenres(List.of("Drama", "Comedy")).build();
        assertThat(RecordAttributes.item(m)).isEqualTo(new ItemAttributes(1995, List.of("Drama", "Comedy")));
        Movie bare = Movie.newBuilder().setItemId("n").setTitle("U").build();
        assertThat(RecordAttributes.item(bare)).isEqualTo(new ItemAttributes(null, List.of()));
    }
}
