package io.reelfm.schemas.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClusterSnapshotTest {

    private static ClusterSnapshot snapshot(float[][] coordinates) {
        return new ClusterSnapshot(List.of("genre:Drama", "year"), new float[][] {{1, 0.2f}, {0, 0.9f}},
                List.of(new ClusterSnapshot.Cluster(2, "Drama, mostly 1970s", List.of("Drama"), 3.9f),
                        new ClusterSnapshot.Cluster(1, "mixed genres, mostly 2010s", List.of(), 3.1f)),
                new String[] {"a", "b", "c"}, new int[] {0, 0, 1}, coordinates);
    }

    @Test
    void itemCoordinatesSurviveTheWireFormat() {
        ClusterSnapshot written = snapshot(new float[][] {{0.1f, -2f}, {0.3f, -1.5f}, {4f, 4f}});

        ClusterSnapshot read = ClusterSnapshot.fromBytes(written.toBytes());

        assertThat(read.hasCoordinates()).isTrue();
        assertThat(read.coordinates()).isDeepEqualTo(written.coordinates());
        assertThat(read.clusters()).isEqualTo(written.clusters());
        assertThat(read.assignments()).containsExactly(0, 0, 1);
    }

    @Test
    void aPayloadOfTheFirstFormatStillReadsWithoutCoordinates() {
        byte[] current = snapshot(new float[0][]).toBytes();
        // the first format is the current one without the trailing coordinate dimension (0 here)
        byte[] first = Arrays.copyOf(current, current.length - Integer.BYTES);
        ByteBuffer.wrap(first).putInt(Integer.BYTES, 1);

        ClusterSnapshot read = ClusterSnapshot.fromBytes(first);

        assertThat(read.hasCoordinates()).isFalse();
        assertThat(read.itemIds()).containsExactly("a", "b", "c");
        assertThat(read.clusters().get(0).label()).isEqualTo("Drama, mostly 1970s");
    }

    @Test
    void coordinatesMustCoverEveryItem() {
        assertThatThrownBy(() -> snapshot(new float[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coordinates for 1 items, but 3 ids");
    }
}
