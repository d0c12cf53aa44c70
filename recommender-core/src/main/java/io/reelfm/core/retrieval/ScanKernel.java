package io.reelfm.core.retrieval;

/**
 * The inner loop of a catalogue scan: one block of {@link ItemMatrix#BLOCK} items, factor-major,
 * accumulated into scores that already hold each item's constant and bias.
 *
 * <p>Every implementation computes, per item, {@code s = s + column_f[i] * query[f]} for f in
 * order with a rounding after each multiply and each add (no fused multiply-add), so all of them
 * return bit-identical scores: two replicas on different hardware, or one JVM with and one
 * without the vector module, serve the same lists.
 *
 * <p>{@link #best()} picks the SIMD kernel when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher, the image and the tests do), and the
 * portable scalar kernel otherwise. The SIMD kernel keeps a lane of scores in a register across
 * all factors instead of re-reading them per factor, which is what makes it about 3x faster
 * (see docs/benchmarks.md, "Catalogue scan kernels"). {@code -Dreelfm.scan=scalar} forces the
 * portable kernel, for measuring one against the other.
 */
public interface ScanKernel {

    /**
     * {@code dst[o + i] += sum_f blocks[base + f * BLOCK + i] * query[f]} for i in [0, BLOCK).
     *
     * @param blocks the factor-major blocks of an {@link ItemMatrix}
     * @param base   the first value of this block ({@code block * BLOCK * k})
     * @param k      factors per item
     */
    void accumulate(float[] blocks, int base, int k, float[] query, float[] dst, int o);

    /**
     * The same sum over 8-bit codes ({@code dst[o + i] += sum_f codes[base + f * BLOCK + i] * query[f]}),
     * for the approximate first pass of a catalogue scan ({@link QuantizedScan}). Its order of
     * additions is free: the error bound that pass uses holds for any order.
     */
    void accumulateCodes(byte[] codes, int base, int k, float[] query, float[] dst, int o);

    /** A short description for logs and benchmark reports. */
    String describe();

    /** The fastest kernel this JVM can run (see the class comment). */
    static ScanKernel best() {
        return ScanKernelChoice.BEST;
    }

    /** The portable kernel, whatever the JVM offers. */
    static ScanKernel scalar() {
        return ScalarScanKernel.INSTANCE;
    }
}
