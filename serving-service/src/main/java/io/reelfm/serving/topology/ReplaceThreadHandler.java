package io.reelfm.serving.topology;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a stream thread dies of an unexpected exception: log it with its cause,
 * count it and start a replacement thread, so a transient failure (a broker bounce, a fenced
 * producer) costs one task restart rather than the whole instance. The count is exported as a
 * metric so that a thread dying in a loop is visible.
 */
public final class ReplaceThreadHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplaceThreadHandler.class);

    private final AtomicLong replaced = new AtomicLong();

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        long n = replaced.incrementAndGet();
        log.error("Stream thread failed (replacement #{}); replacing it", n, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    public long replacedThreads() {
        return replaced.get();
    }
}
