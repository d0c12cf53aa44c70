package io.reelfm.ingest.publish;

/**
 * Kafka did not acknowledge a write within the configured bounds (broker unreachable, timeouts,
 * no free producer). Nothing from the write is visible to read_committed consumers, so the
 * caller may retry the whole request.
 */
public final class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
