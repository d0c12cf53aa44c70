package io.reelfm.launcher.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

class RetriedSequenceRejectionsTest {

    private final RetriedSequenceRejections filter = new RetriedSequenceRejections();
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, Throwable t) {
        return new LoggingEvent("fqcn", context.getLogger(logger), Level.ERROR,
                "Error processing append operation on partition p-0", t, null);
    }

    @Test
    void theBrokersRetriableTransactionsV2RejectionStaysOffTheConsole() {
        Throwable rejected = new OutOfOrderSequenceException("Invalid sequence number for producer 3 at offset 14 in partition"
                + " p-0: 3 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent producer with no existing state.");

        assertThat(filter.decide(event("kafka.server.ReplicaManager", rejected))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherSequenceErrorsOtherExceptionsAndOtherLoggersStillPass() {
        Throwable gap = new OutOfOrderSequenceException("Out of order sequence number for producer 7: 51 (incoming seq. number),"
                + " 49 (current end sequence number)");
        Throwable other = new IllegalStateException("for transactions v2 idempotent producer with no existing state");
        Throwable rejected = new OutOfOrderSequenceException("Expected sequence 0 for transactions v2 idempotent producer with"
                + " no existing state.");

        assertThat(filter.decide(event("kafka.server.ReplicaManager", gap))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.server.ReplicaManager", other))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.server.ReplicaManager", null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("io.reelfm.serving.ServingService", rejected))).isEqualTo(FilterReply.NEUTRAL);
    }
}
