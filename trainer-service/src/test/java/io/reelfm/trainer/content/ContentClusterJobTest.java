package io.reelfm.trainer.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.Movie;
import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.snapshot.ClusterSnapshot;
import io.reelfm.trainer.store.TrainingState;

class ContentClusterJobTest {

    private static final List<List<String>> GENRES = List.of(List.of("Comedy", "Romance"), List.of("Horror", "Thriller"),
            List.of("Documentary"));
    private static final int[] YEARS = {1995, 1978, 2012};

    @Test
    void moviesOfOneGenreAndEraShareAClusterNamedAfterThem() {
        ClusterSnapshot snapshot = new ContentClusterJob(3, 50, 7).run(catalogue(60)).snapshot();

        int[] labels = snapshot.assignments();
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).isEqualTo(labels[i % 3]);
        }
        assertThat(labels[0]).isNotEqualTo(labels[1]).isNotEqualTo(labels[2]);
        ClusterSnapshot.Cluster horror = snapshot.clusters().get(labels[indexOf(snapshot, "m01")]);
        assertThat(horror.topGenres()).containsExactly("Horror", "Thriller");
        assertThat(horror.label()).isEqualTo("Horror/Thriller, mostly 1970s");
        assertThat(horror.size()).isEqualTo(20);
    }

    @Test
    void meanRatingsAreShrunkTowardsTheGlobalMean() {
        TrainingState state = catalogue(3);
        for (int u = 0; u < 5; u++) {
            rate(state, 2 * u, "u" + u, "m01", 5f);
            rate(state, 2 * u + 1, "u" + u, "m00", 1f);
        }
        ClusterSnapshot snapshot = new ContentClusterJob(3, 50, 7).run(state).snapshot();

        assertThat(meanRatingOf(snapshot, "m01")).isEqualTo(4f);
        assertThat(meanRatingOf(snapshot, "m00")).isEqualTo(2f);
        assertThat(meanRatingOf(snapshot, "m02")).isEqualTo(3f);
    }

    @Test
    void centroidsAreExpressedInTheNamedContentFeatures() {
        ClusterSnapshot snapshot = new ContentClusterJob(3, 50, 7).run(catalogue(60)).snapshot();

        assertThat(snapshot.featureNames()).containsExactly("genre:Comedy", "genre:Documentary", "genre:Horror",
                "genre:Romance", "genre:Thriller", "year", "mean_rating", "log_ratings");
        int horror = snapshot.assignments()[indexOf(snapshot, "m01")];
        assertThat(snapshot.centroids()[horror][2]).isCloseTo(1f, offset(0.05f));
        assertThat(snapshot.centroids()[horror][0]).isCloseTo(0f, offset(0.05f));
    }

    @Test
    void publishedSnapshotSurvivesItsWireFormat() {
        ClusterSnapshot snapshot = new ContentClusterJob(3, 50, 7).run(catalogue(30)).snapshot();

        ClusterSnapshot back = ClusterSnapshot.fromBytes(snapshot.toBytes());

        assertThat(back.clusters()).isEqualTo(snapshot.clusters());
        assertThat(back.itemIds()).containsExactly(snapshot.itemIds());
        assertThat(back.assignments()).containsExactly(snapshot.assignments());
        assertThat(back.featureNames()).isEqualTo(snapshot.featureNames());
        assertThat(back.centroids()[1]).containsExactly(snapshot.centroids()[1]);
    }

    @Test
    void sameSeedGivesTheSameClustering() {
        TrainingState state = catalogue(45);

        assertThat(new ContentClusterJob(5, 20, 9).run(state).snapshot().assignments())
                .containsExactly(new ContentClusterJob(5, 20, 9).run(state).snapshot().assignments());
    }

    @Test
    void asksForNoMoreClustersThanThereAreMovies() {
        ContentClusterJob.Outcome outcome = new ContentClusterJob(10, 20, 1).run(catalogue(4));

        assertThat(outcome.snapshot().centroids().length).isEqualTo(4);
        assertThat(outcome.metrics()).containsEntry("clusters", 4.0).containsEntry("items", 4.0).containsKey("inertia");
    }

    @Test
    void automaticKFindsTheKindsOfMovieInTheCatalogueAndReportsItsSilhouette() {
        TrainingState state = new TrainingState(1000);
        for (int i = 0; i < 60; i++) {
            String id = String.format("m%02d", i);
            state.applyMovie(id, Movie.newBuilder().setItemId(id).setTitle("Movie " + i).setGenres(GENRES.get(i % 3))
                    .setYear(1990 + i * 7 % 11).build(), "movies", 0, i);
        }

        ContentClusterJob.Outcome outcome = new ContentClusterJob(ContentClusterJob.AUTO, 50, 7).run(state);

        assertThat(outcome.metrics()).containsEntry("clusters", 3.0);
        assertThat(outcome.metrics().get("silhouette")).isGreaterThan(0.5);
        int[] labels = outcome.snapshot().assignments();
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).isEqualTo(labels[i % 3]);
        }
    }

    @Test
    void runtimeAndLanguageSeparateMoviesThatShareGenreAndYear() {
        TrainingState state = new TrainingState(1000);
        for (int i = 0; i < 40; i++) {
            String id = String.format("m%02d", i);
            boolean epic = i % 2 == 0;
            state.applyMovie(id, Movie.newBuilder().setItemId(id).setTitle("Movie " + i).setGenres(List.of("Drama"))
                    .setYear(1990).setRuntime(epic ? 190 + i % 5 : 85 + i % 5).setLanguage(epic ? "hi" : "en")
                    .setRegion(epic ? "IN" : "US").build(), "movies", 0, i);
        }

        ContentClusterJob.Outcome outcome = new ContentClusterJob(ContentClusterJob.AUTO, 50, 7).run(state);

        assertThat(outcome.snapshot().featureNames()).contains("runtime").anyMatch(n -> n.startsWith("language:"));
        assertThat(outcome.metrics()).containsEntry("clusters", 2.0);
        int[] labels = outcome.snapshot().assignments();
        for (int i = 0; i < labels.length; i++) {
            assertThat(labels[i]).isEqualTo(labels[i % 2]);
        }
        assertThat(labels[0]).isNotEqualTo(labels[1]);
        assertThat(outcome.snapshot().clusters().get(labels[0]).label()).isEqualTo("Drama, mostly 1990s, IN, hi, long runtime");
        assertThat(outcome.snapshot().clusters().get(labels[1]).label()).isEqualTo("Drama, mostly 1990s, US, en, short runtime");
    }

    @Test
    void emptyCatalogueHasNothingToCluster() {
        assertThat(new ContentClusterJob(3, 20, 1).run(new TrainingState(100))).isNull();
    }

    private static TrainingState catalogue(int movies) {
        TrainingState state = new TrainingState(1000);
        for (int i = 0; i < movies; i++) {
            String id = String.format("m%02d", i);
            state.applyMovie(id, Movie.newBuilder().setItemId(id).setTitle("Movie " + i).setGenres(GENRES.get(i % 3))
                    .setYear(YEARS[i % 3] + i / 3 % 2).build(), "movies", 0, i);
        }
        return state;
    }

    private static void rate(TrainingState state, long offset, String user, String item, float rating) {
        state.applyRating(RatingEvent.newBuilder().setEventId(user + item).setUserId(user).setItemId(item).setRating(rating)
                .setTimestamp(Instant.ofEpochSecond(offset)).build(), "ratings", 0, offset);
    }

    private static float meanRatingOf(ClusterSnapshot snapshot, String itemId) {
        return snapshot.clusters().get(snapshot.assignments()[indexOf(snapshot, itemId)]).meanRating();
    }

    private static int indexOf(ClusterSnapshot snapshot, String itemId) {
        return List.of(snapshot.itemIds()).indexOf(itemId);
    }
}
