package io.reelfm.serving.experiment;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One fact that moves a variant's online metrics: a list was shown, a list got its first
 * rated item, a recommended item was rated (with the rating), or the variant recommended an
 * item for the first time (coverage). Internal to the experiment sub-topology.
 */
public record ExperimentSignal(Kind kind, float rating) {

    public enum Kind { IMPRESSION, HIT_IMPRESSION, RATED, NEW_ITEM }

    public static final Serde<ExperimentSignal> SERDE = Serdes.serdeFrom(
            (topic, s) -> s == null ? null : ByteBuffer.allocate(5).put((byte) s.kind.ordinal()).putFloat(s.rating).array(),
            (topic, b) -> {
                if (b == null) {
                    return null;
                }
                if (b.length != 5 || b[0] < 0 || b[0] >= Kind.values().length) {
                    throw new SerializationException("corrupt experiment signal of " + b.length + " bytes");
                }
                ByteBuffer buf = ByteBuffer.wrap(b);
                return new ExperimentSignal(Kind.values()[buf.get()], buf.getFloat());
            });

    public static ExperimentSignal of(Kind kind) {
        return new ExperimentSignal(kind, 0f);
    }
}
