package io.reelfm.core.retrieval;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

import java.util.BitSet;

/**
 * The catalogue as a matrix of retrieval vectors plus one bias per item, laid out so that scoring
 * every item ({@code out_i = bias_i + <query, q_i>}) streams the matrix exactly once at memory
 * bandwidth. Items are stored in blocks of {@value #BLOCK}; inside a block the layout is
 * factor-major ({@code block[f * BLOCK + i]}), so the inner loop is an {@code out += column * p_f}
 * over a cache-resident slice of {@code out}, done by a {@link ScanKernel} (SIMD where the JVM
 * offers it). A row-major dot per item cannot be vectorised (float reductions keep their order)
 * and ran about 1.4x slower; ND4J's gemv was 1.2x slower (1M x 64, see docs/benchmarks.md).
 *
 * <p>Immutable and thread-safe; {@link #scoreAll} writes only to the caller's array.
 * {@link #topK} borrows its work arrays (the scores, or the 8-bit pass's two bounds) from a small
 * pool, so serving a list allocates no array of the catalogue's size while at most
 * {@link #POOLED} lists are being scored at once: one such array
 * per list was 44 % of a serving instance's allocation at 62,000 items and set its young
 * collections' pace; at a million items (4 MB) each would be a humongous allocation.
 */
public final class ItemMatrix {

    /** Items per block: 256 floats of {@code out} and one factor column stay in L1. */
    public static final int BLOCK = 256;

    /**
     * Work arrays kept for reuse: one pair per core (a core scores one list at a time), at most 8,
     * so an idle matrix holds at most 64 bytes per item beyond its vectors. Scans beyond that
     * allocate as before.
     */
    static final int POOLED = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private final int items;
    private final int k;
    private final float[] blocks;
    /**
     * The caller's row-major vectors, kept as given (not copied) for reading single items: one item
     * there is k contiguous floats, where in {@link #blocks} it is k floats a block's width apart,
     * a cache line each. Explaining a list reads a hundred rated items' vectors, and rescoring the
     * first pass's candidates a few dozen.
     */
    private final float[] rows;
    private final float[] bias;
    private final ScanKernel kernel;
    /** The 8-bit first pass of {@link #topK}; null where the values do not allow one or it is switched off. */
    private final QuantizedScan quantized;
    private final java.util.concurrent.ArrayBlockingQueue<float[][]> scratch =
            new java.util.concurrent.ArrayBlockingQueue<>(POOLED);
    /**
     * Work arrays that belong to the pool, at most {@link #POOLED}: the ones made beyond them, while
     * more lists than that are scored at once, are dropped after use instead of taking a pooled
     * array's place. Swapping them in kept young arrays of the catalogue's size alive, so each young
     * collection copied them again until they were old.
     */
    private final java.util.concurrent.atomic.AtomicInteger poolMembers = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * With the fastest kernel this JVM offers ({@link ScanKernel#best()}).
     *
     * @param rowMajor {@code rowMajor[i * k + f]}, the retrieval vector of item i; kept, not
     *                 copied, so it must not change afterwards
     * @param bias     one additive term per item (length = number of items)
     */
    public ItemMatrix(float[] rowMajor, float[] bias, int k) {
        this(rowMajor, bias, k, ScanKernel.best());
    }

    /** With a given kernel; every kernel returns the same scores, bit for bit. */
    public ItemMatrix(float[] rowMajor, float[] bias, int k, ScanKernel kernel) {
        if (k < 0 || (k == 0 ? rowMajor.length != 0 : rowMajor.length != bias.length * k)) {
            throw new IllegalArgumentException("rowMajor must hold bias.length * k = " + ((long) bias.length * k)
                    + " values, got " + rowMajor.length);
        }
        this.items = bias.length;
        this.k = k;
        this.rows = rowMajor;
        this.bias = bias.clone();
        this.kernel = kernel;
        int nBlocks = (items + BLOCK - 1) / BLOCK;
        this.blocks = new float[nBlocks * BLOCK * k];
        for (int i = 0; i < items; i++) {
            int b = i / BLOCK;
            int within = i % BLOCK;
            int base = b * BLOCK * k;
            for (int f = 0; f < k; f++) {
                blocks[base + f * BLOCK + within] = rowMajor[i * k + f];
            }
        }
        this.quantized = EXACT_ONLY ? null : QuantizedScan.of(blocks, this.bias, items, k, kernel);
    }

    /**
     * {@code -Dreelfm.scan.exact=true} scores every item with the float vectors in {@link #topK}
     * (no 8-bit first pass); the lists are the same either way, only the time differs.
     */
    private static final boolean EXACT_ONLY = Boolean.getBoolean("reelfm.scan.exact");

    public int items() {
        return items;
    }

    public int k() {
        return k;
    }

    /** Bytes of the float part (matrix + biases), what {@link #scoreAll} streams. */
    public long bytes() {
        return 4L * blocks.length + 4L * bias.length;
    }

    /** Bytes of the 8-bit copy {@link #topK} scans first (0 without one). */
    public long quantizedBytes() {
        return quantized == null ? 0 : quantized.bytes();
    }

    /**
     * {@code constant + bias_i + <query, q_i>} for one item, with the same roundings in the same
     * order as {@link #scoreAll}, so the two agree bit for bit.
     */
    public float score(int item, float[] query, float constant) {
        int base = item * k;
        float s = constant + bias[item];
        for (int f = 0; f < k; f++) {
            s += rows[base + f] * query[f];
        }
        return s;
    }

    public float bias(int item) {
        return bias[item];
    }

    /** {@code out[i] = constant + bias_i + <query, q_i>} for every item. */
    public void scoreAll(float[] query, float constant, float[] out) {
        if (query.length < k || out.length < items) {
            throw new IllegalArgumentException("query needs " + k + " and out " + items + " entries, got "
                    + query.length + " and " + out.length);
        }
        float[] tail = new float[BLOCK];
        int nBlocks = (items + BLOCK - 1) / BLOCK;
        for (int b = 0; b < nBlocks; b++) {
            int start = b * BLOCK;
            boolean full = start + BLOCK <= items;
            float[] dst = full ? out : tail;
            int o = full ? start : 0;
            int len = full ? BLOCK : items - start;
            for (int i = 0; i < len; i++) {
                dst[o + i] = constant + bias[start + i];
            }
            if (!full) {
                for (int i = len; i < BLOCK; i++) {
                    dst[i] = 0f;
                }
            }
            kernel.accumulate(blocks, b * BLOCK * k, k, query, dst, o);
            if (!full) {
                System.arraycopy(tail, 0, out, start, len);
            }
        }
    }

    /**
     * The best {@code n} items for a query, skipping {@code excluded} (may be null): exactly
     * {@code TopK.select} over {@link #scoreAll}'s scores. A short list out of a large catalogue
     * ({@code n} at most 1/{@value #SHORT_LIST} of the items) first scans the 8-bit copy and scores
     * exactly only the items that can still make the list ({@link QuantizedScan}).
     */
    public ScoredItems topK(float[] query, float constant, int n, BitSet excluded) {
        if (query.length < k) {
            throw new IllegalArgumentException("query needs " + k + " entries, got " + query.length);
        }
        float[][] work = scratch.poll();
        boolean pooled = work != null;
        if (work == null) {
            int length = quantized == null ? items : quantized.workLength();
            work = new float[][]{new float[length], quantized == null ? null : new float[length]};
            pooled = poolMembers.getAndUpdate(c -> Math.min(POOLED, c + 1)) < POOLED;
        }
        try {
            if (quantized != null && n >= 1 && (long) n * SHORT_LIST <= items) {
                ScoredItems top = quantized.topK(this, query, constant, n, excluded, work[0], work[1]);
                if (top != null) {
                    return top;
                }
            }
            float[] scores = work[0];
            scoreAll(query, constant, scores);
            // the block padding of a pooled array is never selected: TopK skips NaN
            java.util.Arrays.fill(scores, items, scores.length, Float.NaN);
            return TopK.select(scores, n, excluded);
        } finally {
            if (pooled) {
                scratch.offer(work);
            }
        }
    }

    /**
     * The share of the catalogue the 8-bit first pass of {@link #topK} read per list, averaged over
     * the lists it answered so far; NaN before the first or without an 8-bit copy.
     */
    public double firstPassShare() {
        return quantized == null ? Double.NaN : quantized.readShare();
    }

    /** Lists up to 1/64 of the catalogue take the 8-bit first pass; longer ones leave too many candidates. */
    static final int SHORT_LIST = 64;

    /** Score arrays waiting in the pool (for tests). */
    int pooledArrays() {
        return scratch.size();
    }

    /** The work arrays waiting in the pool now (for tests). */
    java.util.List<float[][]> pooled() {
        return java.util.List.copyOf(scratch);
    }

    /** The retrieval vector of one item (copied). */
    public float[] vector(int item) {
        float[] out = new float[k];
        copyVector(item, out, 0);
        return out;
    }

    /** Copies one item's retrieval vector into {@code out[offset, offset + k)}, for callers that reuse an array. */
    public void copyVector(int item, float[] out, int offset) {
        System.arraycopy(rows, item * k, out, offset, k);
    }
}
