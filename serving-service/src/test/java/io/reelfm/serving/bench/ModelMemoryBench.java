package io.reelfm.serving.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

import io.reelfm.serving.model.FactorModel;
import io.reelfm.serving.model.TestModels;

/**
 * Heap a loaded model version costs per item: a random id-only RFM2 snapshot of {@code items}
 * items at each k is decoded into a {@link FactorModel} (scorer, retrieval matrix and the
 * similarity index, as serving holds it), and the heap after full collections is compared with
 * the heap before. The payload bytes are printed beside it, since that is what every instance
 * restores from the snapshot topic. During a version swap an instance holds two versions at once.
 *
 * <pre>
 * java -Xmx2g -cp ... io.reelfm.serving.bench.ModelMemoryBench &lt;items&gt; &lt;k&gt;...
 * </pre>
 */
public final class ModelMemoryBench {

    private ModelMemoryBench() {
    }

    public static void main(String[] args) {
        int items = Integer.parseInt(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int a = 1; a < args.length; a++) {
            int k = Integer.parseInt(args[a]);
            byte[] payload = TestModels.randomPayload(items, k, "item-", 42);
            int payloadBytes = payload.length;
            var manifest = TestModels.manifest("memory-" + k, 1, payload, 1);
            long before = heapAfterGc(memory);
            FactorModel model = FactorModel.fromPayload(manifest, payload);
            long after = heapAfterGc(memory); // the payload is live in both measurements, so it cancels out
            long bytes = after - before;
            System.out.printf(Locale.ROOT, "k=%d items=%,d: loaded model %,d B on the heap = %.0f B/item; payload %,d B = %.0f B/item%n",
                    k, model.items(), bytes, (double) bytes / items, payloadBytes, (double) payloadBytes / items);
            if (payload.length != payloadBytes) {
                throw new IllegalStateException("payload changed while loading");
            }
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
