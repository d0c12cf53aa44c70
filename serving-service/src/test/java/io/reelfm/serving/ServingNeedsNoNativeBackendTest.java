package io.reelfm.serving;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Serving scores with recommender-core's plain-Java kernels, so it ships without the ND4J backend and
 * OpenBLAS (over a hundred megabytes of natives): every test of this module runs without them, and
 * this one fails the moment they come back on its class path.
 */
class ServingNeedsNoNativeBackendTest {

    @Test
    void theNd4jBackendAndOpenBlasAreNotOnServingsClassPath() {
        assertThatThrownBy(() -> Class.forName("org.nd4j.linalg.factory.Nd4j")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.nd4j.linalg.cpu.nativecpu.CpuBackend"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.bytedeco.openblas.global.openblas"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
