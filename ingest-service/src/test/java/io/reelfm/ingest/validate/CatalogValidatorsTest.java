package io.reelfm.ingest.validate;

import static io.reelfm.ingest.validate.RatingValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.UserProfile;
import io.reelfm.service.validation.Problem;

class CatalogValidatorsTest {

    private final MovieValidator movies = new MovieValidator(128, Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));
    private final UserValidator users = new UserValidator(128);

    @Test
    void minimalMovieGetsEmptyGenresAndNullOptionals() {
        assertThat(movies.validate(json("{\"itemId\":\"1\",\"title\":\"Toy Story (1995)\"}")).value())
                .isEqualTo(Movie.newBuilder().setItemId("1").setTitle("Toy Story (1995)").setGenres(List.of()).build());
    }

    @Test
    void movieYearAfterNextDecadeIsRejected() {
        assertThat(movies.validate(json("{\"itemId\":\"1\",\"title\":\"T\",\"year\":2037}")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("must be between 1870 and 2036 but was 2037"));
    }

    @Test
    void badGenreEntryIsNamedWithItsIndex() {
        assertThat(movies.validate(json("{\"itemId\":\"1\",\"title\":\"T\",\"genres\":[\"Drama\",\"\"]}")).problems())
                .extracting(Problem::field).containsExactly("genres[1]");
    }

    @Test
    void fractionalRuntimeIsRejected() {
        assertThat(movies.validate(json("{\"itemId\":\"1\",\"title\":\"T\",\"runtime\":81.5}")).problems())
                .extracting(Problem::field).containsExactly("runtime");
    }

    @Test
    void fullUserProfileIsAccepted() {
        assertThat(users.validate(json("{\"userId\":\"1\",\"age\":24,\"gender\":\"M\",\"occupation\":\"technician\"}")).value())
                .isEqualTo(UserProfile.newBuilder().setUserId("1").setAge(24).setGender("M").setOccupation("technician").build());
    }

    @Test
    void userWithUnknownFieldAndTooOldAgeReportsBoth() {
        assertThat(users.validate(json("{\"userId\":\"1\",\"age\":151,\"zip\":\"85711\"}")).problems())
                .extracting(Problem::field).containsExactlyInAnyOrder("age", "zip");
    }
}
