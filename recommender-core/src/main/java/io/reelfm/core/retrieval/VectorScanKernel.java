package io.reelfm.core.retrieval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD scan kernel on the JDK's vector module: for each lane-wide slice of the block, the
 * scores stay in one register while all k factor columns stream past, then are stored once.
 * Loaded only when the module is in the boot layer ({@link ScanKernel#best()}).
 */
final class VectorScanKernel implements ScanKernel {

    private static final int B = ItemMatrix.BLOCK;

    private final VectorSpecies<Float> species;

    private VectorScanKernel(VectorSpecies<Float> species) {
        this.species = species;
    }

    static ScanKernel create() {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        if (species.length() < 4 || B % species.length() != 0) {
            return ScalarScanKernel.INSTANCE;
        }
        return new VectorScanKernel(species);
    }

    @Override
    public void accumulate(float[] blocks, int base, int k, float[] query, float[] dst, int o) {
        int lanes = species.length();
        for (int i = 0; i < B; i += lanes) {
            FloatVector acc = FloatVector.fromArray(species, dst, o + i);
            int c = base + i;
            for (int f = 0; f < k; f++) {
                acc = acc.add(FloatVector.fromArray(species, blocks, c).mul(query[f]));
                c += B;
            }
            acc.intoArray(dst, o + i);
        }
    }

    @Override
    public String describe() {
        return "SIMD, " + species.vectorBitSize() + "-bit";
    }
}
