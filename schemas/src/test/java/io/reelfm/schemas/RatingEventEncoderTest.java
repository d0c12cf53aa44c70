package io.reelfm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RatingEventEncoderTest {

    private static final BinaryMessageEncoder<RatingEvent> AVRO =
            new BinaryMessageEncoder<>(SpecificData.getForClass(RatingEvent.class), RatingEvent.getClassSchema());

    @Property(tries = 2000)
    void writesExactlyTheBytesAvroWrites(@ForAll("events") RatingEvent event) throws Exception {
        byte[] expected = avroBytes(event);

        byte[] actual = Topics.RATINGS.encodeValue(event);

        assertThat(actual).isEqualTo(expected);
        RatingEvent read = Topics.RATINGS.valueSerde().deserializer().deserialize("ratings", actual);
        // field by field: records compare NaN ratings unequal
        assertThat(Float.floatToRawIntBits(read.getRating())).isEqualTo(Float.floatToRawIntBits(event.getRating()));
        read.setRating(0f);
        assertThat(read).isEqualTo(RatingEvent.newBuilder(event).setRating(0f).build());
    }

    @Test
    void replayedRatingWithoutContextMatchesAvro() throws Exception {
        RatingEvent event = event("synthetic:162000:61999:1735689599000", "162000", "61999", 4.5f, 1_735_689_599_000L, "replay", null);

        assertThat(Topics.RATINGS.encodeValue(event)).isEqualTo(avroBytes(event));
    }

    @Test
    void emptyContextAndNonAsciiTextMatchAvro() throws Exception {
        Map<String, String> context = new LinkedHashMap<>();
        RatingEvent empty = event("é-1", "ユーザー", "🎬", 0.5f, -1L, "api", context);
        context = new LinkedHashMap<>(Map.of("device", "tv"));
        context.put("lone surrogate \uD800", "x\uDC00y");
        RatingEvent odd = event("e", "u", "i", Float.NaN, Long.MIN_VALUE, "", context);

        assertThat(Topics.RATINGS.encodeValue(empty)).isEqualTo(avroBytes(empty));
        assertThat(Topics.RATINGS.encodeValue(odd)).isEqualTo(avroBytes(odd));
    }

    @Test
    void missingRequiredFieldIsASerializationErrorNamingIt() {
        RatingEvent event = event("e", "u", "i", 3f, 0L, "api", null);
        event.setUserId(null);

        assertThatThrownBy(() -> Topics.RATINGS.encodeValue(event))
                .isInstanceOf(SerializationException.class).hasMessageContaining("userId");
    }

    @Provide
    Arbitrary<RatingEvent> events() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(':', '-', '_').ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(20));
        Arbitrary<Float> rating = Arbitraries.oneOf(Arbitraries.floats().between(0.5f, 5f),
                Arbitraries.integers().map(Float::intBitsToFloat));
        Arbitrary<Long> time = Arbitraries.oneOf(Arbitraries.longs().between(0, 4_000_000_000_000L), Arbitraries.longs());
        Arbitrary<Map<String, String>> context = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.maps(text, text).ofMaxSize(5));
        return Combinators.combine(text, text, text, rating, time, text, context)
                .as(RatingEventEncoderTest::event);
    }

    private static RatingEvent event(String id, String user, String item, float rating, long millis, String source,
                                     Map<String, String> context) {
        return new RatingEvent(id, user, item, rating, Instant.ofEpochMilli(millis), source, context);
    }

    private static byte[] avroBytes(RatingEvent event) throws Exception {
        ByteBuffer buffer = AVRO.encode(event);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
