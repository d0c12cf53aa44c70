package io.reelfm.core.fm.snapshot;

import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.fm.FmTask;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

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
 *
 * <p>{@link Rfm2Writer} and {@link Rfm2Reader} hold the two directions of this layout; this class
 * adds the re-ranked wrapper around it.
 */
public final class FmSnapshotCodec {

    /** {@code "RFM2"} in ASCII. */
    public static final int MAGIC = 0x52464D32;
    public static final int VERSION = 1;
    /** The version of RANKING snapshots, which carry their implicit loss. */
    public static final int RANKING_VERSION = 2;

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
            return Rfm2Writer.write(s);
        }
        byte[] inner = Rfm2Writer.write(s);
        byte[] net = s.reranker().encode();
        return ByteBuffer.allocate(8 + inner.length + net.length).putInt(RERANKED_MAGIC).putInt(inner.length).put(inner)
                .put(net).array();
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
                FmSnapshot inner = decode(Arrays.copyOfRange(payload, 8, 8 + length));
                return inner.withReranker(DeepFmNet.decode(Arrays.copyOfRange(payload, 8 + length, payload.length)));
            }
            return Rfm2Reader.read(b);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated RFM2 snapshot: " + payload.length + " bytes end before "
                    + "the data they announce", e);
        }
    }
}
