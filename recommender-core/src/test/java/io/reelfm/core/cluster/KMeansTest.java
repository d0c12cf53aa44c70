package io.reelfm.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static final float[][] CENTRES = {{0, 0, 0, 0}, {10, 10, 0, 0}, {0, 10, 10, 10}};
    private static final int PER_BLOB = 60;
    private final float[][] points = Blobs.around(CENTRES, PER_BLOB, 0.5, 3);

    @Test
    void recoversSeparatedBlobsWithGemmDistances() {
        assertRecoversBlobs(KMeans.fit(points, KMeansConfig.of(3, 42).withKernel(DistanceKernel.GEMM)));
    }

    @Test
    void recoversSeparatedBlobsWithJavaDistances() {
        assertRecoversBlobs(KMeans.fit(points, KMeansConfig.of(3, 42).withKernel(DistanceKernel.JAVA)));
    }

    @Test
    void miniBatchRecoversSeparatedBlobs() {
        assertRecoversBlobs(KMeans.fit(points, KMeansConfig.of(3, 42).withMiniBatch(32)));
    }

    @Test
    void gemmAndJavaKernelsGiveTheSameModel() {
        KMeansModel gemm = KMeans.fit(points, KMeansConfig.of(3, 7).withKernel(DistanceKernel.GEMM));
        KMeansModel java = KMeans.fit(points, KMeansConfig.of(3, 7).withKernel(DistanceKernel.JAVA));
        assertThat(gemm.labels()).isEqualTo(java.labels());
        assertThat(gemm.inertia()).isCloseTo(java.inertia(), within(1e-3 * java.inertia()));
    }

    @Test
    void sameSeedGivesSameModel() {
        assertThat(KMeans.fit(points, KMeansConfig.of(4, 9)).labels())
                .isEqualTo(KMeans.fit(points, KMeansConfig.of(4, 9)).labels());
    }

    @Test
    void moreRestartsNeverRaiseInertia() {
        float[][] noisy = Blobs.around(new float[][] {{0, 0}, {3, 0}, {0, 3}, {3, 3}, {1.5f, 1.5f}}, 30, 1.0, 11);
        for (int k = 2; k <= 8; k++) {
            double one = KMeans.fit(noisy, KMeansConfig.of(k, 5).withRestarts(1)).inertia();
            double four = KMeans.fit(noisy, KMeansConfig.of(k, 5).withRestarts(4)).inertia();
            assertThat(four).as("k=%d", k).isLessThanOrEqualTo(one);
        }
    }

    @Test
    void rejectsMoreClustersThanPoints() {
        assertThatThrownBy(() -> KMeans.fit(new float[][] {{1}, {2}}, KMeansConfig.of(3, 1)))
                .hasMessageContaining("k=3 exceeds");
    }

    @Test
    void rejectsNonFiniteInputNamingTheCell() {
        assertThatThrownBy(() -> KMeans.fit(new float[][] {{1, 2}, {Float.NaN, 2}}, KMeansConfig.of(1, 1)))
                .hasMessageContaining("points[1][0]");
    }

    private void assertRecoversBlobs(KMeansModel model) {
        int[] labels = model.labels();
        Set<Integer> used = new HashSet<>();
        for (int b = 0; b < CENTRES.length; b++) {
            int label = labels[b * PER_BLOB];
            for (int p = 0; p < PER_BLOB; p++) {
                assertThat(labels[b * PER_BLOB + p]).as("blob %d point %d", b, p).isEqualTo(label);
            }
            used.add(label);
            float[] centroid = model.centroid(label);
            for (int j = 0; j < centroid.length; j++) {
                assertThat(centroid[j]).isCloseTo(CENTRES[b][j], within(0.4f));
            }
        }
        assertThat(used).hasSize(3);
    }
}
