package io.reelfm.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<RatingEvent> ratings = new AvroSerde<>(RatingEvent.class);

    @Test
    void ratingEventSurvivesRoundTripWithContext() {
        RatingEvent event = RatingEvent.newBuilder()
                .setEventId("e-1").setUserId("u1").setItemId("i9").setRating(4.5f)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_123L))
                .setSource("api").setContext(Map.of("device", "tv")).build();

        byte[] bytes = ratings.serializer().serialize("ratings", event);

        assertThat(ratings.deserializer().deserialize("ratings", bytes)).isEqualTo(event);
    }

    @Test
    void movieWithOptionalFieldsAbsentSurvivesRoundTrip() {
        AvroSerde<Movie> movies = new AvroSerde<>(Movie.class);
        Movie movie = Movie.newBuilder().setItemId("1").setTitle("Toy Story (1995)").setYear(1995)
                .setGenres(List.of("Animation", "Children's", "Comedy")).build();

        assertThat(movies.decode(movies.encode(movie))).isEqualTo(movie);
        assertThat(movie.getImdbId()).isNull();
    }

    @Test
    void recordWrittenWithOlderSchemaIsReadWithNewerOne() throws Exception {
        Schema v1 = ReelSchemaStore.loadHistorical("RatingEvent-v1.avsc");
        assertThat(v1.getField("context")).isNull();
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "old-1");
        old.put("userId", "u7");
        old.put("itemId", "i3");
        old.put("rating", 3.0f);
        old.put("timestamp", 1_600_000_000_000L);
        old.put("source", "legacy");
        RatingEvent read = ratings.decode(encodedWith(v1, old));

        assertThat(read.getEventId()).isEqualTo("old-1");
        assertThat(read.getUserId()).isEqualTo("u7");
        assertThat(read.getRating()).isEqualTo(3.0f);
        assertThat(read.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_600_000_000_000L));
        assertThat(read.getSource()).isEqualTo("legacy");
        assertThat(read.getContext()).isNull();
    }

    @Test
    void movieWrittenBeforeImdbRatingsIsReadWithoutThem() throws Exception {
        Schema v1 = ReelSchemaStore.loadHistorical("Movie-v1.avsc");
        assertThat(v1.getField("imdbRating")).isNull();
        GenericRecord old = new GenericData.Record(v1);
        old.put("itemId", "50");
        old.put("title", "Star Wars (1977)");
        old.put("year", 1977);
        old.put("genres", List.of("Action", "Sci-Fi"));
        old.put("runtime", 121);
        Movie read = new AvroSerde<>(Movie.class).decode(encodedWith(v1, old));

        assertThat(read.getTitle()).isEqualTo("Star Wars (1977)");
        assertThat(read.getRuntime()).isEqualTo(121);
        assertThat(read.getImdbRating()).isNull();
        assertThat(read.getImdbVotes()).isNull();
    }

    @Test
    void garbageBytesRaiseSerializationException() {
        assertThatThrownBy(() -> ratings.decode(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RatingEvent");
    }

    @Test
    void unknownFingerprintRaisesSerializationException() {
        byte[] bytes = ratings.encode(RatingEvent.newBuilder().setEventId("e").setUserId("u").setItemId("i")
                .setRating(1f).setTimestamp(Instant.EPOCH).build());
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> ratings.decode(bytes)).isInstanceOf(SerializationException.class);
    }

    @Test
    void everyTopicHasDistinctName() {
        assertThat(Topics.ingestTopics()).extracting(Topic::name).doesNotHaveDuplicates()
                .containsExactly("ratings", "movies", "users");
        assertThat(Topics.MOVIES.compacted()).isTrue();
        assertThat(Topics.RATINGS.compacted()).isFalse();
    }

    @Test
    void pipelineTopicsAreTheIngestTopicsThenTheModelTopics() {
        assertThat(Topics.pipelineTopics()).extracting(Topic::name).doesNotHaveDuplicates()
                .containsExactly("ratings", "movies", "users", "model-chunks", "model-manifests", "model-active");
    }

    /** The record as a producer holding only {@code schema} wrote it: single-object encoded, with that schema's fingerprint. */
    private static byte[] encodedWith(Schema schema, GenericRecord record) throws Exception {
        ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
