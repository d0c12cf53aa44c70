package io.reelfm.trainer.snapshot;

/** A publication stopped before its manifest was written; the version stays invisible to serving. */
public final class PublishInterruptedException extends RuntimeException {

    public PublishInterruptedException(String message) {
        super(message);
    }
}
