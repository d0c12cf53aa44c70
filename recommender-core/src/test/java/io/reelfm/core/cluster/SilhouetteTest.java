package io.reelfm.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void matchesHandComputedExample() {
        float[][] points = {{0}, {1}, {4}, {5}};
        int[] labels = {0, 0, 1, 1};
        // s = (7/9, 5/7, 5/7, 7/9): a = 1 for every point, b = 4.5 or 3.5
        assertThat(Silhouette.score(points, labels)).isCloseTo((7.0 / 9 + 5.0 / 7) / 2, within(1e-9));
    }

    @Test
    void singletonClusterScoresZero() {
        float[][] points = {{0}, {1}, {10}};
        int[] labels = {0, 0, 1};
        // points 0 and 1: a = 1, b = 10 and 9; the singleton counts as 0
        double expected = ((10 - 1) / 10.0 + (9 - 1) / 9.0) / 3;
        assertThat(Silhouette.score(points, labels)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void sampledSilhouetteIsCloseToExactOnBlobs() {
        float[][] points = Blobs.around(new float[][] {{0, 0}, {6, 6}}, 300, 1.0, 5);
        int[] labels = new int[600];
        for (int i = 300; i < 600; i++) {
            labels[i] = 1;
        }
        double exact = Silhouette.score(points, labels);
        assertThat(Silhouette.score(points, labels, 200, 42)).isCloseTo(exact, within(0.05));
    }

    @Test
    void needsTwoClusters() {
        assertThatThrownBy(() -> Silhouette.score(new float[][] {{0}, {1}}, new int[] {0, 0}))
                .hasMessageContaining("at least 2 clusters");
    }

    @Test
    void kSelectionPicksTheNumberOfBlobs() {
        float[][] points = Blobs.around(new float[][] {{0, 0}, {8, 0}, {0, 8}, {8, 8}}, 40, 0.6, 8);
        KSelection.Report report = KSelection.run(points, 2, 7, KMeansConfig.of(2, 42), 500);
        assertThat(report.scores()).hasSize(6);
        assertThat(report.best().k()).isEqualTo(4);
        for (int i = 1; i < report.scores().size(); i++) {
            assertThat(report.scores().get(i).inertia()).isLessThanOrEqualTo(report.scores().get(i - 1).inertia() * 1.05);
        }
    }
}
