package io.reelfm.core.fm.snapshot;

import io.reelfm.core.deepfm.DeepFmNet;

import java.util.Arrays;

/**
 * The per-item rows of an {@link FmSnapshot}: id, bias b_i, the item-id factor, retrieval vector
 * q_i and its posterior variance. They live together because every array is indexed by the same
 * item row and strided by the same k, and at a million items they are most of a snapshot's size,
 * so they are owned here and shared, never copied.
 */
final class SnapshotItems {

    private final int k;
    private final String[] ids;
    private final float[] bias;
    /** The item-id feature's own factors; null when the snapshot was decoded from its published form. */
    private final float[] factor;
    private final float[] retrieval;
    /** Posterior variance of q_i; null for point-estimate models. */
    private final float[] variance;

    /**
     * Takes ownership of the arrays (callers build them fresh and never touch them again). A
     * variance array of zeros is dropped, as point-estimate models have none.
     */
    SnapshotItems(int k, String[] ids, float[] bias, float[] factor, float[] retrieval, float[] variance) {
        this.k = k;
        this.ids = ids;
        this.bias = bias;
        this.factor = factor;
        this.retrieval = retrieval;
        this.variance = variance == null || allZero(variance) ? null : variance;
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return ids.length;
    }

    String id(int item) {
        return ids[item];
    }

    float bias(int item) {
        return bias[item];
    }

    /** @throws IllegalStateException when the rows were decoded and so carry no item-id factors */
    float[] factor(int item) {
        if (factor == null) {
            throw new IllegalStateException("item-id factors are not carried by a decoded snapshot");
        }
        return Arrays.copyOfRange(factor, item * k, item * k + k);
    }

    float[] retrievalVector(int item) {
        return Arrays.copyOfRange(retrieval, item * k, item * k + k);
    }

    float[] retrievalVariance(int item) {
        return variance == null ? new float[k] : Arrays.copyOfRange(variance, item * k, item * k + k);
    }

    float[] biasArray() {
        return bias;
    }

    float[] retrievalArray() {
        return retrieval;
    }

    float[] varianceArray() {
        return variance;
    }

    /**
     * @throws IllegalArgumentException unless {@code net} knows exactly these items in this order,
     *                                  since a re-ranker reads its candidates by row
     */
    void requireSameItems(DeepFmNet net) {
        if (net.features().items() != ids.length) {
            throw new IllegalArgumentException("re-ranker knows " + net.features().items() + " items, snapshot "
                    + ids.length);
        }
        for (int i = 0; i < ids.length; i++) {
            if (!ids[i].equals(net.features().itemId(i))) {
                throw new IllegalArgumentException("re-ranker's item " + i + " is " + net.features().itemId(i)
                        + ", the snapshot's " + ids[i]);
            }
        }
    }
}
