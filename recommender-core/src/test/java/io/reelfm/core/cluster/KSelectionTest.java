package io.reelfm.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KSelectionTest {

    @Test
    void automaticKTriesUpToTheRootOfHalfThePointsWithinBounds() {
        assertThat(KSelection.largestK(2)).isEqualTo(2);
        assertThat(KSelection.largestK(3)).isEqualTo(2);
        assertThat(KSelection.largestK(60)).isEqualTo(5);
        assertThat(KSelection.largestK(1682)).isEqualTo(29);
        assertThat(KSelection.largestK(62_000)).isEqualTo(KSelection.MAX_AUTO_K);
    }
}
