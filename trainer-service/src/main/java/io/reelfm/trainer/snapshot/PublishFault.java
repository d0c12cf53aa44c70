package io.reelfm.trainer.snapshot;

/**
 * A fault injected into publication, for tests that show an interrupted publish is harmless.
 * Production runs use {@link #NONE}.
 */
@FunctionalInterface
public interface PublishFault {

    PublishFault NONE = (sent, total) -> false;

    /** Stops after half of a version's chunks have been written and flushed, before the manifest. */
    PublishFault STOP_AFTER_HALF_OF_THE_CHUNKS = (sent, total) -> sent >= Math.max(1, total / 2) && sent < total;

    /** @return true to abandon the publication now, after {@code sent} of {@code total} chunks */
    boolean stopAfter(int sent, int total);
}
