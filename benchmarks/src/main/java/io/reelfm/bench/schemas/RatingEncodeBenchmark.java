package io.reelfm.bench.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;

/**
 * Writing one rating event as the {@code ratings} topic's value: Avro's single-object encoder with the
 * copy out of its buffer (how the topic's serde wrote it before) against the serde now (a hand-written
 * encoder of the same bytes). A replay's send loop does this once a rating on its one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RatingEncodeBenchmark {

    /** {@code replay}: a replayed rating (derived event id, no context); {@code api}: a client's, with a context map. */
    @Param({"replay", "api"})
    String kind;

    private final BinaryMessageEncoder<RatingEvent> avro =
            new BinaryMessageEncoder<>(SpecificData.getForClass(RatingEvent.class), RatingEvent.getClassSchema());
    private RatingEvent event;

    @Setup
    public void setUp() {
        long millis = 1_577_836_800_000L;
        event = kind.equals("replay")
                ? new RatingEvent("synthetic:104233:27511:" + millis, "104233", "27511", 3.5f, Instant.ofEpochMilli(millis), "replay", null)
                : new RatingEvent("4f1d2c3a-9b8e-4f6a-8d2c-1e5b7a9c0d3f", "104233", "27511", 3.5f, Instant.ofEpochMilli(millis), "api",
                Map.of("device", "tv", "page", "home"));
    }

    @Benchmark
    public byte[] avroEncoder() throws Exception {
        ByteBuffer buffer = avro.encode(event);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Benchmark
    public byte[] topicSerde() {
        return Topics.RATINGS.encodeValue(event);
    }
}
