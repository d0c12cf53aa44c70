package io.reelfm.ingest.replay;

/** A replay stopped because Kafka refused a record; the cause is Kafka's own error. */
public final class ReplayException extends RuntimeException {

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
