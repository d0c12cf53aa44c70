package io.reelfm.launcher.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps one broker message off the console: the embedded broker's ERROR when it rejects a
 * transactional batch whose sequence is not 0 for a producer it holds no state for yet
 * ({@code OutOfOrderSequenceException: ... Expected sequence 0 for transactions v2 idempotent
 * producer with no existing state}). With Kafka 4's transactions v2 the broker rejects a batch
 * that overtakes the producer's first batch to a partition (KAFKA-18202); the producer treats
 * the rejection as retriable and sends it again in order, so nothing is lost or duplicated —
 * but the broker's replica manager still logs each rejection as an ERROR with a stack trace.
 * Every other event, including every other out-of-order sequence error, passes.
 */
public final class RetriedSequenceRejections extends Filter<ILoggingEvent> {

    static final String LOGGER = "kafka.server.ReplicaManager";
    static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
    static final String MARK = "for transactions v2 idempotent producer with no existing state";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!LOGGER.equals(event.getLoggerName())) {
            return FilterReply.NEUTRAL;
        }
        IThrowableProxy t = event.getThrowableProxy();
        boolean retried = t != null && EXCEPTION.equals(t.getClassName()) && t.getMessage() != null
                && t.getMessage().contains(MARK);
        return retried ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
