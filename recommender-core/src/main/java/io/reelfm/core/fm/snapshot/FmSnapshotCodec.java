package io.reelfm.core.fm.snapshot;

import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.InteractionWeight;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The published form of an {@link FmSnapshot} ({@code RFM2}): what the trainer writes to the
 * snapshot topics and serving reads back. It carries exactly what {@link FmItemScorer} needs, so
 * a served prediction from the decoded snapshot equals one from the exported snapshot bit for bit:
 * task, k, global bias, target range, fold-in prior, the user-side features (profile values and
 * implicit items: group, name, weight, factors), and per item its id, bias b_i, retrieval vector
 * q_i and, for MCMC models, the posterior variance of q_i.
 *
 * <p>Item-side feature parameters (item ids, genres, decades) are not written: b_i and q_i already
 * sum them, so the payload grows with items plus features and never with users. A decoded
 * snapshot therefore knows only the user-side features and has no item-id factors.
 *
 * <p>Layout, big-endian: magic {@code "RFM2"}, format version, task ordinal (byte), k, w0, min and
 * max target, prior (ridgeW, meanW, perRating byte, k ridgeV, k meanV), feature count F, F times
 * (group ordinal byte, name), F weights, F*k factors, item count N, N ids, N biases, N*k
 * retrieval floats, a variance flag byte and, when set, N*k variances. Strings are an unsigned
 * 16-bit byte length and UTF-8. A {@link FmTask#RANKING} snapshot is format version 2 and ends
 * with its implicit loss: reg, unobserved weight and exponent (doubles), then the interaction
 * weight's scale minimum, maximum and liked boost (floats), the calibration strength of served
 * lists (double), the number of genre ids G, and per item a count byte and that many genre ids
 * (unsigned shorts, below G); rating snapshots stay version 1, byte
 * for byte what earlier readers take. Nothing may follow.
 */
public final class FmSnapshotCodec {

    /** {@code "RFM2"} in ASCII. */
    public static final int MAGIC = 0x52464D32;
    public static final int VERSION = 1;
    /** The version of RANKING snapshots, which carry their implicit loss. */
    public static final int RANKING_VERSION = 2;
    private static final int RANKING_TRAILER = 3 * 8 + 3 * 4 + 8;
    private static final int MAX_K = 100_000;

    private FmSnapshotCodec() {
    }

    /**
     * A ranking snapshot with a re-ranker: magic {@code "RRK1"}, the RFM2 snapshot's length and bytes,
     * then the network's ({@link DeepFmNet#encode}). A reader that knows only RFM2 refuses it by its
     * magic rather than serving the retrieval order under the re-ranked model's name.
     */
    public static final int RERANKED_MAGIC = 0x52524B31;

    /** True when {@code payload} starts with this format's magic number (any version), or is a re-ranked snapshot. */
    public static boolean isSnapshot(byte[] payload) {
        if (payload == null || payload.length < 4) {
            return false;
        }
        int magic = ByteBuffer.wrap(payload).getInt();
        return magic == MAGIC || magic == RERANKED_MAGIC;
    }

    public static byte[] encode(FmSnapshot s) {
        if (s.reranker() == null) {
            return encodeRfm2(s);
        }
        byte[] inner = encodeRfm2(s);
        byte[] net = s.reranker().encode();
        return ByteBuffer.allocate(8 + inner.length + net.length).putInt(RERANKED_MAGIC).putInt(inner.length).put(inner)
                .put(net).array();
    }

    private static byte[] encodeRfm2(FmSnapshot s) {
        int k = s.k();
        FeatureSpace space = s.features();
        int[] kept = userSideFeatures(space);
        byte[][] names = new byte[kept.length][];
        long size = 4L + 4 + 1 + 4 + 4 * 3 + 4 + 4 + 1 + 8L * k + 4 + 4;
        for (int j = 0; j < kept.length; j++) {
            names[j] = utf8(space.name(kept[j]));
            size += 1 + 2 + names[j].length + 4 + 4L * k;
        }
        int n = s.items();
        byte[][] ids = new byte[n][];
        boolean variance = hasVariance(s);
        for (int i = 0; i < n; i++) {
            ids[i] = utf8(s.itemId(i));
            size += 2 + ids[i].length + 4 + 4L * k * (variance ? 2 : 1);
        }
        size += 1;
        boolean ranking = s.task() == FmTask.RANKING;
        if (ranking) {
            size += RANKING_TRAILER + 4;
            for (int i = 0; i < n; i++) {
                size += 1 + 2L * s.genres().of(i).length;
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("snapshot too large for one payload: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.putInt(MAGIC).putInt(ranking ? RANKING_VERSION : VERSION).put((byte) s.task().ordinal()).putInt(k)
                .putFloat(s.globalBias()).putFloat(s.minTarget()).putFloat(s.maxTarget());
        FoldInPrior p = s.prior();
        b.putFloat(p.ridgeW()).putFloat(p.meanW()).put((byte) (p.perRating() ? 1 : 0));
        putFloats(b, p.ridgeV());
        putFloats(b, p.meanV());
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
        b.putInt(n);
        for (byte[] id : ids) {
            putString(b, id);
        }
        putFloats(b, s.itemBiasArray());
        putFloats(b, s.retrievalArray());
        b.put((byte) (variance ? 1 : 0));
        if (variance) {
            putFloats(b, s.retrievalVarianceArray());
        }
        if (ranking) {
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
            for (int i = 0; i < n; i++) {
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
        return b.array();
    }

    /**
     * @throws IllegalArgumentException when the payload is not an RFM2 snapshot, is of another
     *                                  format version, truncated, inconsistent or followed by extra bytes
     */
    public static FmSnapshot decode(byte[] payload) {
        if (payload == null) {
            throw new IllegalArgumentException("snapshot payload is null");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        try {
            if (payload.length >= 8 && b.getInt(0) == RERANKED_MAGIC) {
                int length = b.getInt(4);
                if (length < 0 || length > payload.length - 8) {
                    throw new IllegalArgumentException("re-ranked snapshot announces " + length + " snapshot bytes of "
                            + (payload.length - 8));
                }
                FmSnapshot inner = decode(java.util.Arrays.copyOfRange(payload, 8, 8 + length));
                return inner.withReranker(DeepFmNet.decode(java.util.Arrays.copyOfRange(payload, 8 + length, payload.length)));
            }
            return read(b);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated RFM2 snapshot: " + payload.length + " bytes end before "
                    + "the data they announce", e);
        }
    }

    private static FmSnapshot read(ByteBuffer b) {
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException("not an RFM2 snapshot: magic 0x" + Integer.toHexString(magic));
        }
        int version = b.getInt();
        if (version != VERSION && version != RANKING_VERSION) {
            throw new IllegalArgumentException("unsupported RFM2 format version " + version + " (this reader knows "
                    + VERSION + " and " + RANKING_VERSION + ")");
        }
        int task = b.get();
        if (task < 0 || task >= FmTask.values().length) {
            throw new IllegalArgumentException("snapshot task: unknown ordinal " + task);
        }
        if ((FmTask.values()[task] == FmTask.RANKING) != (version == RANKING_VERSION)) {
            throw new IllegalArgumentException("snapshot task " + FmTask.values()[task] + " in format version " + version);
        }
        int k = b.getInt();
        if (k < 0 || k > MAX_K) {
            throw new IllegalArgumentException("snapshot k: implausible value " + k);
        }
        float w0 = b.getFloat();
        float min = b.getFloat();
        float max = b.getFloat();
        float ridgeW = b.getFloat();
        float meanW = b.getFloat();
        boolean perRating = b.get() != 0;
        float[] ridgeV = floats(b, k);
        float[] meanV = floats(b, k);
        FoldInPrior prior = new FoldInPrior(ridgeW, ridgeV, meanW, meanV, perRating);

        int features = count(b, "feature", 4L + 4L * k);
        FeatureSpace space = new FeatureSpace();
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
        float[] w = floats(b, features);
        float[] v = floats(b, (int) ((long) features * k));

        int n = count(b, "item", 2L + 4L + 4L * k);
        String[] ids = new String[n];
        Set<String> seen = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = getString(b);
            if (!seen.add(ids[i])) {
                throw new IllegalArgumentException("snapshot item " + i + ": duplicate id " + ids[i]);
            }
        }
        float[] bias = floats(b, n);
        float[] retrieval = floats(b, (int) ((long) n * k));
        int flag = b.get();
        if (flag != 0 && flag != 1) {
            throw new IllegalArgumentException("snapshot variance flag must be 0 or 1, got " + flag);
        }
        float[] variance = flag == 1 ? floats(b, (int) ((long) n * k)) : null;
        ImplicitPrior implicit = null;
        InteractionWeight weight = null;
        double calibration = 0;
        int[][] genres = new int[0][];
        int genreCount = 0;
        if (version == RANKING_VERSION) {
            implicit = new ImplicitPrior(b.getDouble(), b.getDouble(), b.getDouble());
            weight = new InteractionWeight(b.getFloat(), b.getFloat(), b.getFloat());
            calibration = b.getDouble();
            genreCount = b.getInt();
            if (genreCount < 0 || genreCount > 0xFFFF) {
                throw new IllegalArgumentException("snapshot genre count: implausible value " + genreCount);
            }
            genres = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] g = new int[Byte.toUnsignedInt(b.get())];
                for (int j = 0; j < g.length; j++) {
                    g[j] = Short.toUnsignedInt(b.getShort());
                }
                genres[i] = g;
            }
        }
        if (b.hasRemaining()) {
            throw new IllegalArgumentException("RFM2 snapshot has " + b.remaining() + " unexpected trailing bytes");
        }
        return new FmSnapshot(FmTask.values()[task], k, w0, min, max, prior, space, w, v, ids, bias, null, retrieval,
                variance, implicit, weight, calibration, genres, genreCount);
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

    private static int[] userSideFeatures(FeatureSpace space) {
        return java.util.stream.IntStream.range(0, space.size())
                .filter(j -> space.group(j).side() == FeatureGroup.Side.USER).toArray();
    }

    private static boolean hasVariance(FmSnapshot s) {
        return s.retrievalVarianceArray() != null;
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

    private static String getString(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putFloats(ByteBuffer b, float[] values) {
        b.asFloatBuffer().put(values);
        b.position(b.position() + values.length * Float.BYTES);
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
