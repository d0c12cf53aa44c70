package io.reelfm.serving.topology;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.errors.SerializationException;

/**
 * What serving knows about one item's audience: how many ratings it got, their sum (for the
 * mean and the Bayesian average), the newest event time, and a {@link TimeBuckets} ring per
 * {@link TrendWindow}. Aggregated per item on a stream repartitioned by item id, then broadcast
 * so every instance can rank all items locally. Mutable inside the aggregator only.
 *
 * <p>Read back from bytes, only the head (count, sum, newest event) is decoded at once; the body
 * (trend rings, segment counts, histogram) is checked for shape then and decoded on first use.
 * A popular chart over the whole catalogue needs the head alone, and decoding every body of a
 * 62,000-item store allocated about 100 MB and, under load, held a core for seconds.
 */
public final class ItemStats {

    private static final int FORMAT = 3;
    /** The format before the rating histogram; still read, with an empty histogram. */
    private static final int FORMAT_WITHOUT_HISTOGRAM = 2;
    /** Format byte, count, sum, newest event time. */
    private static final int HEAD_BYTES = 1 + 8 + 8 + 8;

    private long count;
    private double sum;
    private long lastEventTime = Long.MIN_VALUE;
    /** The bytes this was read from while its body is not decoded yet; guarded by {@code this}. */
    private byte[] encoded;
    /** Null until first needed when read from bytes; guarded by {@code this} until then. */
    private volatile Body body;

    /** Trend rings, segment counts and the histogram: the part a chart does not need. */
    private static final class Body {
        final Map<TrendWindow, TimeBuckets> trends = new EnumMap<>(TrendWindow.class);
        final Map<String, double[]> segments = new TreeMap<>();
        /** Ratings per half-star bin (the rating rounded to the nearest 0.5), for the distribution chart. */
        final TreeMap<Float, Long> histogram = new TreeMap<>();

        Body() {
            for (TrendWindow w : TrendWindow.values()) {
                trends.put(w, new TimeBuckets(w.bucketMillis(), w.buckets()));
            }
        }
    }

    public ItemStats() {
        this.body = new Body();
    }

    private Body body() {
        Body b = body;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (body == null) {
                body = decodeBody(encoded);
                encoded = null;
            }
            return body;
        }
    }

    public ItemStats add(float rating, long timestamp) {
        return add(rating, timestamp, java.util.List.of());
    }

    /** Counts a rating, also under each audience segment of the rater (see {@link ProfileSegments}). */
    public ItemStats add(float rating, long timestamp, java.util.List<String> raterSegments) {
        Body b = body();
        for (String seg : raterSegments) {
            double[] cs = b.segments.computeIfAbsent(seg, x -> new double[2]);
            cs[0]++;
            cs[1] += rating;
        }
        count++;
        sum += rating;
        b.histogram.merge(bin(rating), 1L, Long::sum);
        lastEventTime = Math.max(lastEventTime, timestamp);
        b.trends.values().forEach(t -> t.add(timestamp));
        return this;
    }

    static float bin(float rating) {
        return Math.round(rating * 2) / 2f;
    }

    /** Ratings of this item per half-star bin, lowest first. */
    public java.util.SortedMap<Float, Long> histogram() {
        return java.util.Collections.unmodifiableSortedMap(body().histogram);
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** Newest event time seen, or {@code Long.MIN_VALUE} before the first rating. */
    public long lastEventTime() {
        return lastEventTime;
    }

    /**
     * IMDb's weighted rating: the mean pulled toward the catalogue mean {@code globalMean} with
     * the weight of {@code minVotes} ratings, so an item with two 5-star ratings does not
     * outrank one with a thousand 4.5-star ratings.
     */
    public double bayesianAverage(double globalMean, int minVotes) {
        double v = count;
        return v + minVotes == 0 ? globalMean : (v * mean() + minVotes * globalMean) / (v + minVotes);
    }

    /**
     * How well the item rates within the given audience segments: per segment, the segment's
     * mean pulled toward the item's overall mean with the weight of {@code minVotes} ratings,
     * averaged over the segments. Items rated by nobody in the segments score their overall mean.
     */
    public double segmentScore(java.util.List<String> wanted, int minVotes) {
        if (wanted.isEmpty()) {
            return mean();
        }
        Map<String, double[]> segments = body().segments;
        double total = 0;
        for (String seg : wanted) {
            double[] cs = segments.get(seg);
            double v = cs == null ? 0 : cs[0];
            double sum = cs == null ? 0 : cs[1];
            total += v + minVotes == 0 ? mean() : (sum + minVotes * mean()) / (v + minVotes);
        }
        return total / wanted.size();
    }

    /** Ratings of the item by raters in one segment. */
    public long segmentCount(String segment) {
        double[] cs = body().segments.get(segment);
        return cs == null ? 0 : (long) cs[0];
    }

    /** Ratings within {@code window} ending at {@code now} (bucket granularity). */
    public long trendCount(TrendWindow window, long now) {
        return body().trends.get(window).countAt(now);
    }

    /**
     * The stored format ({@link StateBytes}: a format byte, count, sum, newest event time, the
     * trend rings, the segment counts and the histogram). Statistics read from bytes and not
     * changed since give back those bytes: every instance's global thread puts each broadcast
     * update into its store, and decoding and re-encoding it there took as much of that thread as
     * all the rest.
     */
    public byte[] toBytes() {
        if (body == null) {
            synchronized (this) {
                if (encoded != null) {
                    return encoded;
                }
            }
        }
        Body b = body();
        int size = HEAD_BYTES + 1;
        for (Map.Entry<TrendWindow, TimeBuckets> e : b.trends.entrySet()) {
            size += StateBytes.utfSize(e.getKey().label()) + 8 + 4 + 8 * e.getValue().rawCounts().length;
        }
        size += 4;
        for (String segment : b.segments.keySet()) {
            size += StateBytes.utfSize(segment) + 16;
        }
        size += 4 + 12 * b.histogram.size();
        StateBytes.Writer out = new StateBytes.Writer(size).writeByte(FORMAT).writeLong(count).writeDouble(sum)
                .writeLong(lastEventTime).writeByte(b.trends.size());
        for (Map.Entry<TrendWindow, TimeBuckets> e : b.trends.entrySet()) {
            out.writeUtf(e.getKey().label()).writeLong(e.getValue().newestBucket());
            long[] c = e.getValue().rawCounts();
            out.writeInt(c.length);
            for (long v : c) {
                out.writeLong(v);
            }
        }
        out.writeInt(b.segments.size());
        for (Map.Entry<String, double[]> e : b.segments.entrySet()) {
            out.writeUtf(e.getKey()).writeDouble(e.getValue()[0]).writeDouble(e.getValue()[1]);
        }
        out.writeInt(b.histogram.size());
        for (Map.Entry<Float, Long> e : b.histogram.entrySet()) {
            out.writeFloat(e.getKey()).writeLong(e.getValue());
        }
        return out.bytes();
    }

    /**
     * Reads the head and checks the whole record's shape, so bad bytes fail here, at the
     * deserialiser, as they always did; the body is decoded on first use.
     *
     * @throws SerializationException when the bytes are not an item-stats record
     */
    public static ItemStats fromBytes(byte[] bytes) {
        StateBytes.Reader in = new StateBytes.Reader(bytes, 0, "item stats");
        int format = in.readByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_HISTOGRAM) {
            throw new SerializationException("unsupported item stats format " + format);
        }
        ItemStats s = new ItemStats(bytes);
        s.count = in.readLong();
        s.sum = in.readDouble();
        s.lastEventTime = in.readLong();
        readBody(in, format, bytes.length, null);
        return s;
    }

    private ItemStats(byte[] encoded) {
        this.encoded = encoded;
    }

    /** The body of bytes that {@link #fromBytes} has already checked. */
    private static Body decodeBody(byte[] bytes) {
        StateBytes.Reader in = new StateBytes.Reader(bytes, HEAD_BYTES, "item stats");
        Body b = new Body();
        readBody(in, bytes[0], bytes.length, b);
        return b;
    }

    /** Walks the body; fills {@code into} when given, else only checks and skips. */
    private static void readBody(StateBytes.Reader in, int format, int length, Body into) {
        int windows = in.readByte();
        for (int i = 0; i < windows; i++) {
            String label = in.readUtf();
            long newest = in.readLong();
            int n = in.readInt();
            if (n < 1 || n > 10_000) {
                throw new SerializationException("corrupt item stats: " + n + " buckets");
            }
            if (into == null) {
                in.skip(8L * n);
                continue;
            }
            long[] counts = new long[n];
            for (int j = 0; j < n; j++) {
                counts[j] = in.readLong();
            }
            TrendWindow.parse(label).ifPresent(w -> {
                if (n == w.buckets()) {
                    into.trends.put(w, new TimeBuckets(w.bucketMillis(), counts, newest));
                }
            });
        }
        int segs = in.readInt();
        if (segs < 0 || segs > length) {
            throw new SerializationException("corrupt item stats: " + segs + " segments");
        }
        for (int i = 0; i < segs; i++) {
            if (into == null) {
                in.skip(in.readUnsignedShort() + 16L);
            } else {
                into.segments.put(in.readUtf(), new double[] {in.readDouble(), in.readDouble()});
            }
        }
        if (format == FORMAT) {
            int bins = in.readInt();
            if (bins < 0 || bins > 1_000) {
                throw new SerializationException("corrupt item stats: " + bins + " histogram bins");
            }
            if (into == null) {
                in.skip(12L * bins);
            } else {
                for (int i = 0; i < bins; i++) {
                    into.histogram.put(in.readFloat(), in.readLong());
                }
            }
        }
    }
}
