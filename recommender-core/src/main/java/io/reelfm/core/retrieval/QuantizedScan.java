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
 * <p>The codes are kept in falling order of the items' norms, and the scan stops at the first
 * block where no item from there on can reach the n-th best lower bound seen so far, by
 * Cauchy-Schwarz ({@link #blockBound}). A trained catalogue's norms fall steeply with popularity,
 * and a list is drawn mostly from the items with the largest ones, so a scan usually reads the
 * head of the catalogue only; a catalogue of equal norms is read whole, as before. The answer
 * does not depend on where the scan stops.
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

    /**
     * {@code -Dreelfm.scan.prune=false} reads every block, for measuring the early stop against the
     * whole pass; the lists are the same either way.
     */
    private static final boolean STOP_EARLY = !"false".equals(System.getProperty("reelfm.scan.prune"));

    private final int items;
    private final int k;
    /** Codes in scan order: the items by falling norm ({@link #order}), factor-major per block. */
    private final byte[] codes;
    /** Per scan position: the code scale, the bias and the item it holds. */
    private final float[] scale;
    private final float[] bias;
    private final int[] order;
    /**
     * Per block of the scan order, over that block and every later one: the largest norm, the
     * largest bias and the largest absolute bias, what {@link #blockBound} needs to prove that no
     * item from there on can reach the list.
     */
    private final double[] tailNorm;
    private final double[] tailBias;
    private final double[] tailAbsBias;
    private final ScanKernel kernel;
    /** Passes made and blocks they read, for {@link #readShare}. */
    private final java.util.concurrent.atomic.LongAdder passes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder blocksRead = new java.util.concurrent.atomic.LongAdder();
    /** Rounding allowances of the bound, see the class comment. */
    private final float perScale;
    private final float perMagnitude;
    /** Relative rounding allowance of an exact score against its real value (gamma_{k+4}). */
    private final double gamma;

    private QuantizedScan(int items, int k, byte[] codes, float[] scale, float[] bias, int[] order, double[] norms,
                          ScanKernel kernel) {
        this.items = items;
        this.k = k;
        this.codes = codes;
        this.scale = scale;
        this.bias = bias;
        this.order = order;
        this.kernel = kernel;
        // gamma_{k+4} = (k+4)u / (1 - (k+4)u), u = 2^-24: the relative error of k+4 float roundings
        double u = Math.scalb(1.0, -24);
        this.gamma = (k + 4) * u / (1 - (k + 4) * u);
        // half a code step (plus the rounding of v/scale), and both sums' rounding of |v_f| <= 128 scale
        this.perScale = (float) (0.5 + Math.scalb(1.0, -16) + 2 * 128 * gamma);
        this.perMagnitude = (float) (4 * gamma);
        int nBlocks = (items + B - 1) / B;
        this.tailNorm = new double[nBlocks + 1];
        this.tailBias = new double[nBlocks + 1];
        this.tailAbsBias = new double[nBlocks + 1];
        tailBias[nBlocks] = Double.NEGATIVE_INFINITY;
        for (int b = nBlocks - 1; b >= 0; b--) {
            double norm = tailNorm[b + 1];
            double most = tailBias[b + 1];
            double abs = tailAbsBias[b + 1];
            for (int i = b * B; i < Math.min(items, (b + 1) * B); i++) {
                norm = Math.max(norm, norms[i]);
                most = Math.max(most, bias[i]);
                abs = Math.max(abs, Math.abs(bias[i]));
            }
            tailNorm[b] = norm;
            tailBias[b] = most;
            tailAbsBias[b] = abs;
        }
    }

    /**
     * The 8-bit copy of factor-major blocks as {@link ItemMatrix} lays them out, or null when a
     * value is not finite, beyond {@link #LIMIT}, or so small that its scale would underflow.
     */
    static QuantizedScan of(float[] blocks, float[] bias, int items, int k, ScanKernel kernel) {
        if (k == 0 || items == 0) {
            return null;
        }
        double[] norm = new double[items];
        for (int i = 0; i < items; i++) {
            if (!(Math.abs(bias[i]) <= LIMIT)) {
                return null;
            }
            int base = (i / B) * B * k + i % B;
            double sum = 0;
            for (int f = 0; f < k; f++) {
                float a = Math.abs(blocks[base + f * B]);
                if (!(a <= LIMIT)) {
                    return null;
                }
                sum += (double) a * a;
            }
            norm[i] = Math.sqrt(sum);
        }
        int[] order = java.util.stream.IntStream.range(0, items).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(i -> -norm[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        byte[] codes = new byte[blocks.length];
        float[] scale = new float[items];
        float[] scanBias = new float[items];
        double[] scanNorm = new double[items];
        for (int p = 0; p < items; p++) {
            int i = order[p];
            scanBias[p] = bias[i];
            scanNorm[p] = norm[i];
            int base = (i / B) * B * k + i % B;
            int to = (p / B) * B * k + p % B;
            float max = 0f;
            for (int f = 0; f < k; f++) {
                max = Math.max(max, Math.abs(blocks[base + f * B]));
            }
            if (max == 0f) {
                continue;
            }
            if (max < 1e-30f) {
                return null;
            }
            float s = max / 127f;
            scale[p] = s;
            for (int f = 0; f < k; f++) {
                int c = Math.round(blocks[base + f * B] / s);
                codes[to + f * B] = (byte) Math.max(-127, Math.min(127, c));
            }
        }
        return new QuantizedScan(items, k, codes, scale, scanBias, order, scanNorm, kernel);
    }

    /**
     * The share of the catalogue's blocks the passes so far read before stopping, averaged over
     * the passes; NaN before the first. How far the early stop cuts a pass depends on the model
     * (how steeply its norms fall) and on the users, so it is measured where it runs.
     */
    double readShare() {
        long n = passes.sum();
        return n == 0 ? Double.NaN : blocksRead() / ((double) n * (workLength() / B));
    }

    /** Blocks read by all passes so far. */
    long blocksRead() {
        return blocksRead.sum();
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
     *                     (by scan position)
     */
    ScoredItems topK(ItemMatrix exact, float[] query, float constant, int n, BitSet excluded,
                     float[] upper, float[] lower) {
        float absQuery = 0f;
        double squares = 0;
        for (int f = 0; f < k; f++) {
            absQuery += Math.abs(query[f]);
            squares += (double) query[f] * query[f];
        }
        if (!(absQuery <= LIMIT) || !(Math.abs(constant) <= LIMIT) || n < 1) {
            return null;
        }
        double queryNorm = Math.sqrt(squares);
        float spread = absQuery * perScale;
        float absConstant = Math.abs(constant);
        int nBlocks = workLength() / B;
        // the n best lower bounds so far: at least n items score at least the smallest of them
        TopK floor = new TopK(n);
        float threshold = Float.NEGATIVE_INFINITY;
        int b = 0;
        for (; b < nBlocks; b++) {
            if (STOP_EARLY && b > 0 && blockBound(b, queryNorm, constant) < threshold) {
                break;
            }
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
                float low = a - d;
                lower[i] = low;
                if (low >= threshold && (excluded == null || !excluded.get(order[i]))) {
                    floor.offer(i, low);
                }
            }
            threshold = floor.threshold();
        }
        passes.increment();
        blocksRead.add(b);
        int reached = Math.min(items, b * B);
        int limit = Math.max(n, items / MAX_CANDIDATE_SHARE);
        int[] candidates = new int[Math.min(items, Math.max(64, 4 * n))];
        int m = 0;
        for (int i = 0; i < reached; i++) {
            if (upper[i] >= threshold && (excluded == null || !excluded.get(order[i]))) {
                if (m == limit) {
                    return null;
                }
                if (m == candidates.length) {
                    candidates = Arrays.copyOf(candidates, Math.min(limit, 2 * m));
                }
                candidates[m++] = order[i];
            }
        }
        TopK top = new TopK(Math.min(n, items));
        for (int j = 0; j < m; j++) {
            top.offer(candidates[j], exact.score(candidates[j], query, constant));
        }
        return top.result();
    }

    /**
     * An upper bound on the exact score of every item from block {@code b} of the scan order on:
     * {@code constant + bias + <q, v> <= constant + bias + |q| |v|} (Cauchy-Schwarz), plus the
     * rounding of a float score's k + 4 operations against its real value, plus room for the
     * rounding of the norms themselves. When it is below the n-th best lower bound already seen,
     * no later item can reach the list, so the scan stops there: the catalogue is in falling order
     * of norm, and a list is mostly drawn from its items with the largest norms.
     */
    private double blockBound(int b, double queryNorm, float constant) {
        double dot = queryNorm * tailNorm[b];
        double real = constant + tailBias[b] + dot;
        return real + gamma * (Math.abs(constant) + tailAbsBias[b] + dot) * 2 + 1e-6 * dot + Double.MIN_NORMAL;
    }

}
