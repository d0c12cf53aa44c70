package io.reelfm.trainer.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.reelfm.schemas.snapshot.ClusterSnapshot;

class KMeansTest {

    @Test
    void recoversWellSeparatedGroups() {
        Random rnd = new Random(5);
        float[][] rows = new float[300][2];
        for (int i = 0; i < rows.length; i++) {
            int group = i % 3;
            rows[i][0] = (float) (group * 10 + rnd.nextGaussian() * 0.5);
            rows[i][1] = (float) (group * -7 + rnd.nextGaussian() * 0.5);
        }
        KMeans.Result r = KMeans.fit(rows, 3, 50, 1);
        for (int i = 3; i < rows.length; i++) {
            assertThat(r.assignments()[i]).isEqualTo(r.assignments()[i % 3]);
        }
        assertThat(r.assignments()[0]).isNotEqualTo(r.assignments()[1]).isNotEqualTo(r.assignments()[2]);
        assertThat(r.inertia()).isLessThan(1.0);
    }

    @Test
    void sameSeedSameClustering() {
        Random rnd = new Random(6);
        float[][] rows = new float[200][4];
        for (float[] row : rows) {
            for (int d = 0; d < 4; d++) {
                row[d] = (float) rnd.nextGaussian();
            }
        }
        assertThat(KMeans.fit(rows, 5, 20, 9).assignments()).containsExactly(KMeans.fit(rows, 5, 20, 9).assignments());
    }

    @Test
    void clusterSnapshotRoundTrips() {
        ClusterSnapshot s = new ClusterSnapshot(List.of("genre:Comedy", "year/100"), new float[][] {{1, 0.9f}, {0, 0.7f}},
                List.of(new ClusterSnapshot.Cluster(2, "Comedy, mostly 1990s", List.of("Comedy"), 3.5f),
                        new ClusterSnapshot.Cluster(1, "mixed genres, mostly 1970s", List.of(), 4f)),
                new String[] {"a", "b", "c"}, new int[] {0, 0, 1});
        ClusterSnapshot back = ClusterSnapshot.fromBytes(s.toBytes());
        assertThat(back.clusters()).isEqualTo(s.clusters());
        assertThat(back.itemIds()).containsExactly("a", "b", "c");
        assertThat(back.assignments()).containsExactly(0, 0, 1);
        assertThat(back.centroids()[1]).containsExactly(0, 0.7f);
    }
}
