package io.reelfm.core.retrieval;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD scan kernel on the JDK's vector module: for each lane-wide slice of the block, the
 * scores stay in one register while all k factor columns stream past, then are stored once.
 * Loaded only when the module is in the boot layer ({@link ScanKernel#best()}).
 */
final class VectorScanKernel implements ScanKernel {

    private static final int B = ItemMatrix.BLOCK;

    /**
     * Static finals, not fields of the instance: the JIT compiles vector operations to
     * instructions only when their species is a constant it can see (the 8-bit widening ran about
     * 40x slower through an instance field).
     */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /**
     * One byte per float lane (a quarter of the float shape), widened by a single conversion; null
     * where that shape does not exist (fewer than 8 float lanes): codes then take the portable loop.
     */
    private static final VectorSpecies<Byte> CODES = FLOATS.length() < 8 ? null
            : VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * 8));

    private VectorScanKernel() {
    }

    static ScanKernel create() {
        if (FLOATS.length() < 4 || B % FLOATS.length() != 0) {
            return ScalarScanKernel.INSTANCE;
        }
        return new VectorScanKernel();
    }

    @Override
    public void accumulate(float[] blocks, int base, int k, float[] query, float[] dst, int o) {
        int lanes = FLOATS.length();
        for (int i = 0; i < B; i += lanes) {
            FloatVector acc = FloatVector.fromArray(FLOATS, dst, o + i);
            int c = base + i;
            for (int f = 0; f < k; f++) {
                acc = acc.add(FloatVector.fromArray(FLOATS, blocks, c).mul(query[f]));
                c += B;
            }
            acc.intoArray(dst, o + i);
        }
    }

    @Override
    public void accumulateCodes(byte[] codes, int base, int k, float[] query, float[] dst, int o) {
        if (CODES == null) {
            ScalarScanKernel.INSTANCE.accumulateCodes(codes, base, k, query, dst, o);
            return;
        }
        int lanes = FLOATS.length();
        for (int i = 0; i < B; i += lanes) {
            FloatVector acc = FloatVector.fromArray(FLOATS, dst, o + i);
            int c = base + i;
            for (int f = 0; f < k; f++) {
                FloatVector column = (FloatVector) ByteVector.fromArray(CODES, codes, c)
                        .convertShape(VectorOperators.B2F, FLOATS, 0);
                acc = acc.add(column.mul(query[f]));
                c += B;
            }
            acc.intoArray(dst, o + i);
        }
    }

    @Override
    public String describe() {
        return "SIMD, " + FLOATS.vectorBitSize() + "-bit";
    }
}
