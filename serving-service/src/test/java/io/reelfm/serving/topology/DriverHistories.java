package io.reelfm.serving.topology;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;

/** Users' histories as serving reads them, from the stores of a {@link TopologyTestDriver} over its topology. */
public final class DriverHistories {

    private DriverHistories() {
    }

    /** The user's history, null when serving holds none. */
    public static UserHistory read(TopologyTestDriver driver, String userId) {
        return UserRatingsLayout.read(driver.<Bytes, byte[]>getKeyValueStore(StoreNames.USER_RATINGS), userId,
                () -> driver.<String, UserHistory>getKeyValueStore(StoreNames.USER_HISTORY).get(userId));
    }
}
