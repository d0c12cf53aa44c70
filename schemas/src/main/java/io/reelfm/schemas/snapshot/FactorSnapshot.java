package io.reelfm.schemas.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Payload of a {@code kind = fm} model version (until recommender-core defines its own snapshot
 * format): the item-side half of a biased factorization model, what serving needs to score any
 * user by fold-in. It holds one bias and one factor vector per item plus the
 * global terms, never anything per user, so its size grows with the catalogue only. Immutable.
 *
 * <p>Payload format {@code RFM1} (big-endian): magic, format version, k, global bias, fold-in
 * regularization, item count, then per item its id (modified UTF-8), bias and k factors.
 *
 * @param foldInLambda the L2 regularization the learner used for user terms, which fold-in must
 *                     reuse so that folded-in users match the trained ones
 */
public record FactorSnapshot(int k, float globalBias, float foldInLambda, String[] itemIds, float[] itemBias,
                         float[] itemFactors) {

    private static final int MAGIC = 0x52464d31;
    private static final int FORMAT = 1;

    public FactorSnapshot {
        if (itemBias.length != itemIds.length || itemFactors.length != itemIds.length * k) {
            throw new IllegalArgumentException("item arrays disagree: " + itemIds.length + " ids, "
                    + itemBias.length + " biases, " + itemFactors.length + " factors for k=" + k);
        }
    }

    public int items() {
        return itemIds.length;
    }

    /** Item id → row, built on demand; callers that look up often should keep the map. */
    public Map<String, Integer> itemIndex() {
        Map<String, Integer> m = new HashMap<>(itemIds.length * 2);
        for (int i = 0; i < itemIds.length; i++) {
            m.put(itemIds[i], i);
        }
        return m;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + itemIds.length * (12 + 4 * (k + 1)));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(k);
            out.writeFloat(globalBias);
            out.writeFloat(foldInLambda);
            out.writeInt(itemIds.length);
            for (int i = 0; i < itemIds.length; i++) {
                out.writeUTF(itemIds[i]);
                out.writeFloat(itemBias[i]);
                for (int f = 0; f < k; f++) {
                    out.writeFloat(itemFactors[i * k + f]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static FactorSnapshot fromBytes(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("payload is not an RFM1 factor snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported snapshot format " + format);
            }
            int k = in.readInt();
            float mu = in.readFloat();
            float lambda = in.readFloat();
            int n = in.readInt();
            if (k < 1 || n < 0 || (long) n * (k + 1) * Float.BYTES > payload.length) {
                throw new IllegalArgumentException("factor snapshot header is inconsistent: k=" + k + ", items=" + n
                        + " in " + payload.length + " bytes");
            }
            String[] ids = new String[n];
            float[] bias = new float[n];
            float[] factors = new float[n * k];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                bias[i] = in.readFloat();
                for (int f = 0; f < k; f++) {
                    factors[i * k + f] = in.readFloat();
                }
            }
            return new FactorSnapshot(k, mu, lambda, ids, bias, factors);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated factor snapshot: " + e.getMessage(), e);
        }
    }
}
