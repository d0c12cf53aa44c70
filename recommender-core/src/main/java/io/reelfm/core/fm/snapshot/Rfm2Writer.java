package io.reelfm.core.fm.snapshot;

import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Writes one snapshot in the RFM2 layout described on {@link FmSnapshotCodec}. The payload is
 * sized exactly before anything is written, so a snapshot too large for one message is refused
 * up front and the buffer is allocated once; writing and sizing therefore walk the same sections.
 */
final class Rfm2Writer {

    private static final int RANKING_TRAILER = 3 * 8 + 3 * 4 + 8;

    private final FmSnapshot s;
    private final int k;
    private final FeatureSpace space;
    /** Columns of the user-side features, the only ones the published form keeps. */
    private final int[] kept;
    private final byte[][] names;
    private final byte[][] ids;
    private final boolean variance;
    private final boolean ranking;

    private Rfm2Writer(FmSnapshot s) {
        this.s = s;
        this.k = s.k();
        this.space = s.features();
        this.kept = IntStream.range(0, space.size())
                .filter(j -> space.group(j).side() == FeatureGroup.Side.USER).toArray();
        this.names = new byte[kept.length][];
        for (int j = 0; j < kept.length; j++) {
            names[j] = utf8(space.name(kept[j]));
        }
        this.ids = new byte[s.items()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = utf8(s.itemId(i));
        }
        this.variance = s.retrievalVarianceArray() != null;
        this.ranking = s.task() == FmTask.RANKING;
    }

    /** The RFM2 bytes of {@code s}, without a re-ranker. */
    static byte[] write(FmSnapshot s) {
        return new Rfm2Writer(s).write();
    }

    private byte[] write() {
        long size = size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("snapshot too large for one payload: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.putInt(FmSnapshotCodec.MAGIC).putInt(ranking ? FmSnapshotCodec.RANKING_VERSION : FmSnapshotCodec.VERSION)
                .put((byte) s.task().ordinal()).putInt(k)
                .putFloat(s.globalBias()).putFloat(s.minTarget()).putFloat(s.maxTarget());
        FoldInPrior p = s.prior();
        b.putFloat(p.ridgeW()).putFloat(p.meanW()).put((byte) (p.perRating() ? 1 : 0));
        putFloats(b, p.ridgeV());
        putFloats(b, p.meanV());
        writeFeatures(b);
        writeItems(b);
        if (ranking) {
            writeRankingTrailer(b);
        }
        return b.array();
    }

    private long size() {
        long size = 4L + 4 + 1 + 4 + 4 * 3 + 4 + 4 + 1 + 8L * k + 4 + 4;
        for (byte[] name : names) {
            size += 1 + 2 + name.length + 4 + 4L * k;
        }
        for (byte[] id : ids) {
            size += 2 + id.length + 4 + 4L * k * (variance ? 2 : 1);
        }
        size += 1;
        if (ranking) {
            size += RANKING_TRAILER + 4;
            for (int i = 0; i < ids.length; i++) {
                size += 1 + 2L * s.genres().of(i).length;
            }
        }
        return size;
    }

    private void writeFeatures(ByteBuffer b) {
        b.putInt(kept.length);
        for (int j = 0; j < kept.length; j++) {
            b.put((byte) space.group(kept[j]).ordinal());
            putString(b, names[j]);
        }
        for (int j : kept) {
            b.putFloat(s.featureWeight(j));
        }
        for (int j : kept) {
            for (int f = 0; f < k; f++) {
                b.putFloat(s.featureFactor(j, f));
            }
        }
    }

    private void writeItems(ByteBuffer b) {
        b.putInt(ids.length);
        for (byte[] id : ids) {
            putString(b, id);
        }
        putFloats(b, s.itemBiasArray());
        putFloats(b, s.retrievalArray());
        b.put((byte) (variance ? 1 : 0));
        if (variance) {
            putFloats(b, s.retrievalVarianceArray());
        }
    }

    private void writeRankingTrailer(ByteBuffer b) {
        b.putDouble(s.implicitPrior().reg()).putDouble(s.implicitPrior().unobservedWeight())
                .putDouble(s.implicitPrior().exponent());
        b.putFloat(s.interactionWeight().min()).putFloat(s.interactionWeight().max())
                .putFloat(s.interactionWeight().likedBoost());
        b.putDouble(s.calibration());
        GenreSource genres = s.genres();
        if (genres.count() > 0xFFFF) {
            throw new IllegalArgumentException("more than 65535 genres: " + genres.count());
        }
        b.putInt(genres.count());
        for (int i = 0; i < ids.length; i++) {
            int[] g = genres.of(i);
            if (g.length > 255) {
                throw new IllegalArgumentException("item " + s.itemId(i) + " has more than 255 genres");
            }
            b.put((byte) g.length);
            for (int x : g) {
                b.putShort((short) x);
            }
        }
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("name longer than 65535 UTF-8 bytes: " + s.substring(0, 40) + "...");
        }
        return bytes;
    }

    private static void putString(ByteBuffer b, byte[] utf8) {
        b.putShort((short) utf8.length).put(utf8);
    }

    private static void putFloats(ByteBuffer b, float[] values) {
        b.asFloatBuffer().put(values);
        b.position(b.position() + values.length * Float.BYTES);
    }
}
