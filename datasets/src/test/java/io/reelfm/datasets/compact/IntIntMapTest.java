package io.reelfm.datasets.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IntIntMapTest {

    @Test
    void agreesWithAHashMapIncludingRepeatedKeysWhereTheLastPutWins() {
        SplittableRandom random = new SplittableRandom(11);
        IntIntMap map = new IntIntMap();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int k = 0; k < 5_000; k++) {
            int key = random.nextInt(-2_000, 2_000);
            int value = random.nextInt();
            map.put(key, value);
            expected.put(key, value);
        }

        map.freeze();

        assertThat(map.size()).isEqualTo(expected.size());
        for (int key = -2_000; key < 2_000; key++) {
            int got = map.get(key);
            if (expected.containsKey(key)) {
                assertThat(got).isEqualTo(expected.get(key));
                assertThat(map.valueAt(map.indexOf(key))).isEqualTo(got);
            } else {
                assertThat(got).isEqualTo(IntIntMap.MISSING);
                assertThat(map.indexOf(key)).isEqualTo(-1);
            }
        }
    }

    @Test
    void denseIndicesFollowKeyOrder() {
        IntIntMap map = new IntIntMap();
        map.put(300, 3);
        map.put(100, 1);
        map.put(200, 2);
        map.freeze();

        assertThat(map.indexOf(100)).isZero();
        assertThat(map.indexOf(200)).isEqualTo(1);
        assertThat(map.indexOf(300)).isEqualTo(2);
    }

    @Test
    void lookupsBeforeFreezeAndPutsAfterAreRefused() {
        IntIntMap map = new IntIntMap();
        map.put(1, 1);

        assertThatThrownBy(() -> map.get(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("freeze");
        map.freeze();
        assertThatThrownBy(() -> map.put(2, 2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("frozen");
    }
}
