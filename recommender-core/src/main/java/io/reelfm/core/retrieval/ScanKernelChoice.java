package io.reelfm.core.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ScanKernel} this JVM uses, chosen once when first needed. */
final class ScanKernelChoice {

    private static final Logger LOG = LoggerFactory.getLogger(ScanKernel.class);

    static final ScanKernel BEST = choose();

    private ScanKernelChoice() {
    }

    private static ScanKernel choose() {
        if ("scalar".equals(System.getProperty("reelfm.scan"))) {
            return ScalarScanKernel.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.info("catalogue scans use the portable kernel; start the JVM with --add-modules "
                    + "jdk.incubator.vector for the SIMD one (about 3x faster)");
            return ScalarScanKernel.INSTANCE;
        }
        try {
            ScanKernel kernel = VectorScanKernel.create();
            LOG.info("catalogue scans use the {} kernel", kernel.describe());
            return kernel;
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("SIMD catalogue scan unavailable ({}); using the portable kernel", e.toString());
            return ScalarScanKernel.INSTANCE;
        }
    }
}
