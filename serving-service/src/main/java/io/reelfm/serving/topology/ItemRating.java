package io.reelfm.serving.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;

import io.reelfm.schemas.RatingEvent;
import io.reelfm.schemas.Topics;

/**
 * The part of a rating that item-side figures read: the item, the rating, its event time and
 * the rater's audience segments. It is what serving writes for a rating past the user-keyed
 * steps (the by-item repartition topic, the rating side of the impression–rating join), instead
 * of the whole event with its event id, user, context and schema fingerprint (in a catch-up of 1M
 * ratings, 127 bytes a rating to those two topics against 259; docs/benchmarks.md, "Where serving's
 * CPU goes at the 25M shape").
 *
 * <p>Records of those topics and stores written before, whole events, still read: the format
 * byte of this layout is never the first byte of an Avro single-object encoding ({@code C3 01}),
 * and those are decoded as events, the segments taken from the context entry they were carried
 * in then.
 *
 * @param segments the rater's audience segments ({@link ProfileSegments}); empty where unknown
 */
public record ItemRating(String itemId, float rating, long timestamp, List<String> segments) {

    private static final int FORMAT = 1;
    /** The context entry earlier versions carried the rater's segments in, comma-separated. */
    static final String LEGACY_SEGMENTS_KEY = "reelfm.rater-segments";

    public ItemRating {
        segments = List.copyOf(segments);
    }

    /** The item-side part of a (usable) event, with the rater's segments. */
    public static ItemRating of(RatingEvent e, List<String> segments) {
        return new ItemRating(e.getItemId(), e.getRating(), e.getTimestamp().toEpochMilli(), segments);
    }

    /** Format byte, the item id, the rating, the event time, the segment count and the segments. */
    public byte[] toBytes() {
        int size = 1 + StateBytes.utfSize(itemId) + 4 + 8 + 1;
        for (String s : segments) {
            size += StateBytes.utfSize(s);
        }
        if (segments.size() > 255) {
            throw new SerializationException("too many segments to store: " + segments.size());
        }
        StateBytes.Writer out = new StateBytes.Writer(size).writeByte(FORMAT).writeUtf(itemId).writeFloat(rating)
                .writeLong(timestamp).writeByte(segments.size());
        for (String s : segments) {
            out.writeUtf(s);
        }
        return out.bytes();
    }

    public static ItemRating fromBytes(byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == 0x01) {
            return fromEvent(Topics.RATINGS.valueSerde().deserializer().deserialize(null, bytes));
        }
        StateBytes.Reader in = new StateBytes.Reader(bytes, 0, "item rating");
        int format = in.readByte();
        if (format != FORMAT) {
            throw new SerializationException("unsupported item rating format " + format);
        }
        String item = in.readUtf();
        float rating = in.readFloat();
        long timestamp = in.readLong();
        int n = in.readByte() & 0xff;
        List<String> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segments.add(in.readUtf());
        }
        if (in.position() != bytes.length) {
            throw new SerializationException("corrupt item rating: " + (bytes.length - in.position()) + " bytes left over");
        }
        return new ItemRating(item, rating, timestamp, segments);
    }

    /** An event as earlier versions wrote it, its segments (if any) in a context entry. */
    private static ItemRating fromEvent(RatingEvent e) {
        Map<String, String> context = e.getContext();
        String s = context == null ? null : context.get(LEGACY_SEGMENTS_KEY);
        return of(e, s == null || s.isEmpty() ? List.of() : List.of(s.split(",")));
    }
}
