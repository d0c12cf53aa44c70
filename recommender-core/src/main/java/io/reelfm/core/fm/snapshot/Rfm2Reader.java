package io.reelfm.core.fm.snapshot;

import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.InteractionWeight;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one RFM2 snapshot (layout on {@link FmSnapshotCodec}) and checks it section by section:
 * the payload comes from a topic, so every count is checked against the bytes left before
 * anything is allocated for it, and every ordinal, flag and id against what a writer can produce.
 * Running out of bytes surfaces as {@link BufferUnderflowException}, which the codec reports.
 */
final class Rfm2Reader {

    private static final int MAX_K = 100_000;

    private Rfm2Reader() {
    }

    /** The snapshot {@code b} holds from its current position to its end; nothing may follow. */
    static FmSnapshot read(ByteBuffer b) {
        int version = version(b);
        FmTask task = task(b, version);
        int k = b.getInt();
        if (k < 0 || k > MAX_K) {
            throw new IllegalArgumentException("snapshot k: implausible value " + k);
        }
        float w0 = b.getFloat();
        float min = b.getFloat();
        float max = b.getFloat();
        FoldInPrior prior = prior(b, k);
        FeatureSpace space = new FeatureSpace();
        int features = featureNames(b, k, space);
        float[] w = floats(b, features);
        float[] v = floats(b, (int) ((long) features * k));
        int n = count(b, "item", 2L + 4L + 4L * k);
        String[] ids = itemIds(b, n);
        float[] bias = floats(b, n);
        float[] retrieval = floats(b, (int) ((long) n * k));
        int flag = b.get();
        if (flag != 0 && flag != 1) {
            throw new IllegalArgumentException("snapshot variance flag must be 0 or 1, got " + flag);
        }
        float[] variance = flag == 1 ? floats(b, (int) ((long) n * k)) : null;
        RankingParams ranking = trailer(b, version, n);
        return new FmSnapshot(task, k, w0, min, max, prior, space, w, v,
                new SnapshotItems(k, ids, bias, null, retrieval, variance), ranking);
    }

    private static int version(ByteBuffer b) {
        int magic = b.getInt();
        if (magic != FmSnapshotCodec.MAGIC) {
            throw new IllegalArgumentException("not an RFM2 snapshot: magic 0x" + Integer.toHexString(magic));
        }
        int version = b.getInt();
        if (version != FmSnapshotCodec.VERSION && version != FmSnapshotCodec.RANKING_VERSION) {
            throw new IllegalArgumentException("unsupported RFM2 format version " + version + " (this reader knows "
                    + FmSnapshotCodec.VERSION + " and " + FmSnapshotCodec.RANKING_VERSION + ")");
        }
        return version;
    }

    private static FmTask task(ByteBuffer b, int version) {
        int task = b.get();
        if (task < 0 || task >= FmTask.values().length) {
            throw new IllegalArgumentException("snapshot task: unknown ordinal " + task);
        }
        if ((FmTask.values()[task] == FmTask.RANKING) != (version == FmSnapshotCodec.RANKING_VERSION)) {
            throw new IllegalArgumentException("snapshot task " + FmTask.values()[task] + " in format version " + version);
        }
        return FmTask.values()[task];
    }

    private static FoldInPrior prior(ByteBuffer b, int k) {
        float ridgeW = b.getFloat();
        float meanW = b.getFloat();
        boolean perRating = b.get() != 0;
        float[] ridgeV = floats(b, k);
        float[] meanV = floats(b, k);
        return new FoldInPrior(ridgeW, ridgeV, meanW, meanV, perRating);
    }

    /** Reads the user-side features' groups and names into {@code space} and returns how many there are. */
    private static int featureNames(ByteBuffer b, int k, FeatureSpace space) {
        int features = count(b, "feature", 4L + 4L * k);
        FeatureGroup[] groups = FeatureGroup.values();
        for (int j = 0; j < features; j++) {
            int g = b.get();
            if (g < 0 || g >= groups.length || groups[g].side() != FeatureGroup.Side.USER) {
                throw new IllegalArgumentException("snapshot feature " + j + ": not a user-side group ordinal " + g);
            }
            String name = getString(b);
            if (space.indexOf(groups[g], name) != j) {
                throw new IllegalArgumentException("snapshot feature " + j + ": duplicate " + groups[g] + " " + name);
            }
        }
        return features;
    }

    private static String[] itemIds(ByteBuffer b, int n) {
        String[] ids = new String[n];
        Set<String> seen = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = getString(b);
            if (!seen.add(ids[i])) {
                throw new IllegalArgumentException("snapshot item " + i + ": duplicate id " + ids[i]);
            }
        }
        return ids;
    }

    /**
     * The end of the payload: a RANKING snapshot's implicit loss, calibration and genres, then
     * nothing. The genre table is checked only once the payload is known to end with it.
     */
    private static RankingParams trailer(ByteBuffer b, int version, int n) {
        if (version != FmSnapshotCodec.RANKING_VERSION) {
            requireEnd(b);
            return RankingParams.NONE;
        }
        ImplicitPrior implicit = new ImplicitPrior(b.getDouble(), b.getDouble(), b.getDouble());
        InteractionWeight weight = new InteractionWeight(b.getFloat(), b.getFloat(), b.getFloat());
        double calibration = b.getDouble();
        int genreCount = b.getInt();
        if (genreCount < 0 || genreCount > 0xFFFF) {
            throw new IllegalArgumentException("snapshot genre count: implausible value " + genreCount);
        }
        int[][] genres = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] g = new int[Byte.toUnsignedInt(b.get())];
            for (int j = 0; j < g.length; j++) {
                g[j] = Short.toUnsignedInt(b.getShort());
            }
            genres[i] = g;
        }
        requireEnd(b);
        return new RankingParams(implicit, weight, calibration, genres, genreCount, n);
    }

    private static void requireEnd(ByteBuffer b) {
        if (b.hasRemaining()) {
            throw new IllegalArgumentException("RFM2 snapshot has " + b.remaining() + " unexpected trailing bytes");
        }
    }

    /** Reads a count and checks that the rest of the payload can hold that many entries of at least {@code minBytes}. */
    private static int count(ByteBuffer b, String what, long minBytes) {
        int n = b.getInt();
        if (n < 0 || n * minBytes > b.remaining()) {
            throw new IllegalArgumentException("snapshot " + what + " count " + n + " does not fit the remaining "
                    + b.remaining() + " bytes");
        }
        return n;
    }

    private static String getString(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static float[] floats(ByteBuffer b, int n) {
        if ((long) n * Float.BYTES > b.remaining()) {
            throw new BufferUnderflowException();
        }
        float[] out = new float[n];
        b.asFloatBuffer().get(out);
        b.position(b.position() + n * Float.BYTES);
        return out;
    }
}
