package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An 8-bit copy of an {@link ItemMatrix}'s vectors, scanned before the float vectors so that only
 * the items that can still reach the top n are scored exactly. The answer is the exact one, bit
 * for bit: the 8-bit pass only decides which items are worth the exact score, and it decides with
 * a proven error bound, never a guess.
 *
 * <p>Why: a list asks for ten items out of tens of thousands, and the float scan streams four
 * bytes per factor per item. The codes stream one, and the SIMD kernel widens them in a register,
 * so the first pass costs about half of the float scan (see docs/benchmarks.md, "Catalogue scan
 * kernels"); the exact scores of the few hundred items left cost little beside it.
 *
 * <p>How: item i's vector v is stored as {@code scale_i * c} with {@code c} in [-127, 127] and
 * {@code scale_i = max_f |v_f| / 127} (one scale per item, so small vectors keep their precision).
 * For a query q the approximate score {@code a_i} differs from the exact float score {@code e_i}
 * by at most {@code d_i = scale_i * sum_f |q_f| * A + B * (|constant| + |bias_i| + |a_i|)}: the
 * half-step of rounding each code, plus the float rounding of both sums (A and B from the
 * standard bound for k + 4 roundings, with room to spare). With {@code L} the n-th largest of
 * {@code a_i - d_i}, at least n items score {@code >= L} exactly, so every item of the exact top n
 * has {@code a_i + d_i >= L}; only those are scored exactly, then selected in the usual order.
 *
 * <p>When the bound leaves more than {@link #MAX_CANDIDATE_SHARE} of the catalogue, the caller
 * scores everything exactly instead ({@link #topK} returns null): the result never depends on how
 * tight the bound is, only the time does. Vectors with values beyond 1e15 (or non-finite) have no
 * 8-bit copy at all ({@link #of} returns null).
 */
final class QuantizedScan {

    /** Beyond this share of candidates the exact rescoring would cost more than a float scan. */
    static final int MAX_CANDIDATE_SHARE = 16;

    /** Larger magnitudes could overflow a float sum; such models are scanned exactly. */
    private static final float LIMIT = 1e15f;

    private static final int B = ItemMatrix.BLOCK;

    private final int items;
    private final int k;
    private final byte[] codes;
    private final float[] scale;
    private final float[] bias;
    private final ScanKernel kernel;
    /** Rounding allowances of the bound, see the class comment. */
    private final float perScale;
    private final float perMagnitude;

    private QuantizedScan(int items, int k, byte[] codes, float[] scale, float[] bias, ScanKernel kernel) {
        this.items = items;
        this.k = k;
        this.codes = codes;
        this.scale = scale;
        this.bias = bias;
        this.kernel = kernel;
        // gamma_{k+4} = (k+4)u / (1 - (k+4)u), u = 2^-24: the relative error of k+4 float roundings
        double u = Math.scalb(1.0, -24);
        double gamma = (k + 4) * u / (1 - (k + 4) * u);
        // half a code step (plus the rounding of v/scale), and both sums' rounding of |v_f| <= 128 scale
        this.perScale = (float) (0.5 + Math.scalb(1.0, -16) + 2 * 128 * gamma);
        this.perMagnitude = (float) (4 * gamma);
    }

    /**
     * The 8-bit copy of factor-major blocks as {@link ItemMatrix} lays them out, or null when a
     * value is not finite, beyond {@link #LIMIT}, or so small that its scale would underflow.
     */
    static QuantizedScan of(float[] blocks, float[] bias, int items, int k, ScanKernel kernel) {
        if (k == 0 || items == 0) {
            return null;
        }
        byte[] codes = new byte[blocks.length];
        float[] scale = new float[items];
        for (int i = 0; i < items; i++) {
            if (!(Math.abs(bias[i]) <= LIMIT)) {
                return null;
            }
            int base = (i / B) * B * k + i % B;
            float max = 0f;
            for (int f = 0; f < k; f++) {
                float a = Math.abs(blocks[base + f * B]);
                if (!(a <= LIMIT)) {
                    return null;
                }
                max = Math.max(max, a);
            }
            if (max == 0f) {
                continue;
            }
            if (max < 1e-30f) {
                return null;
            }
            float s = max / 127f;
            scale[i] = s;
            for (int f = 0; f < k; f++) {
                int c = Math.round(blocks[base + f * B] / s);
                codes[base + f * B] = (byte) Math.max(-127, Math.min(127, c));
            }
        }
        return new QuantizedScan(items, k, codes, scale, bias, kernel);
    }

    /** Bytes of the codes and scales. */
    long bytes() {
        return codes.length + 4L * scale.length;
    }

    /** Length the two work arrays of {@link #topK} need: the items rounded up to whole blocks. */
    int workLength() {
        return (items + B - 1) / B * B;
    }

    /**
     * The exact top n (as {@link TopK#select(float[], int, BitSet)} over {@code exact}'s scores would
     * return), or null when the bound leaves too many candidates or the query is out of range.
     *
     * @param upper, lower work arrays of {@link #workLength()} floats, overwritten with each item's bounds
     */
    ScoredItems topK(ItemMatrix exact, float[] query, float constant, int n, BitSet excluded,
                     float[] upper, float[] lower) {
        float absQuery = 0f;
        for (int f = 0; f < k; f++) {
            absQuery += Math.abs(query[f]);
        }
        if (!(absQuery <= LIMIT) || !(Math.abs(constant) <= LIMIT) || n < 1) {
            return null;
        }
        float spread = absQuery * perScale;
        float absConstant = Math.abs(constant);
        int nBlocks = workLength() / B;
        for (int b = 0; b < nBlocks; b++) {
            int start = b * B;
            // the block's sums over codes first, then each turned into its upper bound in place
            float[] approx = upper;
            Arrays.fill(approx, start, start + B, 0f);
            kernel.accumulateCodes(codes, start * k, k, query, approx, start);
            int end = Math.min(items, start + B);
            for (int i = start; i < end; i++) {
                float a = (constant + bias[i]) + scale[i] * approx[i];
                float d = scale[i] * spread + perMagnitude * (absConstant + Math.abs(bias[i]) + Math.abs(a));
                approx[i] = a + d;
                lower[i] = a - d;
            }
        }
        float threshold = nthLargest(lower, n, excluded);
        int limit = Math.max(n, items / MAX_CANDIDATE_SHARE);
        int[] candidates = new int[Math.min(items, Math.max(64, 4 * n))];
        int m = 0;
        for (int i = 0; i < items; i++) {
            if (upper[i] >= threshold && (excluded == null || !excluded.get(i))) {
                if (m == limit) {
                    return null;
                }
                if (m == candidates.length) {
                    candidates = Arrays.copyOf(candidates, Math.min(limit, 2 * m));
                }
                candidates[m++] = i;
            }
        }
        TopK top = new TopK(Math.min(n, items));
        for (int j = 0; j < m; j++) {
            top.offer(candidates[j], exact.score(candidates[j], query, constant));
        }
        return top.result();
    }

    /**
     * The n-th largest of {@code values[0, items)} outside {@code excluded}, or -infinity when
     * fewer than n remain. A 1-in-16 sample's n-th largest is at most the answer, so only the
     * values at or above it (a few times n) reach a heap; the rest cost one comparison each.
     */
    private float nthLargest(float[] values, int n, BitSet excluded) {
        TopK sample = new TopK(n);
        for (int i = 0; i < items; i += 16) {
            if (excluded == null || !excluded.get(i)) {
                sample.offer(i, values[i]);
            }
        }
        float floor = sample.threshold();
        TopK top = new TopK(n);
        for (int i = 0; i < items; i++) {
            if (values[i] >= floor && (excluded == null || !excluded.get(i))) {
                top.offer(i, values[i]);
            }
        }
        return top.threshold();
    }

}
