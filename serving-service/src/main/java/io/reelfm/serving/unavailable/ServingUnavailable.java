package io.reelfm.serving.unavailable;

import io.reelfm.service.http.ApiException;

/**
 * The 503s a serving instance answers while it cannot give a correct answer yet, each with
 * {@code Retry-After}: a client is told to retry rather than given an empty list that looks right.
 * The states an instance leaves by itself (a model not published yet, stores restoring or moving
 * in a rebalance) are {@linkplain ApiException#expected() expected} and logged at DEBUG, since a
 * starting instance answers them on every request; an owner that does not answer is a fault
 * worth a WARN.
 */
public final class ServingUnavailable {

    /** How long a client waits before asking again while an instance starts or rebalances. */
    static final long RETRY_AFTER_SECONDS = 1;
    /** Cluster models are published rarely, so a client asking for one waits a little longer. */
    static final long CLUSTERS_RETRY_AFTER_SECONDS = 5;

    private ServingUnavailable() {
    }

    /** The named factor model is not loaded yet: the service is starting or the trainer has not published it. */
    public static ApiException noModel(String model) {
        return ApiException.expectedUnavailable("model " + model + " is not loaded yet", RETRY_AFTER_SECONDS, null);
    }

    /** The configured cluster model is not loaded yet. */
    public static ApiException noClusterModel() {
        return ApiException.expectedUnavailable("no cluster model is loaded yet", CLUSTERS_RETRY_AFTER_SECONDS, null);
    }

    /** Kafka Streams state cannot be read here now: stores restoring, or a rebalance moving them. */
    public static ApiException stateMoving(RuntimeException storeError) {
        return ApiException.expectedUnavailable("state is not available on this instance right now (rebalancing or restoring): "
                + storeError.getMessage(), RETRY_AFTER_SECONDS, storeError);
    }

    /** The instance owning a user did not answer; its partitions will move, after which a retry succeeds. */
    public static ApiException ownerUnreachable(RuntimeException forwardError) {
        return ApiException.unavailable(forwardError.getMessage(), RETRY_AFTER_SECONDS, forwardError);
    }
}
