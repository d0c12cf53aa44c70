package io.reelfm.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record, using Avro single-object encoding: each value
 * carries the 64-bit fingerprint of its writer schema, which {@link ReelSchemaStore} resolves,
 * so consumers decode records from older producers without a schema registry service.
 *
 * <p>Any decoding failure surfaces as Kafka's {@link SerializationException}, which consumers
 * and the Streams deserialisation handler treat as a poison record rather than a crash.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    static {
        AvroTrust.ensureTrusted();
    }

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    /** Writes the same bytes as {@link #encoder} faster, for a record type on a hot path; null for Avro's. */
    private final Function<T, byte[]> handWritten;

    public AvroSerde(Class<T> type) {
        this(type, null);
    }

    /**
     * @param handWritten an encoder that writes exactly the single-object bytes Avro's would (held to
     *                    that by a test), or null; reading always goes through Avro's decoder
     */
    AvroSerde(Class<T> type, Function<T, byte[]> handWritten) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        var schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, ReelSchemaStore.instance());
        this.handWritten = handWritten;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        try {
            if (handWritten != null) {
                return handWritten.apply(value);
            }
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }
}
